package dev.lodestar.rollout;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RolloutPhases extends JpaRepository<RolloutPhase, Long> {

	List<RolloutPhase> findByRolloutIdOrderByPosition(Long rolloutId);

	Optional<RolloutPhase> findByRolloutIdAndCode(Long rolloutId, Phase code);

}
