package dev.lodestar.modeling;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.lodestar.worklist.Caller;

/**
 * Four eyes on model changes as JSON: a process owner opens a change request for a draft,
 * process owners comment on its elements, another process owner approves it, and then it is
 * deployed. The project team and executives read. Administrators switch four eyes on or off.
 */
@RestController
@RequestMapping("/api/models/change-requests")
@Tag(name = "Change requests", description = "Four eyes on model changes: open, comment, approve, deploy")
class ChangeRequestApiController {

	static final String ADMIN = "hasRole('camunda-admin')";

	private final ChangeRequestService service;
	private final FourEyes fourEyes;

	ChangeRequestApiController(ChangeRequestService service, FourEyes fourEyes) {
		this.service = service;
		this.fourEyes = fourEyes;
	}

	record NewRequest(@NotBlank @Size(max = ModelContents.MAX_KEY_LENGTH) String key, Long revision,
			@Size(max = 2000) String comment) {
	}

	record NewComment(@Size(max = 200) String elementId, @NotBlank @Size(max = 2000) String text) {
	}

	record Setting(@NotNull Boolean fourEyes) {
	}

	@PostMapping
	@PreAuthorize(ModelApiController.OWNER)
	@ModelApiController.ResponseStatusCreated
	@Operation(summary = "Opens a change request for the newest draft of a model (key, optional draft revision to "
			+ "pin); refused (409) while another request of the model is open")
	ChangeRequestService.RequestView open(Authentication user, @Valid @RequestBody NewRequest body) {
		return service.open(Caller.of(user), body.key(), body.revision(), body.comment());
	}

	@GetMapping
	@PreAuthorize(ModelApiController.WORKSPACE)
	@Operation(summary = "The change requests of a model, newest first")
	List<ChangeRequestService.RequestView> list(Authentication user, @RequestParam String key) {
		return service.of(Caller.of(user), key);
	}

	@GetMapping("/settings")
	@PreAuthorize(ModelApiController.WORKSPACE + " or " + ADMIN)
	@Operation(summary = "Whether four eyes are on: a second process owner approves every model change")
	Setting setting() {
		return new Setting(fourEyes.on());
	}

	@PutMapping("/settings")
	@PreAuthorize(ADMIN)
	@Operation(summary = "Switches four eyes on or off for the whole company (administrators)")
	Setting changeSetting(Authentication user, @Valid @RequestBody Setting body) {
		fourEyes.set(Caller.of(user), body.fourEyes());
		return new Setting(fourEyes.on());
	}

	@GetMapping("/{id}")
	@PreAuthorize(ModelApiController.WORKSPACE)
	@Operation(summary = "A change request with the diff against the deployed version and its impact, the check "
			+ "with element names, the comments, and what the caller may do")
	ChangeRequestService.RequestDetail detail(Authentication user, @PathVariable long id) {
		return service.detail(Caller.of(user), id, ModelService.locale());
	}

	@GetMapping(value = "/{id}/content", produces = { MediaType.APPLICATION_XML_VALUE, MediaType.APPLICATION_JSON_VALUE,
			MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize(ModelApiController.WORKSPACE)
	@Operation(summary = "The draft under review")
	ResponseEntity<String> content(@PathVariable long id) {
		String content = service.content(id);
		MediaType type = content.stripLeading().startsWith("{") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
		return ResponseEntity.ok().contentType(type).body(content);
	}

	@PostMapping("/{id}/replay")
	@PreAuthorize(ModelApiController.OWNER)
	@Operation(summary = "Replays the last finished cases (cases, default 200, at most 1000) on the draft under "
			+ "review: the cases that would take another path, where they part, and the cases it cannot decide")
	ModelReplay.Result replay(Authentication user, @PathVariable long id, @RequestParam(required = false) Integer cases) {
		return service.replay(Caller.of(user), id, cases, ModelService.locale());
	}

	@PostMapping("/{id}/comments")
	@PreAuthorize(ModelApiController.OWNER)
	@ModelApiController.ResponseStatusCreated
	@Operation(summary = "Comments on an element of the draft (or, without elementId, on the whole)")
	ChangeRequestService.CommentView comment(Authentication user, @PathVariable long id,
			@Valid @RequestBody NewComment body) {
		return service.comment(Caller.of(user), id, body.elementId(), body.text(), ModelService.locale());
	}

	@PostMapping("/{id}/approval")
	@PreAuthorize(ModelApiController.OWNER)
	@Operation(summary = "Approves the draft as it is; refused (403) for its author, (409) when it changed since, "
			+ "when a newer version was deployed, or when somebody approved it a moment before")
	ChangeRequestService.RequestView approve(Authentication user, @PathVariable long id) {
		return service.approve(Caller.of(user), id);
	}

	@PostMapping("/{id}/deployment")
	@PreAuthorize(ModelApiController.OWNER)
	@ModelApiController.ResponseStatusCreated
	@Operation(summary = "Deploys an approved request; refused (409) when not approved, when the draft changed "
			+ "after the approval (the approval is void), when outdated or deployed a moment before")
	ModelService.DeployResult deploy(Authentication user, @PathVariable long id) {
		return service.deploy(Caller.of(user), id, ModelService.locale());
	}

	@PostMapping("/{id}/update")
	@PreAuthorize(ModelApiController.OWNER)
	@Operation(summary = "The author moves the request to the newest draft: any approval is gone, review again")
	ChangeRequestService.RequestView update(Authentication user, @PathVariable long id) {
		return service.update(Caller.of(user), id);
	}

	@PostMapping("/{id}/withdrawal")
	@PreAuthorize(ModelApiController.OWNER)
	@Operation(summary = "The author withdraws the request")
	ChangeRequestService.RequestView withdraw(Authentication user, @PathVariable long id) {
		return service.withdraw(Caller.of(user), id);
	}

}
