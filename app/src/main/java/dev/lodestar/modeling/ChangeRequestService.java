package dev.lodestar.modeling;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessTexts;
import dev.lodestar.worklist.Caller;

/**
 * Four eyes on model changes: a process owner opens a change request for a draft; it carries the
 * diff against the deployed version with its impact, the check, and comments on elements;
 * another process owner approves it; then it is deployed ({@link ModelService#deployApproved},
 * the one way past {@link FourEyesPlugin} while four eyes are on). Of two approvals or two
 * deployments at once exactly one wins, the other gets 409.
 */
@Service
class ChangeRequestService {

	private static final Logger log = LoggerFactory.getLogger(ChangeRequestService.class);

	private final ChangeRequests requests;
	private final ChangeComments comments;
	private final ModelService models;
	private final ModelChanges changes;
	private final ModelChecker checker;
	private final ProcessTexts texts;
	private final ModelReplay replay;
	private final Clock clock = EngineClock.INSTANCE;

	ChangeRequestService(ChangeRequests requests, ChangeComments comments, ModelService models, ModelChanges changes,
			ModelChecker checker, ProcessTexts texts, ModelReplay replay) {
		this.replay = replay;
		this.requests = requests;
		this.comments = comments;
		this.models = models;
		this.changes = changes;
		this.checker = checker;
		this.texts = texts;
	}

	/** A change request as lists and the page show it, with what the caller may do with it. */
	record RequestView(long id, String key, String resourceName, ModelKind kind, long revisionId, String contentHash,
			int baseVersion, int latestVersion, String author, Instant openedAt, String comment, String status,
			String approvedBy, Instant approvedAt, String deployedBy, Instant deployedAt, String deploymentId,
			boolean draftChanged, boolean approvalVoid, boolean outdated, Actions actions) {
	}

	/** What the caller may do now; the server checks each again. */
	record Actions(boolean approve, boolean deploy, boolean update, boolean withdraw, boolean comment) {
	}

	/** A finding of the check with the name of its element in the reader's language. */
	record FindingView(String severity, String elementId, String elementName, String code, String message) {
	}

	record CommentView(long id, String elementId, String elementName, String author, Instant createdAt, String text) {
	}

	/** The whole request: the diff (null for a new model, a decision table or a form), the check, comments. */
	record RequestDetail(RequestView request, ModelChanges.Diff diff, boolean deployable, List<FindingView> findings,
			Map<String, String> elementNames, List<CommentView> comments, boolean fourEyes) {
	}

	@Transactional
	RequestView open(Caller caller, String key, Long revisionId, String comment) {
		requireOwner(caller, "open change requests");
		ModelRevision draft = models.currentDraft(key)
			.orElseThrow(() -> new InvalidInputException("revision", key + " has no draft to review: save a draft first"));
		if (revisionId != null && !revisionId.equals(draft.id())) {
			throw new InvalidInputException("revision",
					"revision " + revisionId + " is not the newest draft of " + key + " (that is " + draft.id() + ")");
		}
		for (ChangeRequest other : requests.findByModelKeyOrderByIdDesc(key)) {
			if (other.status() == ChangeRequest.Status.OPEN || other.status() == ChangeRequest.Status.APPROVED) {
				throw ChangeConflictException.stillOpen(other.id(), key, other.status().name().toLowerCase());
			}
		}
		var request = requests.save(new ChangeRequest(draft, models.latestVersion(key), caller.userId(),
				blankToNull(comment), clock.instant()));
		log.info("Change request {} opened for {} (revision {}) by {}", request.id(), key, draft.id(), caller.userId());
		return view(caller, request);
	}

	@Transactional(readOnly = true)
	List<RequestView> of(Caller caller, String key) {
		models.resourceName(key);
		return requests.findByModelKeyOrderByIdDesc(key).stream().map(r -> view(caller, r)).toList();
	}

	@Transactional(readOnly = true)
	RequestDetail detail(Caller caller, long id, Locale locale) {
		ChangeRequest request = find(id);
		ModelRevision draft = draftOf(request);
		var names = elementNames(request.modelKey(), draft, locale);
		ModelChanges.Diff diff = null;
		// decision tables and forms are not compared in words (ModelChanges reads BPMN)
		if (request.baseVersion() > 0 && draft.kind() == ModelKind.BPMN) {
			diff = changes.draftDiff(request.modelKey(), request.baseVersion(), draft.content(), locale);
		}
		CheckReport report = checker.check(Map.of(request.resourceName(), draft.content()), locale);
		var findings = report.findings()
			.stream()
			.map(f -> new FindingView(f.severity().name(), f.elementId(),
					f.elementId() == null ? null : names.getOrDefault(f.elementId(), f.elementId()), f.code(),
					f.message()))
			.toList();
		var said = comments.findByRequestIdOrderByCreatedAtAscIdAsc(id)
			.stream()
			.map(c -> comment(c, names))
			.toList();
		return new RequestDetail(view(caller, request), diff, report.deployable(), findings, names, said,
				models.fourEyes());
	}

	/** The draft's content under review. */
	@Transactional(readOnly = true)
	String content(long id) {
		return draftOf(find(id)).content();
	}

	/** The last {@code cases} finished cases replayed on the draft under review (a process only). */
	@Transactional(readOnly = true)
	ModelReplay.Result replay(Caller caller, long id, Integer cases, Locale locale) {
		ChangeRequest request = find(id);
		if (ModelKind.of(request.resourceName()) != ModelKind.BPMN) {
			throw new InvalidInputException("id", "change request " + id + " is not of a process: only a process's "
					+ "cases can be replayed");
		}
		return replay.replay(caller, request.modelKey(), draftOf(request).content(), cases, locale);
	}

