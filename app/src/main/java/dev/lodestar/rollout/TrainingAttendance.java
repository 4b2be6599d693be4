package dev.lodestar.rollout;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a session's attendance list, as the trainer took it. */
@Entity
@Table(name = "crm_training_attendance")
class TrainingAttendance {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long sessionId;

	private String participant;

	private boolean present;

	private String recordedBy;

	private Instant recordedAt;

	protected TrainingAttendance() {
	}

	TrainingAttendance(Long sessionId, String participant) {
		this.sessionId = sessionId;
		this.participant = participant;
	}

	void take(boolean present, String by, Instant now) {
		this.present = present;
		this.recordedBy = by;
		this.recordedAt = now;
	}

	String getParticipant() {
		return participant;
	}

	boolean isPresent() {
		return present;
	}

	String getRecordedBy() {
		return recordedBy;
	}

	Instant getRecordedAt() {
		return recordedAt;
	}

}
