package dev.lodestar.rollout;

import dev.lodestar.system.FormValues;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.ProcessApi;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the actuals of each rollout phase when its activity starts and ends
 * ({@code ${phaseTracker.started(execution, 'DESIGN')}}): time from the engine's clock, cost from
 * the form's {@code actualCost}, quality from the variable that states each phase's result.
 */
@Component("phaseTracker")
@Transactional
public class PhaseTracker {

	/** The testing phase's result as stored; the rollout page names it in the reader's language. */
	static final String UAT_PASSED = "UAT passed";
	static final String UAT_FAILED = "UAT failed";

	private static final Map<Phase, String> QUALITY_VARIABLE = Map.of(Phase.SPONSORSHIP, "strategy",
			Phase.PROJECT_TEAM, RolloutProcess.VAR_PARTNER_PM, Phase.DESIGN, "designDecisions", Phase.CONFIGURATION,
			"configurationNotes", Phase.TESTING, RolloutProcess.VAR_UAT_PASSED, Phase.TRIAL_RUN, "trialFindings",
			Phase.GO_LIVE_DECISION, "goLiveRationale", Phase.REVIEW, "lessonsLearned");

	private final RolloutPhases phases;
	private final Clock clock;

	PhaseTracker(RolloutPhases phases, Optional<Clock> clock) {
		this.phases = phases;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	@ProcessApi
	public void started(DelegateExecution execution, String code) {
		phase(execution, code).ifPresent(p -> p.start(clock.instant()));
	}

	@ProcessApi
	public void completed(DelegateExecution execution, String code) {
		var phase = Phase.valueOf(code);
		var cost = dev.lodestar.system.DecimalColumn.MONEY_15_2.require(RolloutProcess.VAR_ACTUAL_COST,
				FormValues.decimal(RolloutProcess.VAR_ACTUAL_COST, execution.getVariable(RolloutProcess.VAR_ACTUAL_COST)));
		String qualityVariable = QUALITY_VARIABLE.get(phase);
		Object quality = qualityVariable == null ? null : execution.getVariable(qualityVariable);
		if (phase == Phase.TESTING && quality != null) {
			quality = Boolean.TRUE.equals(quality) ? UAT_PASSED : UAT_FAILED;
		}
		String qualityText = quality == null ? null : FormValues.text(quality);
		phase(execution, code).ifPresent(p -> p.complete(clock.instant(), cost, qualityText));
		if (cost != null) {
			// each phase states its own cost; never carry one phase's figure into the next
			execution.removeVariable(RolloutProcess.VAR_ACTUAL_COST);
		}
	}

	private Optional<RolloutPhase> phase(DelegateExecution execution, String code) {
		Object rolloutId = execution.getVariable(RolloutProcess.VAR_ROLLOUT_ID);
		if (!(rolloutId instanceof Long id)) {
			return Optional.empty();
		}
		return phases.findByRolloutIdAndCode(id, Phase.valueOf(code));
	}

}
