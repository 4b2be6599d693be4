package dev.lodestar.modeling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.modeling.DeployedModels.Deployed;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;

/**
 * The process owners' workspace, and the one path by which models reach the engine: the
 * start-up deployment of the files and every deployment from the browser go through here.
 * Deployments from the browser run as the caller, so the engine's authorizations decide who
 * may deploy (the role {@code process-owner}); every revision is kept with its author, time,
 * comment and content hash.
 */
@Service
public class ModelService {

	private static final Logger log = LoggerFactory.getLogger(ModelService.class);

	static final String WORKSPACE_DEPLOYMENT = "lodestar-workspace";

	private final RepositoryService repositoryService;
	private final RuntimeService runtimeService;
	private final IdentityService identityService;
	private final AuthorizationService authorizationService;
	private final DeployedModels deployed;
	private final ModelChecker checker;
	private final ModelRevisions revisions;
	private final FileStates fileStates;
	private final ModelFiles files;
	private final Clock clock;

	ModelService(RepositoryService repositoryService, RuntimeService runtimeService, IdentityService identityService,
			AuthorizationService authorizationService, DeployedModels deployed, ModelChecker checker,
			ModelRevisions revisions, FileStates fileStates, ModelFiles files) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.deployed = deployed;
		this.checker = checker;
		this.revisions = revisions;
		this.fileStates = fileStates;
		this.files = files;
		this.clock = Clock.systemUTC();
	}

	// ---- reading ------------------------------------------------------------------------------

	/** One model of the workspace list. */
	record ModelSummary(String key, String resourceName, ModelKind kind, String name, int latestVersion,
			Instant deployedAt, String deployedBy, long runningInstances, long openIncidents, boolean differsFromFile,
			boolean inFiles, boolean hasDraft) {
	}

	/** One deployed version with who deployed it and what runs on it. */
	record VersionView(int version, String deploymentId, Instant deployedAt, String deployedBy, String comment,
			String contentHash, String processDefinitionId, long runningInstances, long openIncidents) {
	}

	/** One revision (draft or deployment) of the workspace's history. */
	record RevisionView(long id, String status, String author, Instant createdAt, String comment, String contentHash,
			String deploymentId) {

		static RevisionView of(ModelRevision revision) {
			return new RevisionView(revision.id(), revision.status().name(), revision.author(), revision.createdAt(),
					revision.comment(), revision.contentHash(), revision.deploymentId());
		}

	}

	/** A model with its versions, newest first. */
	record ModelDetail(String key, String resourceName, ModelKind kind, String name, List<VersionView> versions,
			boolean differsFromFile, boolean inFiles, RevisionView draft) {
	}

	@Transactional(readOnly = true)
	List<ModelSummary> models() {
		var fileContents = files.read();
		var summaries = new ArrayList<ModelSummary>();
		deployed.all().forEach((name, versions) -> {
			Deployed latest = versions.get(versions.size() - 1);
			var views = versionViews(name, versions);
			VersionView newest = views.get(views.size() - 1);
			String file = fileContents.get(name);
			summaries.add(new ModelSummary(ModelKind.keyOf(name), name, ModelKind.of(name), displayName(latest),
					versions.size(), newest.deployedAt(), newest.deployedBy(),
					views.stream().mapToLong(VersionView::runningInstances).sum(),
					views.stream().mapToLong(VersionView::openIncidents).sum(),
					file != null && !Hashes.sha256(file).equals(latest.hash()), file != null,
					latestDraft(ModelKind.keyOf(name), latest).isPresent()));
		});
		summaries.sort(java.util.Comparator.comparing(ModelSummary::kind).thenComparing(ModelSummary::key));
		return summaries;
	}

	@Transactional(readOnly = true)
	ModelDetail model(String key) {
		String name = resourceName(key);
		var versions = deployed.versions(name);
		var views = new ArrayList<>(versionViews(name, versions));
		java.util.Collections.reverse(views);
		Deployed latest = versions.get(versions.size() - 1);
		String file = files.read().get(name);
		return new ModelDetail(key, name, ModelKind.of(name), displayName(latest), views,
				file != null && !Hashes.sha256(file).equals(latest.hash()), file != null,
				latestDraft(key, latest).map(RevisionView::of).orElse(null));
	}

	/** The content of a deployed version, or of the latest when {@code version} is {@code null}. */
	String content(String key, Integer version) {
		String name = resourceName(key);
		Optional<Deployed> found = version == null ? deployed.latest(name) : deployed.version(name, version);
		return found.map(Deployed::content)
			.orElseThrow(() -> new NotFoundException("Version " + version + " of model", key));
	}

	/** What the editor opens: the newest draft when it is newer than the latest deployment. */
	@Transactional(readOnly = true)
	String editable(String key) {
		String name = resourceName(key);
		Deployed latest = deployed.latest(name).orElseThrow();
		return latestDraft(key, latest).map(ModelRevision::content).orElse(latest.content());
	}

	@Transactional(readOnly = true)
	List<RevisionView> revisions(String key) {
		resourceName(key);
		return revisions.findByModelKeyOrderByCreatedAtDescIdDesc(key).stream().map(RevisionView::of).toList();
	}

	/** The process definition of a deployed BPMN version. */
	ProcessDefinition processDefinition(String key, int version) {
		String name = resourceName(key);
		Deployed found = deployed.version(name, version)
			.orElseThrow(() -> new NotFoundException("Version " + version + " of model", key));
		return processDefinition(found)
			.orElseThrow(() -> new InvalidInputException("key", key + " is not a process model"));
	}

	int latestVersion(String key) {
		return deployed.versions(resourceName(key)).size();
	}

	boolean exists(String key) {
		return deployed.resourceName(key).isPresent();
	}

	String resourceName(String key) {
		return deployed.resourceName(key).orElseThrow(() -> new NotFoundException("Model", key));
	}

	/**
	 * Whether the user works in the process of {@code key}: may read its definition by the
	 * engine's authorizations (the people who work in a process may open its diagram and make
	 * suggestions on it).
	 */
	boolean worksIn(Caller caller, String key) {
		if (caller.seesWorkspace()) {
			return true;
		}
		String name = deployed.resourceName(key).orElse(null);
		if (name == null || ModelKind.of(name) != ModelKind.BPMN) {
			return false;
		}
		return authorizationService.isUserAuthorized(caller.userId(), caller.roles(), Permissions.READ,
				Resources.PROCESS_DEFINITION, key);
	}

	// ---- checking, drafts, deploying ------------------------------------------------------------

	CheckReport check(String key, String content, Locale locale) {
		return checker.check(Map.of(resourceNameForNew(key, content), content), locale);
	}

	@Transactional
	RevisionView saveDraft(Caller caller, String key, String content, String comment) {
		if (!caller.isOwner()) {
			throw new AccessDeniedException("only process owners keep drafts");
		}
		var draft = revisions.save(ModelRevision.draft(resourceName(key), caller.userId(), comment, content,
				clock.instant()));
		return RevisionView.of(draft);
	}

	/** The outcome of a deployment from the browser. */
	record DeployResult(String key, int version, String deploymentId, List<Finding> warnings) {
	}

	/**
	 * Deploys a new version of a model as the caller: refused with every error when the check
	 * finds any ({@link ModelRefusedException}), refused by the engine when the caller may not
	 * deploy.
	 */
	@Transactional
	DeployResult deploy(Caller caller, String key, String content, String comment, Locale locale) {
		String name = resourceName(key);
		CheckReport report = checker.check(Map.of(name, content), locale);
		if (!report.deployable()) {
			throw new ModelRefusedException(report);
		}
		identityService.setAuthentication(caller.userId(), caller.roles());
		String deploymentId;
		try {
			deploymentId = repositoryService.createDeployment()
				.name(WORKSPACE_DEPLOYMENT)
				.source(WORKSPACE_DEPLOYMENT)
				.addString(name, content)
				.deploy()
				.getId();
		}
		finally {
			identityService.clearAuthentication();
		}
		revisions.save(ModelRevision.deployed(name, caller.userId(), comment, content, deploymentId, clock.instant()));
		log.info("Model {} deployed from the browser by {} as version {}: {}", key, caller.userId(),
				deployed.versions(name).size(), comment);
		return new DeployResult(key, deployed.versions(name).size(), deploymentId,
				report.findings().stream().filter(f -> !f.isError()).toList());
	}

	/**
	 * Deploys the files whose content differs from what was last deployed from them (the
	 * start-up deployment). A file that did not change while a newer version was deployed from
	 * the browser is not deployed, and the log says so.
	 */
	@Transactional
	public ProcessModelsDeployed deployFiles(String deploymentName, Map<String, String> fileContents) {
		var changed = new TreeMap<String, String>();
		Instant now = clock.instant();
		for (var file : fileContents.entrySet()) {
			String name = file.getKey();
			String hash = Hashes.sha256(file.getValue());
			Optional<FileState> state = fileStates.findById(name);
			String current = deployed.latest(name).map(Deployed::hash).orElse(null);
			if (state.isPresent() && state.get().contentHash().equals(hash)) {
				if (current != null && !current.equals(hash)) {
					log.warn("Model {} differs from its file {}: the newer version deployed from the workspace is kept; "
							+ "export it (GET /api/models/export) to bring the file up to date", ModelKind.keyOf(name), name);
				}
				continue;
			}
			if (hash.equals(current)) {
				// the file now holds what is deployed (an export unpacked over the files): nothing to deploy
				recordFile(name, hash, now);
				continue;
			}
			changed.put(name, file.getValue());
		}
		var names = List.copyOf(fileContents.keySet());
		if (changed.isEmpty()) {
			log.info("Process models: {} files, none changed since the last start", names.size());
			return new ProcessModelsDeployed(null, names);
		}
		CheckReport report = checker.check(changed, Locale.ENGLISH);
		report.findings().forEach(f -> log.warn("Model check of {} at {}: {}", f.resourceName(), f.elementId(), f.message()));
		var builder = repositoryService.createDeployment().name(deploymentName).source(deploymentName);
		changed.forEach(builder::addString);
		String deploymentId = builder.deploy().getId();
		changed.forEach((name, content) -> {
			recordFile(name, Hashes.sha256(content), now);
			revisions.save(ModelRevision.deployed(name, ModelRevision.FILES, "from " + name, content, deploymentId, now));
		});
		log.info("Process models: {} files, changed ones deployed as {}: {}", names.size(), deploymentId,
				changed.keySet());
		return new ProcessModelsDeployed(deploymentId, names);
	}

	private void recordFile(String name, String hash, Instant now) {
		var state = fileStates.findById(name).orElseGet(() -> new FileState(name, hash, now));
		state.record(hash, now);
		fileStates.save(state);
	}

	/** The latest version of every model as a zip laid out like {@code processes/} and {@code forms/}. */
	byte[] export() {
		var zip = new ByteArrayOutputStream();
		try (var out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
			for (var model : deployed.all().entrySet()) {
				String name = model.getKey();
				if (!name.startsWith("processes/") && !name.startsWith("forms/")) {
					continue;
				}
				out.putNextEntry(new ZipEntry(name));
				out.write(model.getValue().get(model.getValue().size() - 1).content().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return zip.toByteArray();
	}

	// ---- helpers ------------------------------------------------------------------------------

	private List<VersionView> versionViews(String name, List<Deployed> versions) {
		var authors = new LinkedHashMap<String, ModelRevision>();
		revisions.findByModelKeyOrderByCreatedAtDescIdDesc(ModelKind.keyOf(name))
			.stream()
			.filter(r -> r.deploymentId() != null)
			.forEach(r -> authors.putIfAbsent(r.deploymentId(), r));
		var views = new ArrayList<VersionView>();
		for (Deployed version : versions) {
			ModelRevision revision = authors.get(version.deploymentId());
			String definitionId = processDefinition(version).map(ProcessDefinition::getId).orElse(null);
			long running = definitionId == null ? 0
					: runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId).count();
			long incidents = definitionId == null ? 0
					: runtimeService.createIncidentQuery().processDefinitionId(definitionId).count();
			views.add(new VersionView(version.version(), version.deploymentId(), version.deployedAt(),
					revision != null ? revision.author() : sourceOf(version.deploymentId()),
					revision != null ? revision.comment() : null, version.hash(), definitionId, running, incidents));
		}
		return views;
	}

	private String sourceOf(String deploymentId) {
		var deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
		return deployment == null || deployment.getSource() == null ? "engine" : deployment.getSource();
	}

	private Optional<ProcessDefinition> processDefinition(Deployed version) {
		if (ModelKind.of(version.resourceName()) != ModelKind.BPMN) {
			return Optional.empty();
		}
		return repositoryService.createProcessDefinitionQuery()
			.deploymentId(version.deploymentId())
			.list()
			.stream()
			.filter(d -> version.resourceName().equals(d.getResourceName()))
			.findFirst();
	}

	private Optional<ModelRevision> latestDraft(String key, Deployed latest) {
		return revisions.findFirstByModelKeyOrderByIdDesc(key)
			.filter(r -> r.status() == ModelRevision.Status.DRAFT)
			.filter(r -> !r.contentHash().equals(latest.hash()));
	}

	private String displayName(Deployed latest) {
		var document = ModelChecker.xml(latest.content());
		if (document != null) {
			for (String element : List.of("process", "decision")) {
				var found = ModelChecker.elements(document, "*", element);
				if (!found.isEmpty() && !found.get(0).getAttribute("name").isBlank()) {
					return found.get(0).getAttribute("name");
				}
			}
		}
		return ModelKind.keyOf(latest.resourceName());
	}

	private String resourceNameForNew(String key, String content) {
		return deployed.resourceName(key).orElseGet(() -> {
			String trimmed = content.stripLeading();
			ModelKind kind = trimmed.startsWith("{") ? ModelKind.FORM
					: trimmed.contains("omg.org/spec/DMN") ? ModelKind.DMN : ModelKind.BPMN;
			return kind.resourceName(key);
		});
	}

	static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
