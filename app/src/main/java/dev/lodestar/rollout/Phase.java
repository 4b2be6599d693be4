package dev.lodestar.rollout;

/**
 * The phases of a rollout in the order the source material plans them, each with its default
 * plan: start offset and duration in weeks from the rollout's start, budget share, quality measure.
 */
enum Phase {

	SPONSORSHIP("Sponsor and strategy", 0, 2, 5_000, "Sponsor named, CRM goals aligned with employee goals, ROI and risks analysed"),
	STAKEHOLDERS("Stakeholder assessment", 2, 4, 10_000, "Every stakeholder assessed (ADKAR), communication plan per quadrant"),
	TRAINING_EXECUTIVES("Training wave 1: executives", 2, 2, 5_000, "100% of executives trained before implementation"),
	PROJECT_TEAM("Project team with two co-project-managers", 4, 1, 2_000, "Internal and partner co-project-managers named"),
	TRAINING_PROJECT_TEAM("Training wave 2: project team and middle managers", 5, 3, 10_000, "90% trained during implementation"),
	DESIGN("Requirements and process design", 5, 6, 40_000, "Processes redesigned with employees taking part"),
	CONFIGURATION("Configuration", 11, 6, 60_000, "Configured processes match the design"),
	TESTING("Testing (UAT)", 17, 3, 15_000, "UAT signed off, no open critical issue"),
	TRAINING_END_USERS("Training wave 3: end users (system operation)", 19, 3, 20_000, "80% of end users trained before go-live"),
	GO_LIVE_GATE("Go-live gate", 22, 1, 0, "Gate says go"),
	TRIAL_RUN("Trial run", 23, 6, 10_000, "No open critical issue at the end of the trial"),
	TRAINING_ALL_STAFF("Training wave 4: all staff", 23, 6, 15_000, "90% of all staff trained"),
	GO_LIVE_DECISION("Go-live decision", 29, 1, 0, "Sponsor decides with the trial's issue log"),
	REVIEW("Post-implementation review", 30, 4, 5_000, "ROI evaluated, lessons learned recorded"),
	KPI_REVIEW("First KPI review", 34, 1, 0, "KPIs reviewed against their targets");

	/**
	 * The phases that run beside the delivery line (change management and the all-staff wave):
	 * the stakeholder assessment stays open while barrier points wait for mitigation, and the
	 * all-staff wave runs beside the trial. The current phase is the delivery line's, never these.
	 */
	private static final java.util.Set<String> ALONGSIDE = java.util.Set.of("STAKEHOLDERS", "TRAINING_ALL_STAFF");

	private final String title;
	private final int startWeek;
	private final int weeks;
	private final int plannedCost;
	private final String qualityTarget;

	Phase(String title, int startWeek, int weeks, int plannedCost, String qualityTarget) {
		this.title = title;
		this.startWeek = startWeek;
		this.weeks = weeks;
		this.plannedCost = plannedCost;
		this.qualityTarget = qualityTarget;
	}

	boolean alongside() {
		return ALONGSIDE.contains(name());
	}

	String title() {
		return title;
	}

	int startWeek() {
		return startWeek;
	}

	int weeks() {
		return weeks;
	}

	int plannedCost() {
		return plannedCost;
	}

	String qualityTarget() {
		return qualityTarget;
	}

}
