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

	/** The latest rollout as it stands now, or {@code null} when none was started. */
	default Programme latest() {
		return latest(null);
	}

	/**
	 * The latest rollout with its stakeholders' ADKAR scores as they stood at {@code asOf} (the
	 * last assessment before it; none when not assessed by then), or now when {@code asOf} is
	 * {@code null}; {@code null} when no rollout was started.
	 */
	Programme latest(Instant asOf);

	record Programme(Long id, String name, String status, List<PhaseRow> phases, List<GateRow> gates,
			List<StakeholderRow> stakeholders, List<BarrierRow> barriers, List<IssueRow> issues) {
	}

	record PhaseRow(String code, String name, int position, Instant plannedStart, Instant plannedEnd,
			Instant actualStart, Instant actualEnd, BigDecimal plannedCost, BigDecimal actualCost,
			String qualityTarget, String qualityResult, String status) {
	}

	/**
	 * One evaluation of the go-live gate decision table: when, the figures that went in (by the
	 * table's input names), its outputs (one per no-go reason) and its verdict: go when no rule
	 * gave a reason.
	 */
	record GateRow(Instant evaluatedAt, Map<String, Object> inputs, List<Map<String, Object>> outputs, boolean go) {
	}

	record StakeholderRow(Long id, String name, String category, String department, int influence, int interest,
			Integer awareness, Integer desire, Integer knowledge, Integer ability, Integer reinforcement,
			String quadrant) {
	}

	/**
	 * @param mitigation what was done, once mitigated
	 * @param mitigationTask who holds the open mitigation task (the register's name for it),
	 * {@code ""} for an unclaimed one, {@code null} when no task is open
	 */
	record BarrierRow(Long id, String stakeholder, String dimension, int score, String status, String mitigation,
			Instant openedAt, Instant closedAt, String mitigationTask) {
	}

	record IssueRow(Long id, String title, boolean critical, String status, String reportedBy, Instant openedAt,
			Instant closedAt) {
	}

}
