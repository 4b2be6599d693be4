package dev.lodestar.rollout;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Rollouts extends JpaRepository<Rollout, Long> {

	Optional<Rollout> findFirstByName(String name);

}

interface RolloutPhases extends JpaRepository<RolloutPhase, Long> {

	List<RolloutPhase> findByRolloutIdOrderByPosition(Long rolloutId);

	Optional<RolloutPhase> findByRolloutIdAndCode(Long rolloutId, Phase code);

}

interface Stakeholders extends JpaRepository<Stakeholder, Long> {

	List<Stakeholder> findByRolloutIdOrderById(Long rolloutId);

}

interface BarrierPoints extends JpaRepository<BarrierPoint, Long> {

	List<BarrierPoint> findByStakeholderIdAndStatusOrderById(Long stakeholderId, BarrierPoint.Status status);

	List<BarrierPoint> findByRolloutIdOrderById(Long rolloutId);

	long countByRolloutIdAndStatus(Long rolloutId, BarrierPoint.Status status);

}

interface TrainingWaves extends JpaRepository<TrainingWave, Long> {

	List<TrainingWave> findByRolloutIdOrderById(Long rolloutId);

}

interface TrainingSessions extends JpaRepository<TrainingSession, Long> {

	List<TrainingSession> findByWaveIdOrderByStartsAt(Long waveId);

}

interface TrainingRecords extends JpaRepository<TrainingRecord, Long> {

	List<TrainingRecord> findByWaveIdOrderByParticipant(Long waveId);

	Optional<TrainingRecord> findByWaveIdAndParticipant(Long waveId, String participant);

	List<TrainingRecord> findByParticipantOrderById(String participant);

}

interface RolloutIssues extends JpaRepository<RolloutIssue, Long> {

	List<RolloutIssue> findByRolloutIdOrderById(Long rolloutId);

	long countByRolloutIdAndCriticalTrueAndStatus(Long rolloutId, RolloutIssue.Status status);

}

interface TrainingAttendances extends JpaRepository<TrainingAttendance, Long> {

	List<TrainingAttendance> findBySessionIdOrderByParticipant(Long sessionId);

	Optional<TrainingAttendance> findBySessionIdAndParticipant(Long sessionId, String participant);

}

interface StakeholderAssessments extends JpaRepository<StakeholderAssessment, Long> {

	List<StakeholderAssessment> findByStakeholderIdOrderByAssessedAtAscIdAsc(Long stakeholderId);

}

interface RolloutMessages extends JpaRepository<RolloutMessage, Long> {

	List<RolloutMessage> findByRolloutIdOrderBySentAtDescIdDesc(Long rolloutId);

}
