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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
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

	/** One deployed version of one resource, with the hash of its content. */
	record Deployed(String resourceName, String deploymentId, Instant deployedAt, int version, String content,
			String hash) {

		Deployed(String resourceName, String deploymentId, Instant deployedAt, int version, String content) {
			this(resourceName, deploymentId, deployedAt, version, content, Hashes.sha256(content));
		}

	}

	/**
	 * Every model with its versions as {@link #all} answers, for one set of deployments; the
	 * {@code fingerprint} names that set (the deployments' ids in order), so whoever keeps what
	 * it worked out from them knows when a deployment (from anywhere) made it stale.
	 */
	record Catalogue(String fingerprint, Map<String, List<Deployed>> models) {
	}

	/** Running process instances and open incidents of one process definition (a deployed version). */
	record Load(long runningInstances, long openIncidents) {

		static final Load NONE = new Load(0, 0);

	}

	private final RepositoryService repositoryService;

	private final ManagementService managementService;

	private final Map<String, Map<String, String>> resourcesByDeployment = new ConcurrentHashMap<>();

	private volatile Catalogue catalogue;

	DeployedModels(RepositoryService repositoryService, ManagementService managementService) {
		this.repositoryService = repositoryService;
		this.managementService = managementService;
	}

	/**
	 * The running instances and open incidents of every process definition, by its id: ONE query
	 * (the engine's statistics, grouped per definition) instead of two counts per version.
	 */
	Map<String, Load> load() {
		var load = new java.util.HashMap<String, Load>();
		for (ProcessDefinitionStatistics s : managementService.createProcessDefinitionStatisticsQuery()
			.includeIncidents()
			.list()) {
			long incidents = s.getIncidentStatistics().stream().mapToLong(IncidentStatistics::getIncidentCount).sum();
			load.put(s.getId(), new Load(s.getInstances(), incidents));
		}
		return load;
	}

	/**
	 * Every model with its versions, oldest first, sorted by resource name. A model's name is its
	 * file's ({@code processes/lead-to-sale.bpmn}); a resource deployed under another name (Camunda
	 * Modeler deploys the bare {@code lead-to-sale.bpmn}) is a version of the model whose process,
	 * decision or form id it defines.
	 */
	Map<String, List<Deployed>> all() {
		return catalogue().models();
	}

	/**
	 * {@link #all}, worked out again only when the deployments changed: one query for the list of
	 * deployments, and the resources of a deployment are read once (they never change).
	 */
	Catalogue catalogue() {
		List<Deployment> deployments = repositoryService.createDeploymentQuery()
			.orderByDeploymentTime()
			.asc()
			.orderByDeploymentId()
			.asc()
			.list();
		String fingerprint = deployments.stream().map(Deployment::getId).collect(java.util.stream.Collectors.joining(","));
		Catalogue known = catalogue;
		if (known != null && known.fingerprint().equals(fingerprint)) {
			return known;
		}
		Catalogue fresh = new Catalogue(fingerprint, build(deployments));
		catalogue = fresh;
		return fresh;
	}

	private Map<String, List<Deployed>> build(List<Deployment> deployments) {
		var fileNames = new TreeMap<String, String>();
		for (Deployment deployment : deployments) {
			for (String name : resources(deployment.getId()).keySet()) {
				if (ModelKind.of(name) != null && inFolder(name)) {
					fileNames.putIfAbsent(ModelKind.of(name) + ":" + ModelKind.keyOf(name), name);
				}
			}
		}
		var all = new TreeMap<String, List<Deployed>>();
		for (Deployment deployment : deployments) {
			for (var resource : resources(deployment.getId()).entrySet()) {
				ModelKind kind = ModelKind.of(resource.getKey());
				if (kind == null) {
					continue;
				}
				String model = resource.getKey();
				if (!inFolder(model)) {
					String id = definitionId(kind, resource.getValue());
					model = fileNames.getOrDefault(kind + ":" + (id != null ? id : ModelKind.keyOf(model)), model);
				}
				var versions = all.computeIfAbsent(model, name -> new ArrayList<>());
				Instant at = deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant();
				versions.add(new Deployed(resource.getKey(), deployment.getId(), at, versions.size() + 1,
						resource.getValue()));
			}
		}
		var frozen = new TreeMap<String, List<Deployed>>();
		all.forEach((name, versions) -> frozen.put(name, List.copyOf(versions)));
		return java.util.Collections.unmodifiableMap(frozen);
	}

	private static final Pattern PROCESS_ID = Pattern.compile("<(?:[\\w.-]+:)?process\\b[^>]*?\\sid=\"([^\"]+)\"");

	private static final Pattern DECISION_ID = Pattern.compile("<(?:[\\w.-]+:)?decision\\b[^>]*?\\sid=\"([^\"]+)\"");

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	/** The id of what a resource defines: its (first) process, decision or form. */
	static String definitionId(ModelKind kind, String content) {
		if (kind == ModelKind.FORM) {
			try {
				String id = JSON.readTree(content).path("id").asText("");
				return id.isBlank() ? null : id;
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				return null;
			}
		}
		Matcher found = (kind == ModelKind.BPMN ? PROCESS_ID : DECISION_ID).matcher(content);
		return found.find() ? found.group(1) : null;
	}

	private static boolean inFolder(String name) {
		return name.startsWith("processes/") || name.startsWith("forms/");
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

	/** The resource name of a model key of one kind (a process and its form may share a key). */
	Optional<String> resourceName(String key, ModelKind kind) {
		return all().keySet()
			.stream()
			.filter(name -> ModelKind.of(name) == kind && ModelKind.keyOf(name).equals(key))
			.min(java.util.Comparator.comparing((String name) -> !inFolder(name)));
	}

	/** The resource name of a model key, looked up among the deployed resources (a file's name first). */
	Optional<String> resourceName(String key) {
		var names = all().keySet().stream().filter(name -> ModelKind.keyOf(name).equals(key)).toList();
		return names.stream().filter(DeployedModels::inFolder).findFirst().or(() -> names.stream().findFirst());
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
