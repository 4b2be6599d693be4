package dev.lodestar.demo;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lodestar.insight.KpiReviewService;

/**
 * "A day in Lodestar": this month's KPI review waits in erin's My work, its figures gathered
 * from the history every other demo part created. Seeded last, after {@link DemoHistory}, so the
 * review's figures hold the six months. Once per month.
 */
@Component
@Order(InsightDemo.ORDER)
@ConditionalOnProperty(name = "lodestar.demo.enabled", havingValue = "true")
@ConditionalOnProperty(name = "lodestar.demo.insight", havingValue = "true", matchIfMissing = true)
class InsightDemo implements DemoData {

	/** After every other part of the demo. */
	static final int ORDER = 900;

	private static final Logger log = LoggerFactory.getLogger(InsightDemo.class);

	private final KpiReviewService service;
	private final ProcessEngineConfigurationImpl engineConfiguration;

	InsightDemo(KpiReviewService service, ProcessEngineConfigurationImpl engineConfiguration) {
		this.engineConfiguration = engineConfiguration;
		this.service = service;
	}

	@Override
	public void seed() {
		if (service.reviewedThisMonth() || DemoCases.standAside(engineConfiguration)) {
			return;
		}
		var instance = service.requestReview("erin");
		log.info("Demo KPI review waiting for the executives ({})", instance.getBusinessKey());
	}

}
