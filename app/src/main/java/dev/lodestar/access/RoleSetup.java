package dev.lodestar.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the roles (ARCHITECTURE.md, "Fixed names") as Camunda groups and grants each the Camunda
 * authorizations it needs, idempotently, at every start, as soon as every bean is ready (before
 * the web server opens and the demo is seeded). This is not demo data: a production installation
 * needs the same roles and grants.
 *
 * <p>Task visibility needs no grant here: the engine itself gives a task's candidate groups
 * and assignee READ and TASK_WORK on that task when it is created (not UPDATE: see
 * {@code defaultUserPermissionNameForTask} in {@code application.yml}), so each role sees and
 * works only its own tasks and cannot rewrite their variables or reassign them.
 */
@Component
@Order(RoleSetup.ORDER)
class RoleSetup implements SmartInitializingSingleton {

	static final int ORDER = 10;

	private static final Logger log = LoggerFactory.getLogger(RoleSetup.class);

	private static final Map<String, String> ROLE_NAMES = Map.of(
			Roles.SALES_REP, "Sales representatives",
			Roles.SALES_MANAGER, "Sales managers",
			Roles.SERVICE_AGENT, "Customer service agents",
			Roles.SERVICE_MANAGER, "Service managers",
			Roles.EXECUTIVE, "Executives",
			Roles.PROJECT_TEAM, "CRM rollout project team",
			Roles.PROCESS_OWNER, "Process owners",
			Roles.TRAINER, "Trainers",
			Roles.EMPLOYEE, "All employees",
			Roles.CAMUNDA_ADMIN, "Camunda administrators");

	private static final String LEAD_TO_SALE = "lead-to-sale";
	private static final String COMPLAINT = "complaint-to-resolution";
	private static final List<String> ROLLOUT = List.of("crm-rollout", "stakeholder-assessment", "training-wave",
			"kpi-review");

	private final IdentityService identityService;
	private final AuthorizationService authorizationService;
	private final FilterService filterService;
	private final TaskService taskService;

	RoleSetup(IdentityService identityService, AuthorizationService authorizationService,
			FilterService filterService, TaskService taskService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.filterService = filterService;
		this.taskService = taskService;
	}

