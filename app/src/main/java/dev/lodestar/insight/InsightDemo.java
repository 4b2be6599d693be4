package dev.lodestar.insight;

import java.time.YearMonth;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "A day in Lodestar": this month's KPI review waits in erin's My work, its figures gathered
 * from the history every other demo created. Runs last, so the other modules' demo cases
 * are already there; when the six months of {@link DemoHistory} are being seeded, it waits for
 * {@link DemoHistoryFinished}, so the review's figures hold them. Once per month.
 */
@Component
@Order(InsightDemo.ORDER)
@ConditionalOnProperty(name = "lodestar.demo.enabled", havingValue = "true")
@ConditionalOnProperty(name = "lodestar.demo.insight", havingValue = "true", matchIfMissing = true)
class InsightDemo implements ApplicationRunner {

	/** After every other module's demo data. */
	static final int ORDER = 900;

	private static final Logger log = LoggerFactory.getLogger(InsightDemo.class);

	private final KpiReviews reviews;
	private final KpiReviewService service;
	private final ProcessEngineConfigurationImpl engineConfiguration;
	private final ObjectProvider<DemoHistory> history;

	InsightDemo(KpiReviews reviews, KpiReviewService service, ProcessEngineConfigurationImpl engineConfiguration,
			ObjectProvider<DemoHistory> history) {
		this.engineConfiguration = engineConfiguration;
		this.history = history;
		this.reviews = reviews;
		this.service = service;
	}

	@Override
	public void run(ApplicationArguments args) {
		var seeding = history.getIfAvailable();
		if (seeding != null && seeding.willSeed()) {
			log.info("Demo KPI review waits for the demo history");
			return;
		}
		requestReview();
	}

	@EventListener
	void on(DemoHistoryFinished finished) {
		requestReview();
	}

	private void requestReview() {
		if (reviews.existsByPeriod(YearMonth.now().toString()) || dev.lodestar.system.DemoCases.standAside(engineConfiguration)) {
			return;
		}
		var instance = service.requestReview("erin");
		log.info("Demo KPI review of {} waiting for the executives ({})", YearMonth.now(), instance.getBusinessKey());
	}

}
