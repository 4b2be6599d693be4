package dev.lodestar.rollout;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingRecords extends JpaRepository<TrainingRecord, Long> {

	List<TrainingRecord> findByWaveIdOrderByParticipant(Long waveId);

	Optional<TrainingRecord> findByWaveIdAndParticipant(Long waveId, String participant);

	List<TrainingRecord> findByParticipantOrderById(String participant);

}
