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
class RolloutIssue {

	enum Status {
		OPEN, CLOSED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long rolloutId;

	private String title;

	private boolean critical;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String reportedBy;

	private Instant openedAt;

	private Instant closedAt;

	protected RolloutIssue() {
	}

	RolloutIssue(Long rolloutId, String title, boolean critical, String reportedBy, Instant now) {
		this.rolloutId = rolloutId;
		this.title = title;
		this.critical = critical;
		this.reportedBy = reportedBy;
		this.status = Status.OPEN;
		this.openedAt = now;
	}

	void close(Instant now) {
		if (status == Status.CLOSED) {
			throw new ConflictException("Issue " + id + " is already closed");
		}
		status = Status.CLOSED;
		closedAt = now;
	}

	Long getId() {
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
