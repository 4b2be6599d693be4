package dev.lodestar.insight;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dev.lodestar.system.ProcessApi;

/**
 * {@code Task_FollowUpKpi} (create): the task names the figure it is about, as its local
 * variable {@code kpiName}. A listener method, because models may not write variables through
 * {@code task} (README, Security model), and an input mapping runs before the multi-instance
 * element variable {@code kpiCode} exists.
 */
@Component("kpiNameLabel")
public class KpiNameLabel {

	private final KpiReviewService reviews;

	KpiNameLabel(KpiReviewService reviews) {
		this.reviews = reviews;
	}

	@ProcessApi
	public void label(DelegateTask task) {
		task.setVariableLocal("kpiName", reviews.nameOf(String.valueOf(task.getVariable("kpiCode"))));
	}

}
