package dev.lodestar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

/**
 * The authorization matrix, role by role: what each demo user may and may not do in the engine.
 * Written out by hand rather than derived from {@link RoleSetup#grants()}, so a wrong grant fails here.
 */
@LodestarIntegrationTest
class AuthorizationMatrixIntegrationTest {

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@ParameterizedTest(name = "{0} {1} {2}:{3} -> {4}")
	@CsvSource({
			// sales-rep: works leads, nothing else
			"alice, deploy, DEPLOYMENT, *, false",
			"alice, start, PROCESS_DEFINITION, lead-to-sale, false",
			"alice, assignTask, PROCESS_DEFINITION, lead-to-sale, false",
			"alice, updateTask, PROCESS_DEFINITION, lead-to-sale, false",
			"alice, start, PROCESS_DEFINITION, complaint-to-resolution, false",
			"alice, read, PROCESS_DEFINITION, crm-rollout, false",
			"alice, cockpit, APPLICATION, cockpit, false",
			"alice, tasklist, APPLICATION, tasklist, true",
			"alice, admin, APPLICATION, admin, false",
			"alice, readHistory, PROCESS_DEFINITION, lead-to-sale, false",
			// sales-manager: leads with their history and every lead task
			"bob, readTask, PROCESS_DEFINITION, lead-to-sale, true",
			"bob, updateTask, PROCESS_DEFINITION, lead-to-sale, false",
			"bob, assignTask, PROCESS_DEFINITION, lead-to-sale, true",
			"bob, assignTask, PROCESS_DEFINITION, complaint-to-resolution, false",
			"bob, readHistory, PROCESS_DEFINITION, lead-to-sale, true",
			"bob, readTask, PROCESS_DEFINITION, complaint-to-resolution, false",
			"bob, deploy, DEPLOYMENT, *, false",
			// service-agent: complaints only
			"carol, start, PROCESS_DEFINITION, complaint-to-resolution, false",
			"carol, read, PROCESS_DEFINITION, complaint-to-resolution, true",
			"carol, start, PROCESS_DEFINITION, lead-to-sale, false",
			"carol, read, PROCESS_DEFINITION, lead-to-sale, false",
			"carol, readTask, PROCESS_DEFINITION, complaint-to-resolution, false",
			// service-manager: complaints with every complaint task
			"dave, readTask, PROCESS_DEFINITION, complaint-to-resolution, true",
			"dave, updateTask, PROCESS_DEFINITION, complaint-to-resolution, false",
			"dave, assignTask, PROCESS_DEFINITION, complaint-to-resolution, true",
			"dave, readTask, PROCESS_DEFINITION, lead-to-sale, false",
			// executive: reads everything, starts KPI reviews, changes nothing
			"erin, read, PROCESS_DEFINITION, lead-to-sale, true",
			"erin, readHistory, PROCESS_DEFINITION, complaint-to-resolution, true",
			"erin, start, PROCESS_DEFINITION, kpi-review, true",
			"erin, start, PROCESS_DEFINITION, lead-to-sale, false",
			"erin, deploy, DEPLOYMENT, *, false",
			"erin, cockpit, APPLICATION, cockpit, true",
			"erin, admin, APPLICATION, admin, false",
			// project-team + process-owner: every model, deployments, migrations
			"frank, deploy, DEPLOYMENT, *, true",
			"frank, start, PROCESS_DEFINITION, crm-rollout, true",
			"frank, updateInstance, PROCESS_INSTANCE, *, false",
			"frank, updateTask, PROCESS_DEFINITION, lead-to-sale, false",
			"frank, migrate, PROCESS_DEFINITION, lead-to-sale, true",
			"frank, deleteDeployment, DEPLOYMENT, *, true",
			"frank, admin, APPLICATION, admin, false",
			"frank, cockpit, APPLICATION, cockpit, true",
			// trainer: training waves only
			"grace, read, PROCESS_DEFINITION, training-wave, true",
			"grace, read, PROCESS_DEFINITION, lead-to-sale, false",
			"grace, start, PROCESS_DEFINITION, crm-rollout, false",
			"grace, deploy, DEPLOYMENT, *, false",
			// camunda-admin: everything
			"admin, admin, APPLICATION, admin, true",
			"admin, deploy, DEPLOYMENT, *, true",
			"admin, readTask, PROCESS_DEFINITION, complaint-to-resolution, true" })
	void eachRoleMayDoWhatItNeedsAndNothingElse(String user, String action, String resource, String resourceId,
			boolean allowed) {
		List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
		assertThat(authorizationService.isUserAuthorized(user, groups, permission(action), Resources.valueOf(resource),
				resourceId))
			.isEqualTo(allowed);
	}

	private static Permission permission(String action) {
		return switch (action) {
			case "deploy" -> Permissions.CREATE;
			case "start" -> ProcessDefinitionPermissions.CREATE_INSTANCE;
			case "read" -> ProcessDefinitionPermissions.READ;
			case "readTask" -> ProcessDefinitionPermissions.READ_TASK;
			case "updateTask" -> ProcessDefinitionPermissions.UPDATE_TASK;
			case "readHistory" -> ProcessDefinitionPermissions.READ_HISTORY;
			case "updateInstance" -> Permissions.UPDATE;
			case "assignTask" -> ProcessDefinitionPermissions.TASK_ASSIGN;
			case "migrate" -> ProcessDefinitionPermissions.MIGRATE_INSTANCE;
			case "deleteDeployment" -> Permissions.DELETE;
			case "cockpit", "tasklist", "admin" -> Permissions.ACCESS;
			default -> throw new IllegalArgumentException(action);
		};
	}

}
