package dev.lodestar.rollout;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingSessions extends JpaRepository<TrainingSession, Long> {

	List<TrainingSession> findByWaveIdOrderByStartsAt(Long waveId);

}
