package dev.lodestar.rollout;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingWaves extends JpaRepository<TrainingWave, Long> {

	List<TrainingWave> findByRolloutIdOrderById(Long rolloutId);

}
