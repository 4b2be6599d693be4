package dev.lodestar.insight;

import org.springframework.stereotype.Component;

import dev.lodestar.system.ProcessApi;

/** The timer start of {@code kpi-review} reads its cycle here: {@code ${kpiReviewSchedule.cycle}}. */
@Component("kpiReviewSchedule")
public class KpiReviewSchedule {

	private final InsightSettings settings;

	KpiReviewSchedule(InsightSettings settings) {
		this.settings = settings;
	}

	@ProcessApi
	public String getCycle() {
		return settings.reviewCycle();
	}

}
