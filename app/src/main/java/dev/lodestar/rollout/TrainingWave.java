package dev.lodestar.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One training wave for one audience (roles), with its completion target and deadline. */
@Entity
@Table(name = "crm_training_wave")
public class TrainingWave {

	enum Status {
		PLANNED, RUNNING, COMPLETED, ACCEPTED_BELOW_TARGET
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long rolloutId;

	@Enumerated(EnumType.STRING)
	private WaveKind code;

	private String name;

	/** Comma-separated role ids. */
	private String audience;

	private int completionTarget;

	private int passScore;

	private Instant deadline;

	private Instant reminderAt;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String processInstanceId;

	private Instant closedAt;

	protected TrainingWave() {
	}

	TrainingWave(Long rolloutId, WaveKind code, List<String> audience, int completionTarget, Instant deadline,
			Instant now) {
		var errors = new ArrayList<FieldError>();
		if (code == null) {
			errors.add(new FieldError("kind", "is required"));
		}
		if (audience == null || audience.stream().allMatch(a -> a == null || a.isBlank())) {
			errors.add(new FieldError("audience", "a wave needs an audience: at least one role"));
		}
		if (completionTarget < 1 || completionTarget > 100) {
			errors.add(new FieldError("completionTarget", "must be between 1 and 100 (%)"));
		}
		if (deadline == null || !deadline.isAfter(now)) {
			errors.add(new FieldError("deadline", "must be in the future"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.rolloutId = rolloutId;
		this.code = code;
		this.name = code.title();
		this.audience = String.join(",", audience.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList());
		this.completionTarget = completionTarget;
		this.passScore = 60;
		this.status = Status.PLANNED;
		setDeadline(deadline, now);
	}

	/** The reminder goes out when three quarters of the time to the deadline have passed. */
	private void setDeadline(Instant deadline, Instant now) {
		this.deadline = deadline;
		var lead = Duration.between(now, deadline).dividedBy(4);
		this.reminderAt = deadline.minus(lead);
	}

	void start(String processInstanceId) {
		this.processInstanceId = processInstanceId;
		this.status = Status.RUNNING;
	}

	void extend(Instant newDeadline, Instant now) {
		if (isClosed()) {
			throw new ConflictException("Wave " + id + " is closed");
		}
		if (newDeadline == null || !newDeadline.isAfter(now)) {
			throw new InvalidInputException("newDeadline", "must be in the future");
		}
		setDeadline(newDeadline, now);
	}

	void close(boolean targetMet, Instant now) {
		if (isClosed()) {
			return;
		}
		status = targetMet ? Status.COMPLETED : Status.ACCEPTED_BELOW_TARGET;
		closedAt = now;
	}

	boolean isClosed() {
		return status == Status.COMPLETED || status == Status.ACCEPTED_BELOW_TARGET;
	}

	List<String> getAudienceView() {
		return audienceRoles();
	}

	List<String> audienceRoles() {
		return Arrays.asList(audience.split(","));
	}

	public Long getId() {
		return id;
	}

	Long getRolloutId() {
		return rolloutId;
	}

	public WaveKind getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	int getCompletionTarget() {
		return completionTarget;
	}

	int getPassScore() {
		return passScore;
	}

	Instant getDeadline() {
		return deadline;
	}

	Instant getReminderAt() {
		return reminderAt;
	}

	Status getStatus() {
		return status;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	Instant getClosedAt() {
		return closedAt;
	}

}
