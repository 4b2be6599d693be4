package dev.lodestar.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.lodestar.system.ProcessApi;

/**
 * The rollout's last step: starts the first {@code kpi-review} by its start message (the same
 * one an on-demand review uses), so the periodic reviews take over after the rollout ends.
 */
@Component("kpiReviewRequest")
public class KpiReviewRequest {

	static final String MESSAGE = "KpiReviewRequested";

	@ProcessApi
	public void request(DelegateExecution execution) {
		execution.getProcessEngineServices()
			.getRuntimeService()
			.createMessageCorrelation(MESSAGE)
			.processInstanceBusinessKey("rollout-" + execution.getProcessBusinessKey() + "-kpi-review")
			.setVariable("requestedBy", RolloutProcess.KEY)
			.correlateStartMessage();
	}

}
