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
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
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

import dev.lodestar.access.Roles;
import dev.lodestar.modeling.DeployedModels.Deployed;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.ForbiddenException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;

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
	private final HistoryService historyService;
	private final TaskService taskService;
	private final IdentityService identityService;
	private final AuthorizationService authorizationService;
	private final DeployedModels deployed;
	private final ModelChecker checker;
	private final ModelRevisions revisions;
	private final FileStates fileStates;
	private final ModelFiles files;
	private final FourEyes fourEyes;
	private final Clock clock;

	ModelService(RepositoryService repositoryService, RuntimeService runtimeService, HistoryService historyService,
			TaskService taskService, IdentityService identityService, AuthorizationService authorizationService,
			DeployedModels deployed, ModelChecker checker, ModelRevisions revisions, FileStates fileStates,
			ModelFiles files, FourEyes fourEyes) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.deployed = deployed;
		this.checker = checker;
		this.revisions = revisions;
		this.fileStates = fileStates;
		this.files = files;
		this.fourEyes = fourEyes;
		this.clock = EngineClock.INSTANCE;
	}

	// ---- reading ------------------------------------------------------------------------------

	/** One model of the workspace list. */
	record ModelSummary(String key, String resourceName, ModelKind kind, String name, int latestVersion,
			Instant deployedAt, String deployedBy, Source source, long runningInstances, long openIncidents,
			boolean differsFromFile, boolean fileConflict, boolean inFiles, boolean hasDraft) {
	}

	/**
	 * Where a version came from: the files at start-up, the workspace in the browser, Camunda
	 * Modeler (or another client of the engine's REST API), or the engine without a source.
	 */
	enum Source {
		FILES, WORKSPACE, MODELER, ENGINE
	}

	/**
	 * One deployed version with who deployed it and what runs on it: {@code deployedBy} is the
	 * user when one is known (the workspace's revision, or the engine's user operation log for
	 * a Camunda Modeler deployment), else {@code null} and {@code source} says where it came from.
	 */
	record VersionView(int version, String deploymentId, Instant deployedAt, String deployedBy, Source source,
			String comment, String contentHash, String processDefinitionId, long runningInstances,
			long openIncidents) {
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
			boolean differsFromFile, boolean fileConflict, boolean inFiles, RevisionView draft) {
	}

	/**
	 * Every model for the workspace list. What only a deployment changes (versions, who deployed
	 * them and from where, names, content hashes) is worked out once per set of deployments
	 * ({@link #known}); the files are compared as the start-up read them ({@link ModelFiles#current});
	 * per request it costs the list of deployments, ONE grouped count of running instances and
	 * incidents ({@link DeployedModels#load}), ONE read of each model's newest revision, and the
	 * file states only when a file differs from what runs.
	 */
	@Transactional(readOnly = true)
	List<ModelSummary> models() {
		var catalogue = deployed.catalogue();
		var known = known(catalogue);
		var fileSnapshot = files.current();
		var load = deployed.load();
		var newest = newestRevisions();
		Map<String, FileState> states = null;
		var summaries = new ArrayList<ModelSummary>();
		for (var model : catalogue.models().entrySet()) {
			String name = model.getKey();
			Deployed latest = model.getValue().get(model.getValue().size() - 1);
			var views = withLoad(known.views().get(name), load);
			VersionView newestView = views.get(views.size() - 1);
			String fileHash = fileSnapshot.hash(name);
			boolean differs = fileHash != null && !fileHash.equals(latest.hash());
			boolean conflict = false;
			if (differs) {
				if (states == null) {
					states = new java.util.HashMap<>();
					for (FileState state : fileStates.findAll()) {
						states.put(state.resourceName(), state);
					}
				}
				conflict = conflict(fileHash, latest, Optional.ofNullable(states.get(name)));
			}
			String key = ModelKind.keyOf(name);
			NewestRevision revision = newest.get(key);
			boolean hasDraft = revision != null && revision.status() == ModelRevision.Status.DRAFT
					&& !revision.contentHash().equals(latest.hash());
			summaries.add(new ModelSummary(key, name, ModelKind.of(name), known.names().get(name), views.size(),
					newestView.deployedAt(), newestView.deployedBy(), newestView.source(),
					views.stream().mapToLong(VersionView::runningInstances).sum(),
					views.stream().mapToLong(VersionView::openIncidents).sum(), differs, conflict, fileHash != null,
					hasDraft));
		}
		// new models, made or uploaded in the browser and not deployed yet: their draft is all there is
		var deployedKeys = catalogue.models().keySet().stream().map(ModelKind::keyOf).collect(java.util.stream.Collectors.toSet());
		var newDrafts = newest.values()
			.stream()
			.filter(r -> r.status() == ModelRevision.Status.DRAFT && !deployedKeys.contains(r.modelKey()))
			.map(NewestRevision::id)
			.toList();
		if (!newDrafts.isEmpty()) {
			for (ModelRevision draft : revisions.findAllById(newDrafts)) {
				summaries.add(new ModelSummary(draft.modelKey(), draft.resourceName(), draft.kind(),
						displayName(draft.resourceName(), draft.content()), 0, null, draft.author(), Source.WORKSPACE, 0, 0,
						false, false, fileSnapshot.content(draft.resourceName()) != null, true));
			}
		}
		summaries.sort(java.util.Comparator.comparing(ModelSummary::kind).thenComparing(ModelSummary::key));
		return summaries;
	}

	@Transactional(readOnly = true)
	ModelDetail model(String key) {
		String name = resourceName(key);
		var catalogue = deployed.catalogue();
		var versions = catalogue.models().getOrDefault(name, List.of());
		var fileSnapshot = files.current();
		String fileHash = fileSnapshot.hash(name);
		if (versions.isEmpty()) {
			// a new model: its draft is all there is
			ModelRevision draft = latestDraft(key, Optional.empty()).orElseThrow(() -> new NotFoundException("Model", key));
			return new ModelDetail(key, name, ModelKind.of(name), displayName(name, draft.content()), List.of(), false,
					false, fileHash != null, RevisionView.of(draft));
		}
		var known = known(catalogue);
		var views = new ArrayList<>(withLoad(known.views().get(name), deployed.load()));
		java.util.Collections.reverse(views);
		Deployed latest = versions.get(versions.size() - 1);
		boolean differs = fileHash != null && !fileHash.equals(latest.hash());
		return new ModelDetail(key, name, ModelKind.of(name), known.names().get(name), views, differs,
				differs && conflict(fileHash, latest, fileStates.findById(name)), fileHash != null,
				latestDraft(key, Optional.of(latest)).map(RevisionView::of).orElse(null));
	}

	/** A model's newest revision as the list needs it (no content). */
	private record NewestRevision(String modelKey, long id, ModelRevision.Status status, String contentHash) {
	}

	/** The newest revision of every model, in one query, by model key. */
	private Map<String, NewestRevision> newestRevisions() {
		var newest = new java.util.HashMap<String, NewestRevision>();
		for (Object[] row : revisions.newestOfEveryModel()) {
			newest.put((String) row[0], new NewestRevision((String) row[0], ((Number) row[1]).longValue(),
					(ModelRevision.Status) row[2], (String) row[3]));
		}
		return newest;
	}

	/**
	 * What the pages show of every deployed version that only a deployment changes: who deployed
	 * it and from where, its process definition, and each model's name. Worked out once per set of
	 * deployments (the catalogue's fingerprint), whoever deployed (the files, the browser, Camunda
	 * Modeler over the REST API); only pages read it, in transactions that see committed data.
	 */
	private record Known(String fingerprint, Map<String, List<VersionView>> views, Map<String, String> names) {
	}

	private volatile Known known;

	private Known known(DeployedModels.Catalogue catalogue) {
		Known current = known;
		if (current != null && current.fingerprint().equals(catalogue.fingerprint())) {
			return current;
		}
		var views = new java.util.HashMap<String, List<VersionView>>();
		var names = new java.util.HashMap<String, String>();
		catalogue.models().forEach((name, versions) -> {
			views.put(name, List.copyOf(versionViews(name, versions)));
			names.put(name, displayName(versions.get(versions.size() - 1)));
		});
		Known fresh = new Known(catalogue.fingerprint(), Map.copyOf(views), Map.copyOf(names));
		known = fresh;
		return fresh;
	}

	/** The versions with their running instances and open incidents now. */
	private static List<VersionView> withLoad(List<VersionView> views, Map<String, DeployedModels.Load> load) {
		return views.stream().map(v -> {
			var l = v.processDefinitionId() == null ? DeployedModels.Load.NONE
					: load.getOrDefault(v.processDefinitionId(), DeployedModels.Load.NONE);
			return new VersionView(v.version(), v.deploymentId(), v.deployedAt(), v.deployedBy(), v.source(), v.comment(),
					v.contentHash(), v.processDefinitionId(), l.runningInstances(), l.openIncidents());
		}).toList();
	}

	/**
	 * Whether the file and the workspace both changed: the file differs from what was last
	 * deployed from it, and a newer version than that was deployed from elsewhere (the start-up
	 * keeps the newer version; the process owner exports it or deploys the file).
	 */
	private static boolean conflict(String fileHash, Deployed latest, Optional<FileState> state) {
		return !fileHash.equals(latest.hash()) && state
			.map(s -> !s.contentHash().equals(fileHash) && !s.contentHash().equals(latest.hash()))
			.orElse(false);
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
		Optional<Deployed> latest = deployed.latest(name);
		return latestDraft(key, latest).map(ModelRevision::content)
			.orElseGet(() -> latest.orElseThrow(() -> new NotFoundException("Model", key)).content());
	}

	/** The newest draft of a model, when there is one newer than the latest deployment. */
	@Transactional(readOnly = true)
	String draft(String key) {
		String name = resourceName(key);
		return latestDraft(key, deployed.latest(name)).map(ModelRevision::content)
			.orElseThrow(() -> new NotFoundException("Draft of model", key));
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

	/** The latest process diagram of a key (a process and its form may share a key: this is the process). */
	String diagram(String key) {
		String name = deployed.resourceName(key, ModelKind.BPMN).orElseThrow(() -> new NotFoundException("Process", key));
		return deployed.latest(name).orElseThrow().content();
	}

	/** The name of the latest process of a key, as its model gives it; the key when it has none. */
	String processName(String key) {
		var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
		return latest == null || latest.getName() == null || latest.getName().isBlank() ? key : latest.getName();
	}

	/** The number of versions of the process diagram of a key. */
	int latestDiagramVersion(String key) {
		return deployed.resourceName(key, ModelKind.BPMN).map(name -> deployed.versions(name).size()).orElse(0);
	}

	int latestVersion(String key) {
		return deployed.versions(resourceName(key)).size();
	}

	/** Whether the key names a model: deployed, or new with a draft. */
	boolean exists(String key) {
		return knownResourceName(key).isPresent();
	}

	String resourceName(String key) {
		return knownResourceName(key).orElseThrow(() -> new NotFoundException("Model", key));
	}

	/** The resource name of a deployed model, or of a new one whose draft was not thrown away. */
	private Optional<String> knownResourceName(String key) {
		return deployed.resourceName(key)
			.or(() -> revisions.findFirstByModelKeyOrderByIdDesc(key)
				.filter(r -> r.status() == ModelRevision.Status.DRAFT)
				.map(ModelRevision::resourceName));
	}

	/** Process owners edit, deploy and migrate models. */
	static boolean isOwner(Caller caller) {
		return caller.hasRole(Roles.PROCESS_OWNER);
	}

	/** Process owners, the project team and executives see the workspace. */
	static boolean seesWorkspace(Caller caller) {
		return isOwner(caller) || caller.hasRole(Roles.PROJECT_TEAM) || caller.hasRole(Roles.EXECUTIVE);
	}

	/**
	 * Whether the user works in the process of {@code key} (the people who work in a process
	 * may open its diagram and make suggestions on it): may read its definition by the
	 * engine's authorizations, or has (or had) a task in it — an employee on a training wave or
	 * a briefing is granted no definition, but sees their task and so the process it belongs to.
	 */
	boolean worksIn(Caller caller, String key) {
		if (ModelService.seesWorkspace(caller)) {
			return true;
		}
		if (deployed.resourceName(key, ModelKind.BPMN).isEmpty()) {
			return false;
		}
		if (authorizationService.isUserAuthorized(caller.userId(), caller.roles(), Permissions.READ,
				Resources.PROCESS_DEFINITION, key)) {
			return true;
		}
		var open = taskService.createTaskQuery().processDefinitionKey(key).or().taskAssignee(caller.userId());
		if (!caller.roles().isEmpty()) {
			open = open.taskCandidateGroupIn(caller.roles());
		}
		return open.endOr().count() > 0 || historyService.createHistoricTaskInstanceQuery()
			.processDefinitionKey(key)
			.taskAssignee(caller.userId())
			.count() > 0;
	}

	// ---- checking, drafts, deploying ------------------------------------------------------------

	CheckReport check(String key, String content, Locale locale) {
		return checker.check(Map.of(resourceNameForNew(key, content), content), locale);
	}

	@Transactional
	RevisionView saveDraft(Caller caller, String key, String content, String comment) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners keep drafts");
		}
		String name = resourceName(key);
		ModelContents.checkReadable("content", ModelKind.of(name), content);
		var draft = revisions.save(ModelRevision.draft(name, caller.userId(), comment, content, clock.instant()));
		return RevisionView.of(draft);
	}

	/**
	 * Makes a new model as a draft, blank or from a template: refused (400) when the key is no
	 * file name, (409) when a process, decision or form has the key already.
	 */
	@Transactional
	RevisionView create(Caller caller, ModelKind kind, String key, String name, ModelTemplates.Start start) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners make models");
		}
		ModelContents.checkKey("key", key);
		if (exists(key)) {
			throw new ModelKeyTakenException(key, resourceName(key));
		}
		String content = ModelTemplates.of(kind, key, name, start);
		log.info("Model {} ({}) made from {} by {}", key, kind, start, caller.userId());
		return RevisionView.of(revisions.save(ModelRevision.draft(kind.resourceName(key), caller.userId(),
				start == ModelTemplates.Start.TEMPLATE ? "new, from the template" : "new", content, clock.instant())));
	}

	/**
	 * Throws the newest draft away: the editor opens the deployed version again; a new model
	 * that was never deployed is gone with it.
	 */
	@Transactional
	RevisionView discardDraft(Caller caller, String key) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners discard drafts");
		}
		String name = resourceName(key);
		ModelRevision draft = latestDraft(key, deployed.latest(name))
			.orElseThrow(() -> new NotFoundException("Draft of model", key));
		return RevisionView.of(revisions.save(ModelRevision.discarded(draft, caller.userId(), clock.instant())));
	}

	/** One model file that was uploaded, as it was kept. */
	record Uploaded(String key, String resourceName, ModelKind kind, boolean created, boolean changed, long draftId) {
	}

	/**
	 * Keeps uploaded files as drafts, all or none ({@link ModelUploads} read and refused them
	 * already): a key used by a model of another kind is refused (409). The drafts are deployed
	 * like every other, through the check and the engine's guards.
	 */
	@Transactional
	List<Uploaded> upload(Caller caller, List<ModelUploads.File> uploaded) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners upload models");
		}
		var kept = new ArrayList<Uploaded>();
		for (ModelUploads.File file : uploaded) {
			Optional<String> known = knownResourceName(file.key());
			if (known.isPresent() && ModelKind.of(known.get()) != file.kind()) {
				throw new ModelKeyTakenException(file.key(), known.get());
			}
			String name = known.orElse(file.kind().resourceName(file.key()));
			Optional<Deployed> latest = deployed.latest(name);
			String current = latestDraft(file.key(), latest).map(ModelRevision::content)
				.orElse(latest.map(Deployed::content).orElse(null));
			boolean changed = current == null || !Hashes.sha256(current).equals(Hashes.sha256(file.content()));
			var draft = revisions.save(ModelRevision.draft(name, caller.userId(), "uploaded " + file.fileName(),
					file.content(), clock.instant()));
			kept.add(new Uploaded(file.key(), name, file.kind(), known.isEmpty(), changed, draft.id()));
		}
		log.info("Models uploaded by {}: {}", caller.userId(), kept);
		return kept;
	}

	/** A model as its file: the draft, the given version, or the latest deployed version. */
	@Transactional(readOnly = true)
	ModelFile file(String key, Integer version, boolean draft) {
		String name = resourceName(key);
		String file = name.substring(name.lastIndexOf('/') + 1);
		return new ModelFile(file, draft ? draft(key) : content(key, version));
	}

	/** A model's content with the name of its file. */
	record ModelFile(String fileName, String content) {
	}

	/** A process started from the workspace: its instance and the caller's first task in it, if any. */
	record Started(String processInstanceId, String businessKey, String taskId) {
	}

	/**
	 * Starts the latest version of a process as the caller (the engine's authorizations decide
	 * whether they may), so a process owner can try a new process right after deploying it.
	 */
	@Transactional
	Started start(Caller caller, String key, String businessKey) {
		String name = resourceName(key);
		if (ModelKind.of(name) != ModelKind.BPMN) {
			throw new InvalidInputException("key", key + " is not a process");
		}
		if (deployed.latest(name).isEmpty()) {
			throw new dev.lodestar.system.ConflictException(key + " is not deployed yet: deploy it before starting it");
		}
		String processKey = DeployedModels.definitionId(ModelKind.BPMN, deployed.latest(name).get().content());
		identityService.setAuthentication(caller.userId(), caller.roles());
		try {
			var instance = runtimeService.startProcessInstanceByKey(processKey, businessKey);
			var query = taskService.createTaskQuery().processInstanceId(instance.getId()).or().taskAssignee(caller.userId());
			if (!caller.roles().isEmpty()) {
				query = query.taskCandidateGroupIn(caller.roles());
			}
			var task = query.endOr().list().stream().findFirst();
			log.info("Process {} started from the workspace by {}: {}", key, caller.userId(), instance.getId());
			return new Started(instance.getId(), businessKey, task.map(t -> t.getId()).orElse(null));
		}
		finally {
			identityService.clearAuthentication();
		}
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
		if (fourEyes.on()) {
			throw new ForbiddenException("Four eyes", FourEyesPlugin.REFUSAL + " Open one for your draft of " + key
					+ " and ask another process owner to approve it.", Map.of("reason", "fourEyes"));
		}
		return deployChecked(caller, key, content, comment, locale);
	}

	/**
	 * Deploys the approved content of a change request as the caller, past four eyes: the engine
	 * lets exactly this content through ({@link FourEyes#deployingApproved}).
	 */
	@Transactional
	DeployResult deployApproved(Caller caller, ModelRevision draft, String comment, Locale locale) {
		return FourEyes.deployingApproved(draft.contentHash(),
				() -> deployChecked(caller, draft.modelKey(), draft.content(), comment, locale));
	}

	private DeployResult deployChecked(Caller caller, String key, String content, String comment, Locale locale) {
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
	 * start-up deployment). A newer version deployed from elsewhere (the browser, Camunda
	 * Modeler) is never reverted: a file that did not change is not deployed over it, and a
	 * file that changed as well is not deployed either but named in the log and shown on
	 * {@code /models} as a conflict, which the process owner resolves by exporting the newer
	 * version or by deploying the file from the page.
	 */
	@Transactional
	public ProcessModelsDeployed deployFiles(String deploymentName, Map<String, String> fileContents) {
		var changed = new TreeMap<String, String>();
		Instant now = clock.instant();
		for (var file : fileContents.entrySet()) {
			String name = file.getKey();
			String hash = Hashes.sha256(file.getValue());
			Optional<String> lastFromFile = fileStates.findById(name).map(FileState::contentHash);
			Optional<Deployed> latest = deployed.latest(name);
			String current = latest.map(Deployed::hash).orElse(null);
			if (hash.equals(current)) {
				// the file holds what is deployed (an export unpacked over the files): nothing to deploy
				if (!lastFromFile.equals(Optional.of(hash))) {
					recordFile(name, hash, now);
				}
				continue;
			}
			if (lastFromFile.isPresent() && lastFromFile.get().equals(hash)) {
				log.warn("Model {} differs from its file {}: the newer version {} deployed from the workspace is kept; "
						+ "export it with the Export button on /models (or GET /api/models/export) to bring the file "
						+ "up to date", ModelKind.keyOf(name), name, latest.map(Deployed::version).orElse(0));
				continue;
			}
			if (latest.isPresent() && !deployedFromFiles(latest.get(), lastFromFile, deploymentName)) {
				log.warn("Model {}: both its file {} (content {}) and the workspace changed; the newer version {} "
						+ "deployed {} by {} is kept and the file is not deployed. Resolve it on /models/{}: export "
						+ "the workspace's version with the Export button, or deploy the file from the page",
						ModelKind.keyOf(name), name, hash.substring(0, 12), latest.get().version(),
						latest.get().deployedAt(), author(latest.get()), ModelKind.keyOf(name));
				continue;
			}
			changed.put(name, file.getValue());
		}
		var names = List.copyOf(fileContents.keySet());
		if (changed.isEmpty()) {
			log.info("Process models: {} files, none to deploy", names.size());
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

	/**
	 * Deploys the model's file over a newer version (the process owner's resolution of a
	 * conflict between the file and the workspace): checked and deployed as the caller like any
	 * version from the browser, and recorded as what was last deployed from the file.
	 */
	@Transactional
	DeployResult deployFile(Caller caller, String key, Locale locale) {
		String name = resourceName(key);
		String content = files.read().get(name);
		if (content == null) {
			throw new NotFoundException("File of model", key);
		}
		if (deployed.latest(name).map(Deployed::hash).orElse("").equals(Hashes.sha256(content))) {
			throw new dev.lodestar.system.ConflictException("The latest version of " + key + " is its file already");
		}
		var result = deploy(caller, key, content, "from " + name, locale);
		recordFile(name, Hashes.sha256(content), clock.instant());
		return result;
	}

	/** Whether the latest version is what the start-up last deployed from the file. */
	private boolean deployedFromFiles(Deployed latest, Optional<String> lastFromFile, String deploymentName) {
		if (lastFromFile.isPresent()) {
			return lastFromFile.get().equals(latest.hash());
		}
		// no file state yet (a database from before the workspace): the start-up's own deployments count
		var deployment = repositoryService.createDeploymentQuery().deploymentId(latest.deploymentId()).singleResult();
		return deployment != null && deploymentName.equals(deployment.getSource());
	}

	private String author(Deployed version) {
		var view = versionViews(version.resourceName(), List.of(version)).get(0);
		return view.deployedBy() != null ? view.deployedBy() : view.source().name();
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

	/** The versions as deployed, without what runs on them ({@link #withLoad} adds it). */
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
			Source source;
			String by;
			if (revision != null) {
				boolean fromFiles = ModelRevision.FILES.equals(revision.author());
				source = fromFiles ? Source.FILES : Source.WORKSPACE;
				by = fromFiles ? null : revision.author();
			}
			else {
				source = sourceOf(version.deploymentId());
				by = deployingUser(version.deploymentId());
			}
			views.add(new VersionView(version.version(), version.deploymentId(), version.deployedAt(), by, source,
					revision != null ? revision.comment() : null, version.hash(), definitionId, 0, 0));
		}
		return views;
	}

	/** Where a deployment without a workspace revision came from, by the source the engine recorded. */
	private Source sourceOf(String deploymentId) {
		var deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
		String source = deployment == null ? null : deployment.getSource();
		if (source == null || source.isBlank() || "process application".equals(source)) {
			return Source.ENGINE;
		}
		if (source.equals(files.settings().deploymentName())) {
			return Source.FILES;
		}
		return WORKSPACE_DEPLOYMENT.equals(source) ? Source.WORKSPACE : Source.MODELER;
	}

	/** The user the engine recorded as creating a deployment (its user operation log), if any. */
	private String deployingUser(String deploymentId) {
		return historyService.createUserOperationLogQuery()
			.deploymentId(deploymentId)
			.entityType(EntityTypes.DEPLOYMENT)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
			.list()
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
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

	/** The newest draft of a model (newer than its latest deployment), for change requests. */
	Optional<ModelRevision> currentDraft(String key) {
		return latestDraft(key, deployed.latest(resourceName(key)));
	}

	/** A revision of a model by its id. */
	Optional<ModelRevision> revision(String key, long id) {
		return revisions.findById(id).filter(r -> r.modelKey().equals(key));
	}

	/** Whether four eyes are on (the page shows the review path instead of Deploy). */
	boolean fourEyes() {
		return fourEyes.on();
	}

	private Optional<ModelRevision> latestDraft(String key, Optional<Deployed> latest) {
		return revisions.findFirstByModelKeyOrderByIdDesc(key)
			.filter(r -> r.status() == ModelRevision.Status.DRAFT)
			.filter(r -> latest.isEmpty() || !r.contentHash().equals(latest.get().hash()));
	}

	private String displayName(Deployed latest) {
		return displayName(latest.resourceName(), latest.content());
	}

	private static String displayName(String resourceName, String content) {
		var document = ModelChecker.xml(content);
		if (document != null) {
			for (String element : List.of("process", "decision")) {
				var found = ModelChecker.elements(document, "*", element);
				if (!found.isEmpty() && !found.get(0).getAttribute("name").isBlank()) {
					return found.get(0).getAttribute("name");
				}
			}
		}
		return ModelKind.keyOf(resourceName);
	}

	private String resourceNameForNew(String key, String content) {
		return knownResourceName(key).orElseGet(() -> {
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
