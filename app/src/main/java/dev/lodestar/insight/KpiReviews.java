package dev.lodestar.insight;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface KpiReviews extends JpaRepository<KpiReview, Long> {

	List<KpiReview> findTop12ByOrderByIdDesc();

	boolean existsByPeriod(String period);

}
