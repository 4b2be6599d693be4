package dev.lodestar.rollout;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RolloutIssues extends JpaRepository<RolloutIssue, Long> {

	List<RolloutIssue> findByRolloutIdOrderById(Long rolloutId);

	long countByRolloutIdAndCriticalTrueAndStatus(Long rolloutId, RolloutIssue.Status status);

}
