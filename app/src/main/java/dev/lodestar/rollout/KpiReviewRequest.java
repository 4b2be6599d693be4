package dev.lodestar.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.lodestar.system.ProcessApi;

/**
 * The rollout's last step: starts the first {@code kpi-review} by its start message (the same
 * one an on-demand review uses), so the periodic reviews take over after the rollout ends.
 */
@ProcessApi
@Component("kpiReviewRequest")
class KpiReviewRequest implements JavaDelegate {

	static final String MESSAGE = "KpiReviewRequested";

	@Override
	public void execute(DelegateExecution execution) {
		execution.getProcessEngineServices()
			.getRuntimeService()
			.createMessageCorrelation(MESSAGE)
			.processInstanceBusinessKey("rollout-" + execution.getProcessBusinessKey() + "-kpi-review")
			.setVariable("requestedBy", RolloutProcess.KEY)
			.correlateStartMessage();
	}

}
