package dev.lodestar.insight;

import java.time.Instant;
import java.util.Set;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One KPI review: when its figures were gathered and what leadership decided. */
@Entity
@Table(name = "crm_kpi_review")
class KpiReview {

	static final Set<String> DECISIONS = Set.of(KpiReviewProcess.DECISION_KEEP, KpiReviewProcess.DECISION_ADJUST,
			KpiReviewProcess.DECISION_ACT);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String period;

	private String triggerKind;

	private Instant gatheredAt;

	private String decision;

	private String decisionNotes;

	private String decidedBy;

	private Instant decidedAt;

	protected KpiReview() {
	}

	KpiReview(String period, String triggerKind, Instant now) {
		this.period = period;
		this.triggerKind = triggerKind;
		this.gatheredAt = now;
	}

	void decide(String decision, String notes, String by, Instant now) {
		if (this.decision != null) {
			throw new ConflictException("KPI review " + id + " is already decided");
		}
		if (decision == null || !DECISIONS.contains(decision)) {
			throw new InvalidInputException(KpiReviewProcess.VAR_DECISION, "must be one of keep, adjust, act");
		}
		this.decision = decision;
		this.decisionNotes = notes;
		this.decidedBy = by;
		this.decidedAt = now;
	}

	Long getId() {
		return id;
	}

	String getPeriod() {
		return period;
	}

	String getTriggerKind() {
		return triggerKind;
	}

	Instant getGatheredAt() {
		return gatheredAt;
	}

	String getDecision() {
		return decision;
	}

	String getDecisionNotes() {
		return decisionNotes;
	}

	String getDecidedBy() {
		return decidedBy;
	}

	Instant getDecidedAt() {
		return decidedAt;
	}

}
