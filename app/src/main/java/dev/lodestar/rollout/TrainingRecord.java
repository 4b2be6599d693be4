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

	private Instant checkTakenAt;

	private Integer checkCorrect;

	private Integer checkQuestions;

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

	/** The trainer saw the participant at a session; with a knowledge-check score, the record completes. */
	void markAttended(Instant now) {
		this.attended = true;
		if (score != null && completedAt == null) {
			completedAt = now;
		}
	}

	/** The trainer's list says absent: an attendance taken by mistake is taken back. */
	void markAbsent() {
		this.attended = false;
		this.completedAt = null;
	}

	/** The knowledge check, taken in the app and scored against the key; one attempt per participant. */
	void checkTaken(int correct, int questions, Instant now) {
		if (checkTakenAt != null) {
			throw new dev.lodestar.system.ConflictException("the knowledge check was already taken on " + checkTakenAt);
		}
		if (questions <= 0 || correct < 0 || correct > questions) {
			throw new IllegalArgumentException(correct + " of " + questions);
		}
		this.checkCorrect = correct;
		this.checkQuestions = questions;
		this.checkTakenAt = now;
		this.score = (int) Math.round(100.0 * correct / questions);
		if (attended) {
			completedAt = now;
		}
	}

	boolean isCheckTaken() {
		return checkTakenAt != null;
	}

	Instant getCheckTakenAt() {
		return checkTakenAt;
	}

	Integer getCheckCorrect() {
		return checkCorrect;
	}

	Integer getCheckQuestions() {
		return checkQuestions;
	}

	Instant getInvitedAt() {
		return invitedAt;
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
