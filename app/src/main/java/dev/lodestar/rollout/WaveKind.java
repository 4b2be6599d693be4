package dev.lodestar.rollout;

import java.util.List;

import dev.lodestar.access.Roles;

/**
 * The four training waves of the source material, each with its default audience (roles) and
 * its folder in {@code training-material/}: the path know CRM, understand it, accept it, use it.
 */
public enum WaveKind {

	EXECUTIVES("Wave 1: executives (before implementation)", List.of(Roles.EXECUTIVE), 100, "01-executives"),
	PROJECT_TEAM("Wave 2: project team and middle managers (during implementation)",
			List.of(Roles.PROJECT_TEAM, Roles.SALES_MANAGER, Roles.SERVICE_MANAGER), 90, "02-project-team-and-managers"),
	END_USERS("Wave 3: end users, system operation (before go-live)",
			List.of(Roles.SALES_REP, Roles.SERVICE_AGENT), 80, "03-end-users"),
	ALL_STAFF("Wave 4: all staff", List.of(Roles.EMPLOYEE), 90, "04-all-staff");

	private final String title;
	private final List<String> audience;
	private final int completionTarget;
	private final String materialFolder;

	WaveKind(String title, List<String> audience, int completionTarget, String materialFolder) {
		this.title = title;
		this.audience = audience;
		this.completionTarget = completionTarget;
		this.materialFolder = materialFolder;
	}

	String title() {
		return title;
	}

	List<String> audience() {
		return audience;
	}

	int completionTarget() {
		return completionTarget;
	}

	public String materialFolder() {
		return materialFolder;
	}

}
