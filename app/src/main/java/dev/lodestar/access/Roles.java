package dev.lodestar.access;

import java.util.List;

/**
 * The role ids of ARCHITECTURE.md ("Fixed names"). Each is a Camunda group; candidate groups in the BPMN use
 * these ids, and Spring Security sees each as the authority {@code ROLE_<id>}.
 */
public final class Roles {

	public static final String SALES_REP = "sales-rep";
	public static final String SALES_MANAGER = "sales-manager";
	public static final String SERVICE_AGENT = "service-agent";
	public static final String SERVICE_MANAGER = "service-manager";
	public static final String EXECUTIVE = "executive";
	public static final String PROJECT_TEAM = "project-team";
	public static final String PROCESS_OWNER = "process-owner";
	public static final String TRAINER = "trainer";
	public static final String EMPLOYEE = "employee";
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Every role, in the order of ARCHITECTURE.md. */
	public static final List<String> ALL = List.of(SALES_REP, SALES_MANAGER, SERVICE_AGENT, SERVICE_MANAGER,
			EXECUTIVE, PROJECT_TEAM, PROCESS_OWNER, TRAINER, EMPLOYEE, CAMUNDA_ADMIN);

	private Roles() {
	}

	/** The Spring Security authority of a role. */
	public static String authority(String role) {
		return "ROLE_" + role;
	}

}
