package dev.lodestar.modeling;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.AccessDeniedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.lodestar.worklist.Caller;

/**
 * The process owners' workspace as JSON: process owners edit, check, deploy, compare and
 * migrate; the project team and executives read; whoever works in a process may open its
 * current diagram and leave suggestions on it.
 */
@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "The process owners' workspace: BPMN, DMN and forms")
class ModelApiController {

	static final String WORKSPACE = "hasAnyRole('process-owner','project-team','executive')";

	static final String OWNER = "hasRole('process-owner')";

	private final ModelService models;
	private final ModelChanges changes;
	private final ModelMigrations migrations;
	private final ModelSuggestions suggestions;
	private final ModelReplay replay;

	ModelApiController(ModelService models, ModelChanges changes, ModelMigrations migrations,
			ModelSuggestions suggestions, ModelReplay replay) {
		this.models = models;
		this.replay = replay;
		this.changes = changes;
		this.migrations = migrations;
		this.suggestions = suggestions;
	}

	record ModelContent(@NotNull @Size(max = 1_000_000) String content, @Size(max = 2000) String comment) {
	}

	record NewSuggestion(@NotBlank @Size(max = 200) String elementId, @NotBlank @Size(max = 2000) String text) {
	}

	record Closing(@NotBlank @Size(max = 2000) String answer) {
	}

	record VersionPair(@NotNull @Positive Integer from, @NotNull @Positive Integer to) {
	}

	record NewModel(@NotNull ModelKind kind, @NotBlank @Size(max = ModelContents.MAX_KEY_LENGTH)
	@Pattern(regexp = ModelContents.KEY_PATTERN, message = "must be lower-case letters and digits in words joined by hyphens, starting with a letter (e.g. expense-claim)") String key,
			@Size(max = 200) String name, ModelTemplates.Start start) {
	}

	record MigrationRequest(@NotNull @Positive Integer from, @NotNull @Positive Integer to,
			List<String> processInstanceIds) {
	}

