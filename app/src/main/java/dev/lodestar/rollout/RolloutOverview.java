package dev.lodestar.rollout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of the rollout for leadership (insight's cockpit): phases plan vs actual,
 * go-live gate decisions with their reasons, stakeholders with ADKAR scores, barrier points,
 * critical issues. Training
 * progress is {@link TrainingProgress}'s. The rollout module's public API for reporting;
 * small lists (one programme), so the cockpit reads them directly.
 */
public interface RolloutOverview {

	/** The latest rollout, or {@code null} when none was started. */
	Programme latest();

	record Programme(Long id, String name, String status, List<PhaseRow> phases, List<GateRow> gates,
			List<StakeholderRow> stakeholders, List<BarrierRow> barriers, List<IssueRow> issues) {
	}

	record PhaseRow(String code, String name, int position, Instant plannedStart, Instant plannedEnd,
			Instant actualStart, Instant actualEnd, BigDecimal plannedCost, BigDecimal actualCost,
			String qualityTarget, String qualityResult, String status) {
	}

	/** One evaluation of the go-live gate decision table: when, and its outputs (reasons). */
	record GateRow(Instant evaluatedAt, List<Map<String, Object>> outputs) {
	}

	record StakeholderRow(Long id, String name, String category, String department, int influence, int interest,
			Integer awareness, Integer desire, Integer knowledge, Integer ability, Integer reinforcement,
			String quadrant) {
	}

	record BarrierRow(Long id, String stakeholder, String dimension, int score, String status, String mitigation,
			Instant openedAt, Instant closedAt) {
	}

	record IssueRow(Long id, String title, boolean critical, String status, String reportedBy, Instant openedAt,
			Instant closedAt) {
	}

}
