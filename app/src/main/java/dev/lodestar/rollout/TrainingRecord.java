package dev.lodestar.rollout;

import java.time.Instant;

import dev.lodestar.system.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One participant of one wave: invited, then attended with a knowledge-check score. */
@Entity
@Table(name = "crm_training_record")
class TrainingRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long waveId;

	private String participant;

	private Instant invitedAt;

	private boolean attended;

	private Integer score;

	private Instant completedAt;

	private Instant remindedAt;

	protected TrainingRecord() {
	}

	TrainingRecord(Long waveId, String participant, Instant now) {
		this.waveId = waveId;
		this.participant = participant;
		this.invitedAt = now;
	}

	/** Completed = attended with a knowledge-check score; absence keeps the record open. */
	void record(Boolean attended, Integer score, Instant now) {
		if (score != null && (score < 0 || score > 100)) {
			throw new InvalidInputException("score", "must be between 0 and 100 (%), was " + score);
		}
		if (Boolean.TRUE.equals(attended) && score == null) {
			throw new InvalidInputException("score", "is required when the participant attended");
		}
		this.attended = Boolean.TRUE.equals(attended);
		this.score = score;
		this.completedAt = this.attended ? now : null;
	}

	void reminded(Instant now) {
		this.remindedAt = now;
	}

	boolean isCompleted() {
		return completedAt != null;
	}

	Long getWaveId() {
		return waveId;
	}

	String getParticipant() {
		return participant;
	}

	boolean isAttended() {
		return attended;
	}

	Integer getScore() {
		return score;
	}

	Instant getCompletedAt() {
		return completedAt;
	}

	Instant getRemindedAt() {
		return remindedAt;
	}

}
