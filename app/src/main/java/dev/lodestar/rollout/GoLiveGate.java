package dev.lodestar.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The go-live gate's inputs, read from the rollout's own records (training completion of the
 * three waves due before go-live, open barrier points, open critical issues, the UAT sign-off),
 * judged by the DMN {@code go-live-gate}: the process evaluates it at the gate, the rollout page
 * evaluates it again with today's figures, and shows the process's last verdict beside it.
 */
@Component
@Transactional(readOnly = true)
class GoLiveGate {

	static final String EXECUTIVES = "executivesCompletion";
	static final String PROJECT_TEAM = "projectTeamCompletion";
	static final String END_USERS = "endUsersCompletion";
	static final String BARRIER_POINTS = "openBarrierPoints";
	static final String CRITICAL_ISSUES = "openCriticalIssues";

	private final TrainingService training;
	private final StakeholderRegister register;
	private final RolloutIssues issues;
	private final DecisionService decisions;
	private final HistoryService history;

	GoLiveGate(TrainingService training, StakeholderRegister register, RolloutIssues issues,
			DecisionService decisions, HistoryService history) {
		this.training = training;
		this.register = register;
		this.issues = issues;
		this.decisions = decisions;
		this.history = history;
	}

	/** The gate's inputs as they stand: completion in %, counts, the UAT result. */
	Map<String, Object> figures(Long rolloutId, Map<WaveKind, Long> waves, boolean uatPassed) {
		var figures = new LinkedHashMap<String, Object>();
		figures.put(EXECUTIVES, completion(waves.get(WaveKind.EXECUTIVES)));
		figures.put(PROJECT_TEAM, completion(waves.get(WaveKind.PROJECT_TEAM)));
		figures.put(END_USERS, completion(waves.get(WaveKind.END_USERS)));
		figures.put(BARRIER_POINTS, (int) register.openBarrierPoints(rolloutId));
		figures.put(CRITICAL_ISSUES,
				(int) issues.countByRolloutIdAndCriticalTrueAndStatus(rolloutId, RolloutIssue.Status.OPEN));
		figures.put(RolloutProcess.VAR_UAT_PASSED, uatPassed);
		return figures;
	}

	/** The DMN's reasons for no-go; none = go. */
	List<String> reasons(Map<String, Object> figures) {
		var result = decisions.evaluateDecisionTableByKey(RolloutProcess.DECISION_GATE, figures);
		var reasons = new ArrayList<String>();
		result.forEach(rule -> {
			Object reason = rule.getSingleEntry();
			if (reason != null) {
				reasons.add(reason.toString());
			}
		});
		return reasons;
	}

	/**
	 * Today's verdict for a rollout: its figures now, judged by the same DMN as the process. A
	 * transaction of its own, not read-only: the engine records the decision's evaluation in its
	 * history, a write PostgreSQL refuses inside the pages' read-only transactions (H2 lets it pass).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Verdict now(Rollout rollout) {
		var waves = new java.util.EnumMap<WaveKind, Long>(WaveKind.class);
		// the waves the rollout started with (a wave added later for the same audience does not replace them)
		training.wavesOf(rollout.getId()).forEach(w -> waves.putIfAbsent(WaveKind.valueOf(w.kind()), w.waveId()));
		boolean uat = Boolean.TRUE.equals(variable(rollout, RolloutProcess.VAR_UAT_PASSED).map(Map.Entry::getValue).orElse(null));
		var figures = figures(rollout.getId(), waves, uat);
		return new Verdict(figures, reasons(figures), null);
	}

	/** The verdict the process took at the gate, the last time it passed there; empty before. */
	Optional<Verdict> last(Rollout rollout) {
		return variable(rollout, RolloutProcess.VAR_GATE_REASONS).map(entry -> {
			var reasons = new ArrayList<String>();
			if (entry.getValue() instanceof List<?> list) {
				list.forEach(r -> reasons.add(String.valueOf(r)));
			}
			var figures = new LinkedHashMap<String, Object>();
			for (String name : List.of(EXECUTIVES, PROJECT_TEAM, END_USERS, BARRIER_POINTS, CRITICAL_ISSUES,
					RolloutProcess.VAR_UAT_PASSED)) {
				variable(rollout, name).ifPresent(v -> figures.put(name, v.getValue()));
			}
			return new Verdict(figures, reasons, entry.getKey());
		});
	}

	private Optional<Map.Entry<Instant, Object>> variable(Rollout rollout, String name) {
		if (rollout.getProcessInstanceId() == null) {
			return Optional.empty();
		}
		return history.createHistoricVariableInstanceQuery()
			.processInstanceId(rollout.getProcessInstanceId())
			.variableName(name)
			.list()
			.stream()
			.max(Comparator.comparing(v -> v.getCreateTime()))
			.map(v -> Map.entry(v.getCreateTime().toInstant(), v.getValue() == null ? "" : v.getValue()));
	}

	private double completion(Long waveId) {
		return waveId == null ? 0 : training.progress(training.wave(waveId)).completionPercent();
	}

	/** The gate's inputs and its reasons for no-go; {@code at} = when the process judged, null for now. */
	record Verdict(Map<String, Object> figures, List<String> reasons, Instant at) {

		boolean go() {
			return reasons.isEmpty();
		}

	}

}
