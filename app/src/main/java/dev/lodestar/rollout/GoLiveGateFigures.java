package dev.lodestar.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers the go-live gate's inputs from the rollout's own records, so the DMN judges real
 * figures: completion of the three waves due before go-live, open barrier points, open
 * critical issues; the UAT result is the project team's sign-off (or a later re-test).
 */
@Component("goLiveGateFigures")
class GoLiveGateFigures implements JavaDelegate {

	private final TrainingService training;
	private final StakeholderRegister register;
	private final RolloutService rollouts;

	GoLiveGateFigures(TrainingService training, StakeholderRegister register, RolloutService rollouts) {
		this.training = training;
		this.register = register;
		this.rollouts = rollouts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long rolloutId = (Long) execution.getVariable(RolloutProcess.VAR_ROLLOUT_ID);
		execution.setVariable("executivesCompletion", completion(execution, RolloutProcess.VAR_EXECUTIVES_WAVE));
		execution.setVariable("projectTeamCompletion", completion(execution, RolloutProcess.VAR_PROJECT_TEAM_WAVE));
		execution.setVariable("endUsersCompletion", completion(execution, RolloutProcess.VAR_END_USERS_WAVE));
		execution.setVariable("openBarrierPoints", (int) register.openBarrierPoints(rolloutId));
		execution.setVariable("openCriticalIssues", (int) rollouts.openCriticalIssues(rolloutId));
		execution.setVariable(RolloutProcess.VAR_UAT_PASSED,
				Boolean.TRUE.equals(execution.getVariable(RolloutProcess.VAR_UAT_PASSED)));
	}

	private double completion(DelegateExecution execution, String waveVariable) {
		return training.progress(training.wave((Long) execution.getVariable(waveVariable))).completionPercent();
	}

}
