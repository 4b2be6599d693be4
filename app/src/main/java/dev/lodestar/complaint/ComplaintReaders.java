package dev.lodestar.complaint;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;

/**
 * Who may read complaints outside the complaint API (task page, 360° view): the service roles
 * see everything, leadership and sales managers see the complaints but no task details, other
 * roles see nothing. Open tasks are listed only where the user could work on them.
 */
@Component
class ComplaintReaders {

	private static final Set<String> FULL = Set.of(Roles.SERVICE_AGENT, Roles.SERVICE_MANAGER, Roles.CAMUNDA_ADMIN);
	private static final Set<String> SUMMARY = Set.of(Roles.EXECUTIVE, Roles.SALES_MANAGER);

	private final IdentityService identityService;
	private final TaskService taskService;

	ComplaintReaders(IdentityService identityService, TaskService taskService) {
		this.identityService = identityService;
		this.taskService = taskService;
	}

	List<String> groupsOf(String userId) {
		return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
	}

	boolean mayWork(String userId) {
		return groupsOf(userId).stream().anyMatch(FULL::contains);
	}

	boolean mayRead(String userId) {
		return groupsOf(userId).stream().anyMatch(g -> FULL.contains(g) || SUMMARY.contains(g));
	}

	/** The open tasks of a complaint that this user is assigned to or is a candidate for. */
	List<Task> openTasksFor(Complaint complaint, String userId) {
		List<String> groups = groupsOf(userId);
		return taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(complaint.getId().toString())
			.active()
			.list()
			.stream()
			.filter(task -> userId.equals(task.getAssignee()) || taskService.getIdentityLinksForTask(task.getId())
				.stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
				.map(IdentityLink::getGroupId)
				.anyMatch(groups::contains))
			.toList();
	}

	List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

}
