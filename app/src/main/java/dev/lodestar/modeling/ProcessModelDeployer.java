package dev.lodestar.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model file at start-up under a stable resource name, and only what changed
 * since the last start-up deployment, so a restart, from the jar or from the IDE, never makes
 * a spurious new version.
 */
@Component
@Order(ProcessModelDeployer.ORDER)
class ProcessModelDeployer implements ApplicationRunner {

	static final int ORDER = 20;

	private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

	private static final List<String> ROOTS = List.of("processes/", "forms/");

	private final RepositoryService repositoryService;
	private final ResourcePatternResolver resources;
	private final ModelingSettings settings;
	private final ApplicationEventPublisher events;

	ProcessModelDeployer(RepositoryService repositoryService, ResourcePatternResolver resources,
			ModelingSettings settings, ApplicationEventPublisher events) {
		this.repositoryService = repositoryService;
		this.resources = resources;
		this.settings = settings;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		events.publishEvent(deploy());
	}

	ProcessModelsDeployed deploy() throws IOException {
		var models = findModels();
		if (models.isEmpty()) {
			log.warn("No process models found at {}", settings.locations());
			return new ProcessModelsDeployed(null, List.of());
		}
		DeploymentBuilder builder = repositoryService.createDeployment()
			.name(settings.deploymentName())
			.source(settings.deploymentName())
			.enableDuplicateFiltering(true);
		for (var model : models.entrySet()) {
			try (InputStream in = model.getValue().getInputStream()) {
				builder.addInputStream(model.getKey(), new java.io.ByteArrayInputStream(in.readAllBytes()));
			}
		}
		long before = deploymentCount();
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		var names = List.copyOf(models.keySet());
		if (deploymentCount() == before) {
			log.info("Process models: {} files, none changed since the last start", names.size());
			return new ProcessModelsDeployed(null, names);
		}
		log.info("Process models: {} files, changed ones deployed as {}: {}", names.size(), deployment.getId(),
				repositoryService.getDeploymentResourceNames(deployment.getId()));
		return new ProcessModelsDeployed(deployment.getId(), names);
	}

	private long deploymentCount() {
		return repositoryService.createDeploymentQuery().deploymentName(settings.deploymentName()).count();
	}

	/** The model files by stable resource name, sorted so the deployment is reproducible. */
	TreeMap<String, Resource> findModels() throws IOException {
		var found = new TreeMap<String, Resource>();
		var duplicates = new ArrayList<String>();
		for (String pattern : settings.locations()) {
			for (Resource resource : resources.getResources(pattern)) {
				if (!resource.isReadable()) {
					continue;
				}
				String name = stableName(resource);
				if (found.putIfAbsent(name, resource) != null) {
					duplicates.add(name);
				}
			}
		}
		if (!duplicates.isEmpty()) {
			log.warn("Model files found twice on the classpath, first one deployed: {}", duplicates);
		}
		return found;
	}

	static String stableName(Resource resource) throws IOException {
		String path = resource.getURL().toString();
		for (String root : ROOTS) {
			int at = path.lastIndexOf("/" + root);
			if (at >= 0) {
				return path.substring(at + 1);
			}
		}
		return resource.getFilename();
	}

}
