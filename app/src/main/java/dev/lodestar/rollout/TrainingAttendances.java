package dev.lodestar.rollout;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingAttendances extends JpaRepository<TrainingAttendance, Long> {

	List<TrainingAttendance> findBySessionIdOrderByParticipant(Long sessionId);

	Optional<TrainingAttendance> findBySessionIdAndParticipant(Long sessionId, String participant);

}
