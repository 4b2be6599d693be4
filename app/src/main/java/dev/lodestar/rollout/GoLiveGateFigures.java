package dev.lodestar.rollout;

import java.util.EnumMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.lodestar.system.ProcessApi;

/**
 * Gathers the go-live gate's inputs from the rollout's own records, so the DMN judges real
 * figures: completion of the three waves due before go-live, open barrier points, open
 * critical issues; the UAT result is the project team's sign-off (or a later re-test).
 */
@Component("goLiveGateFigures")
public class GoLiveGateFigures {

	private final GoLiveGate gate;

	GoLiveGateFigures(GoLiveGate gate) {
		this.gate = gate;
	}

	@ProcessApi
	public void gather(DelegateExecution execution) {
		Long rolloutId = (Long) execution.getVariable(RolloutProcess.VAR_ROLLOUT_ID);
		var waves = new EnumMap<WaveKind, Long>(WaveKind.class);
		waves.put(WaveKind.EXECUTIVES, (Long) execution.getVariable(RolloutProcess.VAR_EXECUTIVES_WAVE));
		waves.put(WaveKind.PROJECT_TEAM, (Long) execution.getVariable(RolloutProcess.VAR_PROJECT_TEAM_WAVE));
		waves.put(WaveKind.END_USERS, (Long) execution.getVariable(RolloutProcess.VAR_END_USERS_WAVE));
		boolean uat = Boolean.TRUE.equals(execution.getVariable(RolloutProcess.VAR_UAT_PASSED));
		gate.figures(rolloutId, waves, uat).forEach(execution::setVariable);
	}

}
