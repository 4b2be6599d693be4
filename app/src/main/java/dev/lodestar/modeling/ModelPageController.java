package dev.lodestar.modeling;

import java.util.LinkedHashMap;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.lodestar.system.PageRefusedException;
import dev.lodestar.system.ProcessTexts;
import dev.lodestar.worklist.Caller;

/**
 * The workspace pages: {@code /models} lists every model for process owners, the project team
 * and executives; {@code /models/{key}} edits a model (process owners), shows it read-only
 * (project team, executives) or, for whoever works in the process, shows its current diagram
 * with a place for suggestions.
 */
@Controller
class ModelPageController {

	private final ModelService models;
	private final ModelSuggestions suggestions;
	private final ProcessApis processApis;
	private final ProcessTexts texts;
	private final ModelChecker checker;
	private final ChangeRequestService changeRequests;

	ModelPageController(ModelService models, ModelSuggestions suggestions, ProcessApis processApis, ProcessTexts texts,
			ModelChecker checker, ChangeRequestService changeRequests) {
		this.models = models;
		this.texts = texts;
		this.checker = checker;
		this.suggestions = suggestions;
		this.processApis = processApis;
		this.changeRequests = changeRequests;
	}

	@GetMapping("/models")
	@PreAuthorize(ModelApiController.WORKSPACE)
	String list(Authentication user, Model model) {
		var all = models.models();
		var counts = suggestions.openCounts();
		var open = new LinkedHashMap<String, Long>();
		all.forEach(m -> open.put(m.key(), counts.getOrDefault(m.key(), 0L)));
		model.addAttribute("models", all);
		model.addAttribute("openSuggestions", open);
		model.addAttribute("owner", ModelService.isOwner(Caller.of(user)));
		model.addAttribute("processApis", processApis.entries());
		return "models";
	}

	/** The export as a download from the page (the same zip as {@code GET /api/models/export}). */
	@GetMapping("/models/export")
	@PreAuthorize(ModelApiController.WORKSPACE)
	org.springframework.http.ResponseEntity<byte[]> export() {
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lodestar-models.zip\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
			.body(models.export());
	}

	/** One model's file as a download from its page (the same as {@code GET /api/models/{key}/file}). */
	@GetMapping("/models/{key}/file")
	@PreAuthorize(ModelApiController.WORKSPACE)
	org.springframework.http.ResponseEntity<byte[]> file(Authentication user, @PathVariable String key,
			@RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean draft) {
		if (draft && !ModelService.isOwner(Caller.of(user))) {
			throw PageRefusedException.forbidden("models.forbidden");
		}
		return ModelApiController.download(models.file(key, version, draft));
	}

	/** Makes a new process, decision or form, or uploads model files (process owners). */
	@GetMapping("/models/new")
	@PreAuthorize(ModelApiController.OWNER)
	String newModel(Model model) {
		model.addAttribute("keyPattern", ModelContents.KEY_PATTERN);
		model.addAttribute("keyLength", ModelContents.MAX_KEY_LENGTH);
		return "model-new";
	}

	@GetMapping("/models/{key}")
	String model(Authentication user, @PathVariable String key, @RequestParam(required = false) Integer version,
			Locale locale, Model model) {
		Caller caller = Caller.of(user);
		if (ModelService.seesWorkspace(caller) && !models.exists(key)) {
			throw PageRefusedException.notFound("models.notFound");
		}
		if (!models.worksIn(caller, key)) {
			throw PageRefusedException.forbidden("models.forbidden");
		}
		model.addAttribute("key", key);
		model.addAttribute("owner", ModelService.isOwner(caller));
		model.addAttribute("workspace", ModelService.seesWorkspace(caller));
		if (ModelService.seesWorkspace(caller)) {
			var detail = models.model(key);
			model.addAttribute("model", detail);
			model.addAttribute("suggestions", suggestions.of(key));
			model.addAttribute("kind", detail.kind().name());
			model.addAttribute("name", texts.processName(key, detail.name(), locale));
			model.addAttribute("latest", detail.versions().isEmpty() ? 0 : detail.versions().get(0).version());
			model.addAttribute("hasDraft", detail.draft() != null);
			model.addAttribute("changeRequests", changeRequests.of(caller, key));
		}
		else {
			model.addAttribute("mine", suggestions.mine(caller, key));
			model.addAttribute("kind", ModelKind.BPMN.name());
			// employees know the process by its name, not by its key
			model.addAttribute("name", texts.processName(key, models.processName(key), locale));
			model.addAttribute("latest", models.latestDiagramVersion(key));
			model.addAttribute("hasDraft", false);
		}
		model.addAttribute("version", version);
		// suggestions name their element as the reader knows it (the id stays in small print)
		model.addAttribute("elementNames", models.latestDiagramVersion(key) > 0
				? checker.elementNames(models.diagram(key), locale) : new java.util.HashMap<String, String>());
		model.addAttribute("fourEyes", ModelService.seesWorkspace(caller) && models.fourEyes());
		return "model";
	}

	/**
	 * A change request (four eyes): the diff, the check, the replay, comments on elements, and
	 * approve or deploy as the reader's role allows; the page asks the JSON API for all of it.
	 */
	@GetMapping("/models/{key}/change-requests/{id}")
	@PreAuthorize(ModelApiController.WORKSPACE)
	String changeRequest(Authentication user, @PathVariable String key, @PathVariable long id, Model model) {
		Caller caller = Caller.of(user);
		var request = changeRequests.of(caller, key).stream().filter(r -> r.id() == id).findFirst()
			.orElseThrow(() -> PageRefusedException.notFound("models.review.notFound"));
		model.addAttribute("key", key);
		model.addAttribute("request", request);
		model.addAttribute("kind", request.kind().name());
		model.addAttribute("name", models.exists(key) ? models.model(key).name() : key);
		model.addAttribute("owner", ModelService.isOwner(caller));
		return "model-review";
	}

}