	@Transactional
	CommentView comment(Caller caller, long id, String elementId, String text, Locale locale) {
		requireOwner(caller, "comment on change requests");
		ChangeRequest request = find(id);
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "must not be empty");
		}
		var names = elementNames(request.modelKey(), draftOf(request), locale);
		String element = blankToNull(elementId);
		// a form has no XML elements to name: any field key goes
		if (element != null && !names.isEmpty() && !names.containsKey(element)) {
			throw new InvalidInputException("elementId", "\"" + element + "\" is no element of the draft under review");
		}
		var saved = comments.save(new ChangeComment(id, element, caller.userId(), text.trim(), clock.instant()));
		return comment(saved, names);
	}

	@Transactional
	RequestView approve(Caller caller, long id) {
		requireOwner(caller, "approve change requests");
		ChangeRequest request = find(id);
		request.approve(caller.userId(), currentHash(request), models.latestVersion(request.modelKey()),
				clock.instant());
		// flushed now: of two approvals at once, the second fails here on the version (409)
		requests.saveAndFlush(request);
		log.info("Change request {} of {} approved by {}", id, request.modelKey(), caller.userId());
		return view(caller, request);
	}

	@Transactional
	ModelService.DeployResult deploy(Caller caller, long id, Locale locale) {
		requireOwner(caller, "deploy change requests");
		ChangeRequest request = find(id);
		ModelRevision draft = draftOf(request);
		request.deployed(caller.userId(), currentHash(request), models.latestVersion(request.modelKey()),
				clock.instant());
		// claimed before the engine deploys: of two deployments at once, the second fails here (409)
		requests.saveAndFlush(request);
		String comment = "change request " + id + ", approved by " + request.approvedBy()
				+ (request.comment() == null ? "" : ": " + request.comment());
		var result = models.deployApproved(caller, draft, comment.length() > 2000 ? comment.substring(0, 2000) : comment,
				locale);
		request.deployment(result.deploymentId());
		log.info("Change request {} of {} deployed by {} as version {}", id, request.modelKey(), caller.userId(),
				result.version());
		return result;
	}

	/** The author moves the request to the newest draft: reviewed again from the start. */
	@Transactional
	RequestView update(Caller caller, long id) {
		requireOwner(caller, "update change requests");
		ChangeRequest request = find(id);
		ModelRevision draft = models.currentDraft(request.modelKey())
			.orElseThrow(() -> new InvalidInputException("revision", request.modelKey() + " has no draft"));
		request.update(draft, caller.userId(), models.latestVersion(request.modelKey()));
		requests.saveAndFlush(request);
		return view(caller, request);
	}

	@Transactional
	RequestView withdraw(Caller caller, long id) {
		requireOwner(caller, "withdraw change requests");
		ChangeRequest request = find(id);
		request.withdraw(caller.userId());
		requests.saveAndFlush(request);
		return view(caller, request);
	}

	// ---- helpers ------------------------------------------------------------------------------

	private RequestView view(Caller caller, ChangeRequest r) {
		String current = currentHash(r);
		int latest = models.latestVersion(r.modelKey());
		boolean open = r.status() == ChangeRequest.Status.OPEN;
		boolean approved = r.status() == ChangeRequest.Status.APPROVED;
		boolean draftChanged = (open || approved) && !r.contentHash().equals(current);
		boolean outdated = r.outdated(latest);
		boolean owner = ModelService.isOwner(caller);
		boolean author = caller.userId().equals(r.author());
		var actions = new Actions(owner && !author && open && !draftChanged && !outdated,
				owner && approved && !draftChanged && !outdated, owner && author && (open || approved)
						&& (draftChanged || outdated) && !current.isEmpty(),
				owner && author && (open || approved), owner);
		return new RequestView(r.id(), r.modelKey(), r.resourceName(), ModelKind.of(r.resourceName()), r.revisionId(),
				r.contentHash(), r.baseVersion(), latest, r.author(), r.openedAt(), r.comment(), r.status().name(),
				r.approvedBy(), r.approvedAt(), r.deployedBy(), r.deployedAt(), r.deploymentId(), draftChanged,
				r.approvalVoid(current), outdated, actions);
	}

	private String currentHash(ChangeRequest request) {
		return models.currentDraft(request.modelKey()).map(ModelRevision::contentHash).orElse("");
	}

	private ChangeRequest find(long id) {
		return requests.findById(id).orElseThrow(() -> new NotFoundException("Change request", id));
	}

	private ModelRevision draftOf(ChangeRequest request) {
		return models.revision(request.modelKey(), request.revisionId())
			.orElseThrow(() -> new NotFoundException("Revision " + request.revisionId() + " of model", request.modelKey()));
	}

	/** Every element of the draft with an id, by its name in the reader's language (else its id). */
	private Map<String, String> elementNames(String key, ModelRevision draft, Locale locale) {
		var names = new LinkedHashMap<String, String>();
		var document = ModelChecker.xml(draft.content());
		for (var element : ModelChecker.elements(document, "*", "*")) {
			String elementId = element.getAttribute("id");
			String type = element.getLocalName();
			if (elementId.isBlank() || type.startsWith("BPMN") || type.startsWith("DMN") || type.equals("definitions")) {
				continue;
			}
			String name = element.getAttribute("name").isBlank() ? elementId : element.getAttribute("name");
			names.putIfAbsent(elementId, type.equals("process") ? texts.processName(key, name, locale)
					: texts.stepName(key, elementId, name, locale));
		}
		return names;
	}

	private static CommentView comment(ChangeComment c, Map<String, String> names) {
		return new CommentView(c.id(), c.elementId(),
				c.elementId() == null ? null : names.getOrDefault(c.elementId(), c.elementId()), c.author(),
				c.createdAt(), c.text());
	}

	private static void requireOwner(Caller caller, String what) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners " + what);
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
