package dev.lodestar.rollout;

import java.time.Instant;

import dev.lodestar.system.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of the rollout's issue log (testing and trial run); open critical ones block go-live. */
@Entity
@Table(name = "crm_rollout_issue")
public class RolloutIssue {

	enum Status {
		OPEN, CLOSED
	}

	/** How bad an issue is; an open {@code CRITICAL} one blocks the go-live gate. */
	public enum Severity {
		LOW, MEDIUM, HIGH, CRITICAL
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long rolloutId;

	private String title;

	private boolean critical;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	private String assignee;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String reportedBy;

	private Instant openedAt;

	private Instant closedAt;

	protected RolloutIssue() {
	}

	RolloutIssue(Long rolloutId, String title, boolean critical, String reportedBy, Instant now) {
		this(rolloutId, title, critical ? Severity.CRITICAL : Severity.MEDIUM, null, reportedBy, now);
	}

	RolloutIssue(Long rolloutId, String title, Severity severity, String assignee, String reportedBy, Instant now) {
		if (title == null || title.isBlank()) {
			throw new dev.lodestar.system.InvalidInputException("title", "say what the issue is");
		}
		this.rolloutId = rolloutId;
		this.title = title.trim();
		this.severity = severity == null ? Severity.MEDIUM : severity;
		this.critical = this.severity == Severity.CRITICAL;
		this.assignee = blankToNull(assignee);
		this.reportedBy = reportedBy;
		this.status = Status.OPEN;
		this.openedAt = now;
	}

	/** A closed issue stays as it was closed: reopening is a new issue. */
	void classify(Severity severity) {
		requireOpen();
		if (severity == null) {
			throw new dev.lodestar.system.InvalidInputException("severity", "is required");
		}
		this.severity = severity;
		this.critical = severity == Severity.CRITICAL;
	}

	void assign(String assignee) {
		requireOpen();
		this.assignee = blankToNull(assignee);
	}

	private void requireOpen() {
		if (status == Status.CLOSED) {
			throw new ConflictException("Issue " + id + " is closed");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	void close(Instant now) {
		if (status == Status.CLOSED) {
			throw new ConflictException("Issue " + id + " is already closed");
		}
		status = Status.CLOSED;
		closedAt = now;
	}

	public Long getId() {
		return id;
	}

	Long getRolloutId() {
		return rolloutId;
	}

	String getTitle() {
		return title;
	}

	boolean isCritical() {
		return critical;
	}

	Severity getSeverity() {
		return severity == null ? (critical ? Severity.CRITICAL : Severity.MEDIUM) : severity;
	}

	String getAssignee() {
		return assignee;
	}

	Instant getClosedAt() {
		return closedAt;
	}

	Status getStatus() {
		return status;
	}

	String getReportedBy() {
		return reportedBy;
	}

	Instant getOpenedAt() {
		return openedAt;
	}

}
