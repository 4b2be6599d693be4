package dev.lodestar.worklist;

import java.util.Comparator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;

/**
 * The pages of My work: the task list (the start page), the task page and the managers'
 * workload view. The list is rendered on the server; the task page's actions go through
 * {@link TaskApiController}, so that page and API clients share one set of rules.
 */
@Controller
class WorkPageController {

	private final WorklistService worklist;
	private final TaskListService tasks;
	private final WorkloadService workloads;
	private final SavedFilterService savedFilters;
	private final RepositoryService repositoryService;
	private final TaskOutcomes outcomes;
	private final org.springframework.beans.factory.ObjectProvider<WorkSection> sections;

	WorkPageController(WorklistService worklist, TaskListService tasks, WorkloadService workloads,
			SavedFilterService savedFilters, RepositoryService repositoryService, TaskOutcomes outcomes,
			org.springframework.beans.factory.ObjectProvider<WorkSection> sections) {
		this.sections = sections;
		this.worklist = worklist;
		this.tasks = tasks;
		this.workloads = workloads;
		this.savedFilters = savedFilters;
		this.repositoryService = repositoryService;
		this.outcomes = outcomes;
	}

	@GetMapping("/")
	String work(Authentication user, @ModelAttribute("filter") TaskFilter filter,
			@RequestParam(required = false) String completed, @RequestParam java.util.Map<String, String> parameters,
			Model model) {
		Caller caller = Caller.of(user);
		if (completed != null) {
			// the confirmation after Complete: what was done and where the case went next
			outcomes.of(caller, completed).ifPresent(outcome -> model.addAttribute("completedTask", outcome));
		}
		model.addAttribute("page", tasks.list(caller, filter));
		model.addAttribute("counts", tasks.counts(caller));
		model.addAttribute("workSections", sections.orderedStream()
			.map(section -> new WorkSection.Drawn(section.template(), section.data(caller, parameters)))
			.filter(drawn -> drawn.data() != null)
			.toList());
		model.addAttribute("savedFilters", savedFilters.of(caller));
		model.addAttribute("processes", repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.stream()
			.sorted(Comparator.comparing(ProcessDefinition::getKey))
			.toList());
		return "work";
	}

	@PostMapping("/filters")
	String saveFilter(Authentication user, @RequestParam String name, @ModelAttribute TaskFilter filter,
			RedirectAttributes redirect) {
		try {
			savedFilters.save(Caller.of(user), name, filter);
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("filterError", ex.getMessage());
		}
		return "redirect:/?" + filter.toQueryString();
	}

	@PostMapping("/filters/{id}/delete")
	String deleteFilter(Authentication user, @PathVariable long id) {
		savedFilters.delete(Caller.of(user), id);
		return "redirect:/";
	}

	@GetMapping("/tasks/{id}")
	String task(Authentication user, @PathVariable String id, Model model) {
		Caller caller = Caller.of(user);
		try {
			model.addAttribute("view", worklist.view(caller, id));
			return "task";
		}
		catch (NotFoundException gone) {
			// done meanwhile (a stale tab, the back button, an old link): say by whom and where the
			// case went; to somebody who never could see the task, it does not exist
			var outcome = outcomes.of(caller, id).orElseThrow(() -> gone);
			model.addAttribute("outcome", outcome);
			return "task-done";
		}
	}

	@GetMapping("/workload")
	@PreAuthorize("hasAnyRole('sales-manager', 'service-manager')")
	String workload(Authentication user, Model model) {
		model.addAttribute("workloads", workloads.workload(Caller.of(user)));
		return "workload";
	}

}
