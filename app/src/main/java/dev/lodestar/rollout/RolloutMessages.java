package dev.lodestar.rollout;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RolloutMessages extends JpaRepository<RolloutMessage, Long> {

	List<RolloutMessage> findByRolloutIdOrderBySentAtDescIdDesc(Long rolloutId);

}
