package dev.lodestar.modeling;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys the model files at start-up, as soon as every bean is ready (before the web server
 * opens and the demo is seeded), through the one deployment path of {@link ModelService}:
 * a file is deployed only when its content differs from what was last deployed from that
 * file, so a restart never makes a spurious version and never reverts a newer version
 * deployed from the browser (the log names each model that differs from its file).
 */
@Component
@Order(ProcessModelDeployer.ORDER)
class ProcessModelDeployer implements SmartInitializingSingleton {

	static final int ORDER = 20;

	private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

	private final ModelService models;
	private final ModelFiles files;
	private final ApplicationEventPublisher events;

	ProcessModelDeployer(ModelService models, ModelFiles files, ApplicationEventPublisher events) {
		this.models = models;
		this.files = files;
		this.events = events;
	}

	@Override
	public void afterSingletonsInstantiated() {
		events.publishEvent(deploy());
	}

	ProcessModelsDeployed deploy() {
		var found = files.read();
		if (found.isEmpty()) {
			log.warn("No process models found at {}", files.settings().locations());
			return new ProcessModelsDeployed(null, List.of());
		}
		return models.deployFiles(files.settings().deploymentName(), found);
	}

}
