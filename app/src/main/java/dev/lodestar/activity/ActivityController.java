package dev.lodestar.activity;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.lodestar.system.ListPage;
import dev.lodestar.worklist.Caller;

/**
 * A person's planned calls, meetings and to-dos over HTTP, for the sales and service roles: plan
 * one on a case, list one's own (open, overdue, done, all) a page at a time, list a case's, mark
 * one done, reschedule or cancel it. 404 for a case or activity the caller may not see, 403 for
 * another person's activity, 409 for one no longer open, 400 naming the field for bad input.
 */
@RestController
@RequestMapping("/api/activities")
@Tag(name = "Activities")
@PreAuthorize(ActivityController.PLANNERS)
class ActivityController {

	static final String PLANNERS = "hasAnyRole('sales-rep', 'sales-manager', 'service-agent', 'service-manager')";

	private final ActivityService activities;

	ActivityController(ActivityService activities) {
		this.activities = activities;
	}

	@PostMapping
	@Operation(summary = "Plan a call, meeting or to-do on a lead, customer or complaint, for yourself or (a manager) "
			+ "for a member of your team; dueAt at most 24 hours in the past")
	ResponseEntity<ActivityView> plan(@Valid @RequestBody PlanActivity body, Authentication user) {
		ActivityView planned = activities.plan(new NewActivity(body.caseType(), body.caseId(), body.type(), body.subject(),
				body.note(), body.dueAt(), body.assignee()), Caller.of(user));
		return ResponseEntity.created(URI.create("/api/activities/" + planned.id())).body(planned);
	}

	@GetMapping
	@Operation(summary = "Your activities (state: open, overdue, done, all), or a case's (caseType and caseId), "
			+ "a page at a time with the total")
	ListPage<ActivityView> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String caseType, @RequestParam(required = false) Long caseId,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			Authentication user) {
		Caller caller = Caller.of(user);
		if (caseType != null || caseId != null) {
			if (caseType == null || caseId == null) {
				throw new dev.lodestar.system.InvalidInputException(caseType == null ? "caseType" : "caseId",
						"must be given with " + (caseType == null ? "caseId" : "caseType"));
			}
			return activities.ofCase(caseType, caseId, caller, page, size);
		}
		return activities.mine(caller, ActivityFilter.of(state), page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One activity")
	ActivityView get(@PathVariable long id, Authentication user) {
		return activities.get(id, Caller.of(user));
	}

	@PostMapping("/{id}/done")
	@Operation(summary = "Mark it done, with what came of it; the customer's timeline notes it; 409 when no longer open")
	ActivityView done(@PathVariable long id, @Valid @RequestBody(required = false) MarkDone body, Authentication user) {
		return activities.done(id, body == null ? null : body.outcome(), Caller.of(user));
	}

	@PostMapping("/{id}/reschedule")
	@Operation(summary = "Move its due time; 409 when no longer open")
	ActivityView reschedule(@PathVariable long id, @Valid @RequestBody Reschedule body, Authentication user) {
		return activities.reschedule(id, body.dueAt(), Caller.of(user));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel it; 409 when no longer open")
	ActivityView cancel(@PathVariable long id, Authentication user) {
		return activities.cancel(id, Caller.of(user));
	}

	record PlanActivity(@NotBlank @Size(max = 16) String caseType, @NotNull Long caseId, @NotNull ActivityType type,
			@NotBlank @Size(max = Activity.SUBJECT_MAX) String subject, @Size(max = Activity.TEXT_MAX) String note,
			@NotNull Instant dueAt, @Size(max = 64) String assignee) {
	}

	record MarkDone(@Size(max = Activity.OUTCOME_MAX) String outcome) {
	}

	record Reschedule(@NotNull Instant dueAt) {
	}

}
