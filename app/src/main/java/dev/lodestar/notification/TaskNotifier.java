package dev.lodestar.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.lodestar.calendar.Dates;

/**
 * "A task was assigned to you", "a task is waiting in your role's queue" and "a task is
 * overdue". Runs inside the engine's transaction, so a message exists only for work that
 * really happened.
 */
@Component
class TaskNotifier {

	private final NotificationService notifications;
	private final RepositoryService repositoryService;
	private final NotificationSettings settings;
	private final Map<String, Definition> definitions = new java.util.concurrent.ConcurrentHashMap<>();
	private final Dates dates;

	TaskNotifier(NotificationService notifications, RepositoryService repositoryService,
			NotificationSettings settings, Dates dates) {
		this.dates = dates;
		this.notifications = notifications;
		this.repositoryService = repositoryService;
		this.settings = settings;
	}

	/** A new task without an assignee lands in the queues of its candidate groups and users. */
	void created(DelegateTask task) {
		if (task.getAssignee() != null) {
			return; // the assignment event follows and tells the assignee
		}
		Map<String, Object> model = model(task.getId(), task.getName(), task.getProcessDefinitionId(),
				task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), task.getDueDate());
		model.put("taskKey", task.getTaskDefinitionKey());
		for (IdentityLink candidate : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
				continue;
			}
			if (candidate.getGroupId() != null) {
				var roleModel = new HashMap<>(model);
				roleModel.put("role", candidate.getGroupId());
				notifications.notifyRole(candidate.getGroupId(), "task-queued", roleModel,
						"task-queued:" + task.getId());
			}
			else if (candidate.getUserId() != null) {
				notifications.notifyUser(candidate.getUserId(), "task-queued", model,
						"task-queued:" + task.getId() + ":" + candidate.getUserId());
			}
		}
	}

	/** Somebody was made the assignee; tell them, unless they took the task themselves. */
	void assigned(DelegateTask task) {
		String assignee = task.getAssignee();
		if (assignee == null || assignee.equals(actingUser(task))) {
			return;
		}
		Map<String, Object> model = model(task.getId(), task.getName(), task.getProcessDefinitionId(),
				task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), task.getDueDate());
		model.put("taskKey", task.getTaskDefinitionKey());
		notifications.notifyUser(assignee, "task-assigned", model, null);
	}

	/** The task passed its due date: tell its assignee, or its roles' members if unassigned. */
	void overdue(Task task, String businessKey) {
		Map<String, Object> model = model(task.getId(), task.getName(), task.getProcessDefinitionId(), businessKey,
				task.getDueDate());
		model.put("taskKey", task.getTaskDefinitionKey());
		if (task.getAssignee() != null) {
			notifications.notifyUser(task.getAssignee(), "task-overdue", model,
					"task-overdue:" + task.getId() + ":" + task.getAssignee());
		}
	}

	void overdueForRole(Task task, String businessKey, String groupId) {
		Map<String, Object> model = model(task.getId(), task.getName(), task.getProcessDefinitionId(), businessKey,
				task.getDueDate());
		model.put("role", groupId);
		model.put("taskKey", task.getTaskDefinitionKey());
		notifications.notifyRole(groupId, "task-overdue", model, "task-overdue:" + task.getId());
	}

	private Map<String, Object> model(String taskId, String taskName, String processDefinitionId,
			String businessKey, java.util.Date due) {
		Map<String, Object> model = new HashMap<>();
		model.put("taskId", taskId);
		model.put("taskName", Objects.requireNonNullElse(taskName, "A task"));
		Definition definition = definition(processDefinitionId);
		model.put("processName", definition.name());
		model.put("processKey", definition.key());
		model.put("businessKey", businessKey);
		model.put("due", due == null ? null : dates.zoned(due.toInstant()));
		model.put("link", settings.baseUrl() + "/tasks/" + taskId);
		return model;
	}

	/**
	 * A deployed definition never changes, so its key and name are looked up once per id, not
	 * twice for every task created (each lookup an engine command with its own queries).
	 */
	private Definition definition(String processDefinitionId) {
		if (processDefinitionId == null) {
			return new Definition(null, "");
		}
		return definitions.computeIfAbsent(processDefinitionId, id -> {
			var definition = repositoryService.getProcessDefinition(id);
			return new Definition(definition.getKey(),
					definition.getName() != null ? definition.getName() : definition.getKey());
		});
	}

	private record Definition(String key, String name) {
	}

	private static String actingUser(DelegateTask task) {
		Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (engineUser != null) {
			return engineUser.getUserId();
		}
		var springUser = SecurityContextHolder.getContext().getAuthentication();
		return springUser == null ? null : springUser.getName();
	}

}
