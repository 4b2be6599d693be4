package dev.lodestar.demo;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.rollout.RolloutService;

/**
 * "A day in Lodestar" for the rollout: the demo rollout (rollout 1 on a fresh database), replayed
 * up to its trial run by {@link RolloutScenario}, in one transaction and only once.
 * {@code lodestar.demo.rollout=false} switches it off.
 */
@Component
@Order(RolloutDemo.ORDER)
@ConditionalOnProperty(name = "lodestar.demo.enabled", havingValue = "true")
@ConditionalOnProperty(name = "lodestar.demo.rollout", havingValue = "true", matchIfMissing = true)
class RolloutDemo implements DemoData {

	static final int ORDER = 150;

	static final String NAME = "Lodestar CRM rollout";

	private static final Logger log = LoggerFactory.getLogger(RolloutDemo.class);

	private final RolloutScenario scenario;
	private final RolloutService rollouts;
	private final TransactionTemplate transaction;
	private final ProcessEngineConfigurationImpl engineConfiguration;

	RolloutDemo(RolloutScenario scenario, RolloutService rollouts, TransactionTemplate transaction,
			ProcessEngineConfigurationImpl engineConfiguration) {
		this.scenario = scenario;
		this.rollouts = rollouts;
		this.transaction = transaction;
		this.engineConfiguration = engineConfiguration;
	}

	@Override
	public void seed() {
		if (rollouts.exists(NAME) || DemoCases.standAside(engineConfiguration)) {
			return;
		}
		long started = System.nanoTime();
		Long id = transaction.execute(status -> scenario.trialRun(NAME));
		log.info("Demo rollout {} created in {} ms", id, java.time.Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

}
