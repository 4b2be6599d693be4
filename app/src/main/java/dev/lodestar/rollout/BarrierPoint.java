package dev.lodestar.rollout;

import java.time.Instant;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ADKAR dimension scored 3 or less for one stakeholder: open until its mitigation is recorded. */
@Entity
@Table(name = "crm_barrier_point")
class BarrierPoint {

	enum Status {
		OPEN, MITIGATED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long stakeholderId;

	private Long rolloutId;

	private String dimension;

	private int score;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String mitigation;

	private Instant openedAt;

	private Instant closedAt;

	protected BarrierPoint() {
	}

	BarrierPoint(Stakeholder stakeholder, String dimension, int score, Instant now) {
		this.stakeholderId = stakeholder.getId();
		this.rolloutId = stakeholder.getRolloutId();
		this.dimension = dimension;
		this.score = score;
		this.status = Status.OPEN;
		this.openedAt = now;
	}

	void mitigate(String what, Instant now) {
		if (status == Status.MITIGATED) {
			throw new ConflictException("Barrier point " + id + " is already mitigated");
		}
		if (what == null || what.isBlank()) {
			throw new InvalidInputException("mitigation", "say what was done to remove the barrier point");
		}
		this.mitigation = what;
		this.status = Status.MITIGATED;
		this.closedAt = now;
	}

	Long getId() {
		return id;
	}

	Long getStakeholderId() {
		return stakeholderId;
	}

	String getDimension() {
		return dimension;
	}

	int getScore() {
		return score;
	}

	Status getStatus() {
		return status;
	}

	String getMitigation() {
		return mitigation;
	}

}