	@GetMapping
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "Every BPMN, DMN and form with its latest version, running instances and file state")
	List<ModelService.ModelSummary> list() {
		return models.models();
	}

	@GetMapping(value = "/export", produces = "application/zip")
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "The latest version of every model as a zip laid out like processes/ and forms/")
	ResponseEntity<byte[]> export() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lodestar-models.zip\"")
			.contentType(MediaType.parseMediaType("application/zip"))
			.body(models.export());
	}

	@PostMapping
	@PreAuthorize(OWNER)
	@ResponseStatusCreated
	@Operation(summary = "Makes a new process, decision or form as a draft, blank or from a small template; "
			+ "refused (409, naming key) when a model has the key already")
	ModelService.RevisionView create(Authentication user, @Valid @RequestBody NewModel body) {
		return models.create(Caller.of(user), body.kind(), body.key(), body.name(),
				body.start() == null ? ModelTemplates.Start.BLANK : body.start());
	}

	@PostMapping(value = "/uploads", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	@PreAuthorize(OWNER)
	@ResponseStatusCreated
	@Operation(summary = "Uploads one .bpmn, .dmn or .form file, or a zip laid out like the export, as drafts "
			+ "(new models or drafts over existing ones); refused whole (400) with the reason when a file is not a "
			+ "readable model named by its key")
	List<ModelService.Uploaded> upload(Authentication user, @RequestParam String fileName,
			@RequestBody(required = false) byte[] body) {
		return models.upload(Caller.of(user), ModelUploads.read(fileName, body));
	}

	@GetMapping("/{key}")
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "A model with its versions (who deployed each and when, running instances, incidents)")
	ModelService.ModelDetail model(@PathVariable String key) {
		return models.model(key);
	}

	@GetMapping(value = "/{key}/content", produces = { MediaType.APPLICATION_XML_VALUE, MediaType.APPLICATION_JSON_VALUE,
			MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "The content of a deployed version (the latest without a version)")
	ResponseEntity<String> content(@PathVariable String key, @RequestParam(required = false) Integer version) {
		return text(models.content(key, version));
	}

	@GetMapping(value = "/{key}/editable", produces = { MediaType.APPLICATION_XML_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize(OWNER)
	@Operation(summary = "What the editor opens: the newest draft, or else the latest deployed version")
	ResponseEntity<String> editable(@PathVariable String key) {
		return text(models.editable(key));
	}

	@GetMapping(value = "/{key}/draft", produces = { MediaType.APPLICATION_XML_VALUE, MediaType.APPLICATION_JSON_VALUE,
			MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize(OWNER)
	@Operation(summary = "The newest draft, when there is one newer than the latest deployed version")
	ResponseEntity<String> draft(@PathVariable String key) {
		return text(models.draft(key));
	}

	@DeleteMapping("/{key}/drafts")
	@PreAuthorize(OWNER)
	@Operation(summary = "Discards the newest draft: the editor opens the deployed version again (a model that was "
			+ "never deployed is gone)")
	ModelService.RevisionView discardDraft(Authentication user, @PathVariable String key) {
		return models.discardDraft(Caller.of(user), key);
	}

	@GetMapping(value = "/{key}/file", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "Downloads the model as its file: the latest deployed version, the given version, or "
			+ "(process owners) the draft")
	ResponseEntity<byte[]> file(Authentication user, @PathVariable String key,
			@RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean draft) {
		if (draft && !ModelService.isOwner(Caller.of(user))) {
			throw new AccessDeniedException("drafts are the process owners'");
		}
		return download(models.file(key, version, draft));
	}

	/** A model's file as a download (the page's link answers the same). */
	static ResponseEntity<byte[]> download(ModelService.ModelFile file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(file.fileName()) // a key is ASCII by its pattern
				.build()
				.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@GetMapping("/{key}/draft-diff")
	@PreAuthorize(OWNER)
	@Operation(summary = "What the newest draft changes against the latest deployed version, in words, and its impact")
	ModelChanges.Diff draftDiff(@PathVariable String key) {
		return changes.draftDiff(key, ModelService.locale());
	}

	@PostMapping("/{key}/replay")
	@PreAuthorize(OWNER)
	@Operation(summary = "Replays the last finished cases (cases, default 200, at most 1000) on the newest draft of a "
			+ "process: the cases that would take another path, where they part, what they took and what they would "
			+ "take; cases it cannot decide are listed with the reason")
	ModelReplay.Result replay(Authentication user, @PathVariable String key,
			@RequestParam(required = false) Integer cases) {
		return replay.replayDraft(Caller.of(user), key, cases, ModelService.locale());
	}

	@PostMapping("/{key}/instances")
	@PreAuthorize(OWNER)
	@ResponseStatusCreated
	@Operation(summary = "Starts the latest version of a process as the caller (to try a new process)")
	ModelService.Started start(Authentication user, @PathVariable String key) {
		return models.start(Caller.of(user), key, null);
	}

	@GetMapping(value = "/{key}/diagram", produces = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "The current diagram, for everyone who works in the process")
	ResponseEntity<String> diagram(Authentication user, @PathVariable String key) {
		if (!models.worksIn(Caller.of(user), key)) {
			throw new AccessDeniedException("not a process you work in");
		}
		return text(models.diagram(key));
	}

	@PostMapping("/{key}/check")
	@PreAuthorize(OWNER)
	@Operation(summary = "Checks a model without deploying: the engine's parse and Lodestar's rules")
	CheckReport check(@PathVariable String key, @Valid @RequestBody ModelContent body) {
		return models.check(key, body.content(), ModelService.locale());
	}

	@PostMapping("/{key}/drafts")
	@PreAuthorize(OWNER)
	@ResponseStatusCreated
	@Operation(summary = "Saves a draft on the server without deploying it")
	ModelService.RevisionView saveDraft(Authentication user, @PathVariable String key,
			@Valid @RequestBody ModelContent body) {
		return models.saveDraft(Caller.of(user), key, body.content(), body.comment());
	}

	@PostMapping("/{key}/deployments")
	@PreAuthorize(WORKSPACE)
	@ResponseStatusCreated
	@Operation(summary = "Deploys a new version with a comment; refused (409) when the check finds errors, "
			+ "refused (403) by the engine's authorizations for anyone but process owners")
	ModelService.DeployResult deploy(Authentication user, @PathVariable String key,
			@Valid @RequestBody ModelContent body) {
		return models.deploy(Caller.of(user), key, body.content(), body.comment(), ModelService.locale());
	}

	@PostMapping("/{key}/file-deployments")
	@PreAuthorize(OWNER)
	@ResponseStatusCreated
	@Operation(summary = "Deploys the model's file from processes/ or forms/ as a new version: resolves a conflict "
			+ "between a changed file and a newer version from the workspace in favour of the file")
	ModelService.DeployResult deployFile(Authentication user, @PathVariable String key) {
		return models.deployFile(Caller.of(user), key, ModelService.locale());
	}

	@GetMapping("/{key}/revisions")
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "Every revision: drafts and deployments, with author, time, comment and content hash")
	List<ModelService.RevisionView> revisions(@PathVariable String key) {
		return models.revisions(key);
	}

	@GetMapping("/{key}/diff")
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "What changed between two versions, in words, and the change's impact")
	ModelChanges.Diff diff(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
		return changes.diff(key, from, to, ModelService.locale());
	}

	@PostMapping("/{key}/briefings")
	@PreAuthorize(OWNER)
	@ResponseStatusCreated
	@Operation(summary = "Starts the 'what changed' briefing for every member of the affected roles")
	ModelChanges.Briefing brief(Authentication user, @PathVariable String key, @Valid @RequestBody VersionPair body) {
		return changes.startBriefing(Caller.of(user), key, body.from(), body.to());
	}

	@GetMapping("/{key}/suggestions")
	@PreAuthorize(WORKSPACE)
	@Operation(summary = "The suggestions made on a model's elements")
	List<ModelSuggestions.SuggestionView> suggestions(@PathVariable String key) {
		models.resourceName(key);
		return suggestions.of(key);
	}

	@PostMapping("/{key}/suggestions")
	@ResponseStatusCreated
	@Operation(summary = "Leaves a suggestion on an element, for everyone who works in the process")
	ModelSuggestions.SuggestionView suggest(Authentication user, @PathVariable String key,
			@Valid @RequestBody NewSuggestion body) {
		return suggestions.suggest(Caller.of(user), key, body.elementId(), body.text());
	}

	@PostMapping("/suggestions/{id}/close")
	@PreAuthorize(OWNER)
	@Operation(summary = "Closes a suggestion with an answer")
	ModelSuggestions.SuggestionView close(Authentication user, @PathVariable long id, @Valid @RequestBody Closing body) {
		return suggestions.close(Caller.of(user), id, body.answer());
	}

	@GetMapping("/{key}/migrations/plan")
	@PreAuthorize(OWNER)
	@Operation(summary = "The migration plan between two versions: instructions, unmapped activities, failures, instances")
	ModelMigrations.Plan migrationPlan(Authentication user, @PathVariable String key, @RequestParam int from,
			@RequestParam int to, Locale locale) {
		return migrations.plan(Caller.of(user), key, from, to, locale);
	}

	@PostMapping("/{key}/migrations")
	@PreAuthorize(OWNER)
	@Operation(summary = "Migrates the chosen instances (or all, as a batch) from one version to another")
	ModelMigrations.Result migrate(Authentication user, @PathVariable String key,
			@Valid @RequestBody MigrationRequest body) {
		return migrations.run(Caller.of(user), key, body.from(), body.to(), body.processInstanceIds());
	}

	@GetMapping("/{key}/migrations/batches/{batchId}")
	@PreAuthorize(OWNER)
	@Operation(summary = "Where a 'migrate all' batch stands: jobs still to run and the failures of those that failed")
	ModelMigrations.BatchStatus migrationBatch(Authentication user, @PathVariable String key,
			@PathVariable String batchId) {
		return migrations.batch(Caller.of(user), key, batchId);
	}

	private static ResponseEntity<String> text(String content) {
		MediaType type = content.stripLeading().startsWith("{") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
		return ResponseEntity.ok().contentType(type).body(content);
	}

	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
	@interface ResponseStatusCreated {
	}

}