	/** The grants of every role: the authorization matrix, in one place. */
	static List<Grant> grants() {
		var grants = new java.util.ArrayList<Grant>();
		for (String role : Roles.ALL) {
			grants.add(new Grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
			grants.add(new Grant(role, Resources.FILTER, ANY, Permissions.READ));
		}
		// administrators hold every permission on every resource, as Camunda's own admin set-up grants
		for (Resources resource : Resources.values()) {
			grants.add(new Grant(Roles.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
		}
		// process owners change and deploy models and move running cases between versions; they do
		// not get ALL: no writing of running cases' variables or tasks, no identities, no system
		grants.add(new Grant(Roles.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
		grants.add(new Grant(Roles.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ,
				Permissions.DELETE));
		grants.add(new Grant(Roles.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE,
				ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.CREATE_INSTANCE,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
				ProcessDefinitionPermissions.SUSPEND_INSTANCE));
		grants.add(new Grant(Roles.PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
				Permissions.UPDATE, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY));
		grants.add(new Grant(Roles.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
		grants.add(new Grant(Roles.PROCESS_OWNER, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
				ProcessInstancePermissions.READ));
		grants.add(new Grant(Roles.PROCESS_OWNER, Resources.BATCH, ANY, Permissions.CREATE, Permissions.READ));

		// leadership reads every process and its history, and starts KPI reviews
		grants.add(new Grant(Roles.EXECUTIVE, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
		grants.add(new Grant(Roles.EXECUTIVE, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
		grants.add(new Grant(Roles.EXECUTIVE, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
				Permissions.READ_HISTORY));
		grants.add(new Grant(Roles.EXECUTIVE, Resources.PROCESS_DEFINITION, "kpi-review",
				ProcessDefinitionPermissions.CREATE_INSTANCE));
		grants.add(new Grant(Roles.EXECUTIVE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));

		for (String key : ROLLOUT) {
			grants.add(new Grant(Roles.PROJECT_TEAM, Resources.PROCESS_DEFINITION, key,
					ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
					ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
		}
		grants.add(new Grant(Roles.PROJECT_TEAM, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
		grants.add(new Grant(Roles.TRAINER, Resources.PROCESS_DEFINITION, "training-wave",
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE));

		// a lead or a complaint starts through Lodestar's API (which writes the case first), never
		// bare through the engine; working a task needs no grant here: the engine gives a task's
		// candidate groups and assignee READ and TASK_WORK on it (defaultUserPermissionNameForTask)
		grants.add(new Grant(Roles.SALES_REP, Resources.PROCESS_DEFINITION, LEAD_TO_SALE,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE));
		// managers see every task of their process and hand it to a member of its role (the
		// engine's task guard checks the member and the manager); they do not write its variables
		grants.add(new Grant(Roles.SALES_MANAGER, Resources.PROCESS_DEFINITION, LEAD_TO_SALE,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
				ProcessDefinitionPermissions.TASK_ASSIGN));

		grants.add(new Grant(Roles.SERVICE_AGENT, Resources.PROCESS_DEFINITION, COMPLAINT,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE));
		grants.add(new Grant(Roles.SERVICE_MANAGER, Resources.PROCESS_DEFINITION, COMPLAINT,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
				ProcessDefinitionPermissions.TASK_ASSIGN));
		return List.copyOf(grants);
	}

	@Override
	public void afterSingletonsInstantiated() {
		ROLE_NAMES.forEach(this::ensureGroup);
		grants().forEach(this::ensureGrant);
		int narrowed = narrowTaskGrants();
		ensureTasklistFilters();
		if (narrowed > 0) {
			log.info("Task grants narrowed from UPDATE to READ and TASK_WORK: {}", narrowed);
		}
		log.info("Roles and authorizations in place: {} roles, {} grants", ROLE_NAMES.size(), grants().size());
	}

	private void ensureGroup(String id, String name) {
		if (identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = identityService.newGroup(id);
		group.setName(name);
		group.setType(Roles.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
		identityService.saveGroup(group);
	}

	/** The grant holds exactly these permissions: a wider grant of an earlier version is narrowed. */
	private void ensureGrant(Grant grant) {
		Authorization existing = authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(grant.group())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.singleResult();
		Authorization authorization = existing != null ? existing
				: authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(grant.group());
		authorization.setResource(grant.resource());
		authorization.setResourceId(grant.resourceId());
		int before = existing == null ? -1 : authorization.getPermissions(grant.permissions()).length;
		boolean exact = existing != null && before == grant.permissions().length
				&& sameSet(authorization, grant);
		if (!exact) {
			authorization.setPermissions(grant.permissions());
			authorizationService.saveAuthorization(authorization);
		}
	}

	private static boolean sameSet(Authorization authorization, Grant grant) {
		if (grant.permissions().length == 1 && grant.permissions()[0] == Permissions.ALL) {
			return authorization.isEveryPermissionGranted();
		}
		int mask = 0;
		for (Permission permission : grant.permissions()) {
			mask |= permission.getValue();
		}
		return ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) authorization)
			.getPermissions() == mask;
	}

	/**
	 * Tasks created before the engine granted TASK_WORK (rather than UPDATE) to a task's
	 * candidates keep their old, wider grant: narrow it, so nobody writes such a task's
	 * variables or reassigns it through Camunda's APIs.
	 */
	private int narrowTaskGrants() {
		int narrowed = 0;
		for (Authorization grant : authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.TASK)
			.hasPermission(Permissions.UPDATE)
			.list()) {
			if (Roles.CAMUNDA_ADMIN.equals(grant.getGroupId())) {
				continue;
			}
			grant.setPermissions(new Permission[] { Permissions.READ, TaskPermissions.TASK_WORK });
			authorizationService.saveAuthorization(grant);
			narrowed++;
		}
		return narrowed;
	}

	/** Camunda's Tasklist shows nothing without a filter; give everyone the two obvious ones. */
	private void ensureTasklistFilters() {
		if (filterService.createFilterQuery().filterName("My tasks").count() == 0) {
			filterService.saveFilter(filterService.newTaskFilter("My tasks")
				.setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"))
				.setProperties(Map.of("priority", -10, "description", "Tasks assigned to me")));
		}
		if (filterService.createFilterQuery().filterName("My roles' queue").count() == 0) {
			filterService.saveFilter(filterService.newTaskFilter("My roles' queue")
				.setQuery(taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.taskUnassigned())
				.setProperties(Map.of("priority", -5, "description", "Unclaimed tasks of my roles")));
		}
	}

	/** One row of the authorization matrix. */
	record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
	}

}
