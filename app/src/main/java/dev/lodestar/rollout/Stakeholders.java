package dev.lodestar.rollout;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Stakeholders extends JpaRepository<Stakeholder, Long> {

	List<Stakeholder> findByRolloutIdOrderById(Long rolloutId);

}
