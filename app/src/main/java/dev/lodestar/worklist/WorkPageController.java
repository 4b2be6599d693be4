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

/**
 * The pages of My work: the task list (the start page), the task page and the managers'
 * workload view. The list is rendered on the server; the task page's actions go through
 * {@link TaskApiController}, so that page and API clients share one set of rules.
 */
@Controller
class WorkPageController {

	private final WorklistService worklist;
	private final SavedFilterService savedFilters;
	private final RepositoryService repositoryService;

	WorkPageController(WorklistService worklist, SavedFilterService savedFilters, RepositoryService repositoryService) {
		this.worklist = worklist;
		this.savedFilters = savedFilters;
		this.repositoryService = repositoryService;
	}

	@GetMapping("/")
	String work(Authentication user, @ModelAttribute("filter") TaskFilter filter, Model model) {
		Caller caller = Caller.of(user);
		model.addAttribute("page", worklist.list(caller, filter));
		model.addAttribute("counts", worklist.counts(caller));
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
		model.addAttribute("view", worklist.view(Caller.of(user), id));
		return "task";
	}

	@GetMapping("/workload")
	@PreAuthorize("hasAnyRole('sales-manager', 'service-manager')")
	String workload(Authentication user, Model model) {
		model.addAttribute("workloads", worklist.workload(Caller.of(user)));
		return "workload";
	}

}
