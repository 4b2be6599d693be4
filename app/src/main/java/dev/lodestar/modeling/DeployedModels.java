package dev.lodestar.modeling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * What the engine holds: every deployed version of every model resource, read from the
 * engine's deployments (whoever deployed them: the files, the browser, Camunda Modeler over
 * the REST API). A resource's n-th deployment is its version n. Deployments never change, so
 * their resources are cached by deployment id.
 */
@Component
class DeployedModels {

	/** One deployed version of one resource. */
	record Deployed(String resourceName, String deploymentId, Instant deployedAt, int version, String content) {

		String hash() {
			return Hashes.sha256(content);
		}

	}

	private final RepositoryService repositoryService;

	private final Map<String, Map<String, String>> resourcesByDeployment = new ConcurrentHashMap<>();

	DeployedModels(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	/** Every model resource with its versions, oldest first, sorted by resource name. */
	Map<String, List<Deployed>> all() {
		var all = new TreeMap<String, List<Deployed>>();
		List<Deployment> deployments = repositoryService.createDeploymentQuery()
			.orderByDeploymentTime()
			.asc()
			.orderByDeploymentId()
			.asc()
			.list();
		for (Deployment deployment : deployments) {
			for (var resource : resources(deployment.getId()).entrySet()) {
				if (ModelKind.of(resource.getKey()) == null) {
					continue;
				}
				var versions = all.computeIfAbsent(resource.getKey(), name -> new ArrayList<>());
				Instant at = deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant();
				versions.add(new Deployed(resource.getKey(), deployment.getId(), at, versions.size() + 1,
						resource.getValue()));
			}
		}
		return all;
	}

	List<Deployed> versions(String resourceName) {
		return all().getOrDefault(resourceName, List.of());
	}

	Optional<Deployed> latest(String resourceName) {
		var versions = versions(resourceName);
		return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
	}

	Optional<Deployed> version(String resourceName, int version) {
		var versions = versions(resourceName);
		return version < 1 || version > versions.size() ? Optional.empty() : Optional.of(versions.get(version - 1));
	}

	/** The resource name of a model key, looked up among the deployed resources. */
	Optional<String> resourceName(String key) {
		return all().keySet().stream().filter(name -> ModelKind.keyOf(name).equals(key)).findFirst();
	}

	private Map<String, String> resources(String deploymentId) {
		return resourcesByDeployment.computeIfAbsent(deploymentId, id -> {
			var byName = new LinkedHashMap<String, String>();
			for (Resource resource : repositoryService.getDeploymentResources(id)) {
				byName.put(resource.getName(), new String(resource.getBytes(), StandardCharsets.UTF_8));
			}
			return byName;
		});
	}

}
