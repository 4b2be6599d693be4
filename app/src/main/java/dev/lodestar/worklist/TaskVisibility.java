package dev.lodestar.worklist;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.NotFoundException;

/**
 * Who may see and work a task, decided per task from its identity links: its assignee, its
 * candidate users and the members of its candidate roles, and the managers of those roles. The
 * engine is queried without an engine-side authentication, so this is the only check.
 */
@Component
class TaskVisibility {

	private final TaskService taskService;
	private final IdentityService identityService;
	private final WorklistSettings settings;

	TaskVisibility(TaskService taskService, IdentityService identityService, WorklistSettings settings) {
		this.taskService = taskService;
		this.identityService = identityService;
		this.settings = settings;
	}

	/** Whether the caller may open the task's page: case pages link only the tasks that open for the reader. */
	@Transactional(readOnly = true)
	public boolean canOpen(Caller caller, String taskId) {
		try {
			visibleTask(caller, taskId);
			return true;
		}
		catch (NotFoundException gone) {
			return false;
		}
	}

	/** Whether the caller may do the task now: theirs, or nobody's and in their queues (see {@link WorklistService#view}). */
	@Transactional(readOnly = true)
	public boolean mayWork(Caller caller, String taskId) {
		var links = new Links(taskId);
		Task task;
		try {
			task = visibleTask(caller, taskId, links);
		}
		catch (NotFoundException gone) {
			return false;
		}
		return caller.userId().equals(task.getAssignee())
				|| (task.getAssignee() == null && isCandidate(caller, candidateRoles(links), links));
	}

	Task visibleTask(Caller caller, String taskId) {
		return visibleTask(caller, taskId, new Links(taskId));
	}

	Task visibleTask(Caller caller, String taskId, Links identityLinks) {
		Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
		if (task == null) {
			throw new NotFoundException("Task", taskId);
		}
		if (caller.userId().equals(task.getAssignee())) {
			return task;
		}
		for (IdentityLink link : identityLinks.get()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (caller.userId().equals(link.getUserId())
					|| (link.getGroupId() != null && (caller.hasRole(link.getGroupId())
							|| managedBy(caller).contains(link.getGroupId())))) {
				return task;
			}
		}
		// do not tell strangers that the task exists
		throw new NotFoundException("Task", taskId);
	}

	List<String> candidateRoles(String taskId) {
		return candidateRoles(new Links(taskId));
	}

	List<String> candidateRoles(Links links) {
		return links.get()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.distinct()
			.toList();
	}

	boolean isCandidate(Caller caller, List<String> roles, Links links) {
		return roles.stream().anyMatch(caller::hasRole) || links.get()
			.stream()
			.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
					&& caller.userId().equals(link.getUserId()));
	}

	/** A task's identity links, read at most once per call of the door (each read is an engine command). */
	final class Links {

		private final String taskId;

		private List<IdentityLink> links;

		Links(String taskId) {
			this.taskId = taskId;
		}

		List<IdentityLink> get() {
			if (links == null) {
				links = taskService.getIdentityLinksForTask(taskId);
			}
			return links;
		}

	}

	private Set<String> managedBy(Caller caller) {
		return caller.roles()
			.stream()
			.flatMap(role -> settings.managedRoles().getOrDefault(role, List.of()).stream())
			.collect(Collectors.toSet());
	}

	boolean manages(Caller caller, List<String> roles) {
		return !managedAmong(caller, roles).isEmpty();
	}

	List<String> managedAmong(Caller caller, List<String> roles) {
		Set<String> managed = managedBy(caller);
		return roles.stream().filter(managed::contains).toList();
	}

	List<String> members(List<String> roles) {
		return roles.stream()
			.flatMap(role -> identityService.createUserQuery().memberOfGroup(role).list().stream())
			.map(User::getId)
			.distinct()
			.sorted()
			.toList();
	}

	/** A task's identity links, to be read at most once per call of the door. */
	Links links(String taskId) {
		return new Links(taskId);
	}

}
