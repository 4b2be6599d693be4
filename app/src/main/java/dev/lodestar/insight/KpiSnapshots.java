package dev.lodestar.insight;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface KpiSnapshots extends JpaRepository<KpiSnapshot, Long> {

	List<KpiSnapshot> findByReviewIdOrderById(Long reviewId);

}
