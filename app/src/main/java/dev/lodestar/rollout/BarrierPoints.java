package dev.lodestar.rollout;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BarrierPoints extends JpaRepository<BarrierPoint, Long> {

	List<BarrierPoint> findByStakeholderIdAndStatusOrderById(Long stakeholderId, BarrierPoint.Status status);

	List<BarrierPoint> findByRolloutIdOrderById(Long rolloutId);

	long countByRolloutIdAndStatus(Long rolloutId, BarrierPoint.Status status);

}
