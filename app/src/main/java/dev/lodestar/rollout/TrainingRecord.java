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

	private Instant scoredAt;

	private String addedBy;

	private Instant removedAt;

	private String removedBy;

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
		this.scoredAt = score == null ? null : now;
		this.completedAt = this.attended ? now : null;
	}

	/** A person the trainer names into the wave (beside its roles), or brings back after a removal. */
	static TrainingRecord added(Long waveId, String participant, String by, Instant now) {
		var record = new TrainingRecord(waveId, participant, now);
		record.addedBy = by;
		return record;
	}

	/** The trainer takes the person out of the wave: they no longer count, whatever their roles. */
	void remove(String by, Instant now) {
		this.removedAt = now;
		this.removedBy = by;
	}

	/** The trainer brings a removed person back (or names one who was in it by role). */
	void restore(String by) {
		this.removedAt = null;
		this.removedBy = null;
		this.addedBy = by;
	}

	boolean isRemoved() {
		return removedAt != null;
	}

	String getAddedBy() {
		return addedBy;
	}

	/** Whether the knowledge check was scored at or above {@code passScore}. */
	boolean passed(int passScore) {
		return score != null && score >= passScore;
	}

	Instant getScoredAt() {
		return scoredAt;
	}

	/** The trainer saw the participant at a session; with a knowledge-check score, the record completes. */
	void markAttended(Instant now) {
		this.attended = true;
		if (score != null && completedAt == null) {
			completedAt = now;
		}
	}

	/** No session's list says present any more: an attendance taken by mistake is taken back. */
	void markAbsent() {
		this.attended = false;
		this.completedAt = null;
	}

	/**
	 * The knowledge check, taken in the app and scored against the key. Once passed, it is not
	 * taken again; a participant who did not pass may try again (the last attempt counts).
	 */
	void checkTaken(int correct, int questions, int passScore, Instant now) {
		if (passed(passScore)) {
			throw new dev.lodestar.system.ConflictException("the knowledge check was already passed on "
					+ (checkTakenAt != null ? checkTakenAt : scoredAt));
		}
		if (questions <= 0 || correct < 0 || correct > questions) {
			throw new IllegalArgumentException(correct + " of " + questions);
		}
		this.checkCorrect = correct;
		this.checkQuestions = questions;
		this.checkTakenAt = now;
		this.scoredAt = now;
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
