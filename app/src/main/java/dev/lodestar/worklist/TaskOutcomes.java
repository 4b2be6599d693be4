package dev.lodestar.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.ProcessTexts;

/**
 * What became of a task that is no longer open: who completed it and when, and where its case
 * went next. The task page shows it to whoever could see the task while it was open (a stale
 * tab, the back button, a link in an old e-mail); to anybody else the task does not exist.
 */
@Service
class TaskOutcomes {

	private final HistoryService historyService;
	private final TaskService taskService;
	private final List<CaseContextProvider> caseProviders;
	private final ProcessTexts texts;

	TaskOutcomes(HistoryService historyService, TaskService taskService, List<CaseContextProvider> caseProviders,
			ProcessTexts texts) {
		this.historyService = historyService;
		this.taskService = taskService;
		this.caseProviders = caseProviders;
		this.texts = texts;
	}

	/** A finished (or deleted) task the caller took part in, with where its case stands now. */
	@Transactional(readOnly = true)
	Optional<Outcome> of(Caller caller, String taskId) {
		HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
		if (task == null || task.getEndTime() == null || !tookPart(caller, task)) {
			return Optional.empty();
		}
		List<NextStep> next = task.getProcessInstanceId() == null ? List.of()
				: taskService.createTaskQuery()
					.processInstanceId(task.getProcessInstanceId())
					.orderByTaskCreateTime()
					.asc()
					.list()
					.stream()
					.map(open -> nextStep(task.getProcessDefinitionKey(), open))
					.toList();
		String caseLink = null;
		String caseTitle = null;
		boolean caseEnded = false;
		if (task.getProcessInstanceId() != null) {
			HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.singleResult();
			if (instance != null) {
				caseEnded = instance.getEndTime() != null;
				for (CaseContextProvider provider : caseProviders) {
					if (instance.getBusinessKey() != null && provider.supports(instance.getProcessDefinitionKey())) {
						var described = provider.describe(instance.getProcessDefinitionKey(), instance.getBusinessKey(),
								caller.userId());
						if (described.isPresent()) {
							caseLink = described.get().link();
							caseTitle = described.get().title();
							break;
						}
					}
				}
			}
		}
		boolean completed = "completed".equals(task.getDeleteReason());
		String name = texts.stepName(task.getProcessDefinitionKey(), task.getTaskDefinitionKey(),
				DisplayNames.clean(task.getName()), LocaleContextHolder.getLocale());
		return Optional.of(new Outcome(task.getId(), name, completed,
				task.getAssignee(), task.getEndTime().toInstant(), next, caseEnded, caseTitle, caseLink));
	}

	private boolean tookPart(Caller caller, HistoricTaskInstance task) {
		if (caller.userId().equals(task.getAssignee()) || caller.userId().equals(task.getOwner())) {
			return true;
		}
		for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery()
			.taskId(task.getId())
			.type(IdentityLinkType.CANDIDATE)
			.list()) {
			if (caller.userId().equals(link.getUserId())
					|| (link.getGroupId() != null && caller.hasRole(link.getGroupId()))) {
				return true;
			}
		}
		return false;
	}

	/** An open step of the same case, named in the reader's language. */
	private NextStep nextStep(String processKey, Task task) {
		List<String> roles = taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.distinct()
			.toList();
		return new NextStep(task.getId(), texts.stepName(processKey, task.getTaskDefinitionKey(),
				DisplayNames.clean(task.getName()), LocaleContextHolder.getLocale()), task.getAssignee(), roles);
	}

	/**
	 * @param completed whether it was completed (rather than cancelled by its case, e.g. by a timer)
	 * @param by who held it when it ended
	 * @param next the case's open tasks now
	 * @param caseEnded whether the case has finished
	 */
	record Outcome(String taskId, String name, boolean completed, String by, Instant at, List<NextStep> next,
			boolean caseEnded, String caseTitle, String caseLink) {
	}

	/** @param roles the candidate groups' ids; the page names them ({@code role.<id>}) */
	record NextStep(String taskId, String name, String assignee, List<String> roles) {
	}

}
