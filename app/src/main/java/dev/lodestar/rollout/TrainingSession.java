package dev.lodestar.rollout;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A session the trainer planned for a wave. */
@Entity
@Table(name = "crm_training_session")
public class TrainingSession {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long waveId;

	private String title;

	private Instant startsAt;

	private String location;

	private String trainer;

	protected TrainingSession() {
	}

	TrainingSession(Long waveId, String title, Instant startsAt, String location, String trainer) {
		this.waveId = waveId;
		this.title = title;
		this.startsAt = startsAt;
		this.location = location;
		this.trainer = trainer;
	}

	public Long getId() {
		return id;
	}

	Long getWaveId() {
		return waveId;
	}

	String getTrainer() {
		return trainer;
	}

	/** A place, or a link when the session is online. */
	boolean isOnline() {
		return location != null && (location.startsWith("https://") || location.startsWith("http://"));
	}

	String getTitle() {
		return title;
	}

	Instant getStartsAt() {
		return startsAt;
	}

	String getLocation() {
		return location;
	}

}
