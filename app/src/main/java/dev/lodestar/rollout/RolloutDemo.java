package dev.lodestar.rollout;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "A day in Lodestar" for the rollout: the demo rollout (rollout 1 on a fresh database), replayed
 * up to its trial run by {@link RolloutScenario}, in one transaction and only once.
 * {@code lodestar.demo.rollout=false} switches it off.
 */
@Component
@Order(RolloutDemo.ORDER)
@ConditionalOnProperty(name = "lodestar.demo.enabled", havingValue = "true")
@ConditionalOnProperty(name = "lodestar.demo.rollout", havingValue = "true", matchIfMissing = true)
class RolloutDemo implements ApplicationRunner {

	static final int ORDER = 150;

	static final String NAME = "Lodestar CRM rollout";

	private static final Logger log = LoggerFactory.getLogger(RolloutDemo.class);

	private final RolloutScenario scenario;
	private final Rollouts rollouts;
	private final TransactionTemplate transaction;
	private final ProcessEngineConfigurationImpl engineConfiguration;

	RolloutDemo(RolloutScenario scenario, Rollouts rollouts, TransactionTemplate transaction,
			ProcessEngineConfigurationImpl engineConfiguration) {
		this.scenario = scenario;
		this.rollouts = rollouts;
		this.transaction = transaction;
		this.engineConfiguration = engineConfiguration;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (rollouts.findFirstByName(NAME).isPresent() || dev.lodestar.system.DemoCases.standAside(engineConfiguration)) {
			return;
		}
		long started = System.currentTimeMillis();
		Long id = transaction.execute(status -> scenario.trialRun(NAME));
		log.info("Demo rollout {} created in {} ms", id, System.currentTimeMillis() - started);
	}

}
