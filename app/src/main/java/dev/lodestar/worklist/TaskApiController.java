package dev.lodestar.worklist;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * My work as JSON, for the task page's scripts and for API clients: the same list, the same
 * rules. Errors are problem details: 400 names each invalid form field, 404 a task the caller
 * may not see, 409 a task someone else holds.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "My work")
class TaskApiController {

	private final WorklistService worklist;
	private final TaskListService tasks;
	private final WorkloadService workloads;
	private final SavedFilterService savedFilters;

	TaskApiController(WorklistService worklist, TaskListService tasks, WorkloadService workloads,
			SavedFilterService savedFilters) {
		this.worklist = worklist;
		this.tasks = tasks;
		this.workloads = workloads;
		this.savedFilters = savedFilters;
	}

	@GetMapping("/tasks")
	@Operation(summary = "The caller's tasks: assigned to them or in their roles' queues, filtered, sorted, paged")
	TaskPage list(Authentication user, @ModelAttribute TaskFilter filter) {
		return tasks.list(Caller.of(user), filter);
	}

	@GetMapping("/tasks/counts")
	@Operation(summary = "How many tasks are assigned to the caller, wait in each of their roles' queues, are overdue")
	QueueCounts counts(Authentication user) {
		return tasks.counts(Caller.of(user));
	}

	@GetMapping("/tasks/{id}")
	@Operation(summary = "One task with its case, earlier steps, comments and the caller's possible actions")
	TaskView task(Authentication user, @PathVariable String id) {
		return worklist.view(Caller.of(user), id);
	}

	@GetMapping("/tasks/{id}/form")
	@Operation(summary = "The task's Camunda Form (labels in the caller's language) and its current values")
	Map<String, Object> form(Authentication user, @PathVariable String id, Locale locale) {
		return worklist.form(Caller.of(user), id, locale);
	}

	@GetMapping("/tasks/{id}/diagram")
	@Operation(summary = "The BPMN XML of the task's process")
	ResponseEntity<String> diagram(Authentication user, @PathVariable String id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(worklist.diagram(Caller.of(user), id));
	}

	@PostMapping("/tasks/{id}/claim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take the task from the queue (409 when someone else has it)")
	void claim(Authentication user, @PathVariable String id) {
		worklist.claim(Caller.of(user), id);
	}

	@PostMapping("/tasks/{id}/unclaim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Give the task back to the queue")
	void unclaim(Authentication user, @PathVariable String id) {
		worklist.unclaim(Caller.of(user), id);
	}

	@PutMapping("/tasks/{id}/assignee")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "A manager reassigns the task within its role; with makeOwner the new assignee also owns "
			+ "the task's case (a lead), else its owner stays")
	void reassign(Authentication user, @PathVariable String id, @Valid @RequestBody Reassignment body) {
		worklist.reassign(Caller.of(user), id, body.userId(), Boolean.TRUE.equals(body.makeOwner()));
	}

	@PostMapping("/tasks/{id}/complete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Complete the task with the form's values, checked against the form's constraints")
	void complete(Authentication user, @PathVariable String id, @RequestBody(required = false) Map<String, Object> values,
			Locale locale) {
		worklist.complete(Caller.of(user), id, values, locale);
	}

	@PostMapping("/tasks/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Comment on the task")
	void comment(Authentication user, @PathVariable String id, @Valid @RequestBody NewComment body) {
		worklist.comment(Caller.of(user), id, body.message());
	}

	@GetMapping("/workload")
	@Operation(summary = "For managers: each managed role's queue and each member's open, overdue and completed tasks")
	List<Workload> workload(Authentication user) {
		return workloads.workload(Caller.of(user));
	}

	@GetMapping("/task-filters")
	@Operation(summary = "The caller's saved filters")
	List<SavedFilterView> filters(Authentication user) {
		return savedFilters.of(Caller.of(user)).stream().map(SavedFilterView::of).toList();
	}

	@PostMapping("/task-filters")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Save a filter of My work under a name")
	SavedFilterView saveFilter(Authentication user, @Valid @RequestBody NewFilter body) {
		return SavedFilterView.of(savedFilters.save(Caller.of(user), body.name(),
				body.filter() == null ? TaskFilter.all() : body.filter()));
	}

	@DeleteMapping("/task-filters/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteFilter(Authentication user, @PathVariable long id) {
		savedFilters.delete(Caller.of(user), id);
	}

	/**
	 * @param makeOwner also make the new assignee the owner of the task's case (default: no, the
	 *        owner stays)
	 */
	record Reassignment(@NotBlank String userId, Boolean makeOwner) {
	}

	record NewComment(@NotBlank @Size(max = 4000) String message) {
	}

	record NewFilter(@NotBlank @Size(max = 100) String name, TaskFilter filter) {
	}

	record SavedFilterView(long id, String name, String query) {
		static SavedFilterView of(SavedFilter filter) {
			return new SavedFilterView(filter.getId(), filter.getName(), filter.getQuery());
		}
	}

}
