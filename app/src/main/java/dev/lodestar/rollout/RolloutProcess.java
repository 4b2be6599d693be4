package dev.lodestar.rollout;

/** Ids and variable names of {@code processes/crm-rollout.bpmn}. */
public final class RolloutProcess {

	public static final String KEY = "crm-rollout";

	public static final String TASK_SPONSOR = "Task_SponsorRollout";
	public static final String CALL_STAKEHOLDERS = "CallActivity_AssessStakeholders";
	public static final String CALL_TRAIN_EXECUTIVES = "CallActivity_TrainExecutives";
	public static final String TASK_FORM_TEAM = "Task_FormProjectTeam";
	public static final String CALL_TRAIN_PROJECT_TEAM = "CallActivity_TrainProjectTeam";
	public static final String TASK_DESIGN = "Task_DesignProcesses";
	public static final String TASK_CONFIGURE = "Task_ConfigureSystem";
	public static final String TASK_UAT = "Task_SignOffUat";
	public static final String CALL_TRAIN_END_USERS = "CallActivity_TrainEndUsers";
	public static final String TASK_GATE_FIGURES = "Task_GatherGateFigures";
	public static final String TASK_GATE = "Task_EvaluateGoLiveGate";
	public static final String GATEWAY_GATE = "Gateway_GoLiveGate";
	public static final String TASK_REMEDIATE = "Task_Remediate";
	public static final String TASK_TRIAL = "Task_RunTrial";
	public static final String CALL_TRAIN_ALL_STAFF = "CallActivity_TrainAllStaff";
	public static final String TASK_GO_LIVE = "Task_DecideGoLive";
	public static final String TASK_REVIEW = "Task_ReviewPostImplementation";
	public static final String EVENT_KPI_REVIEW = "Event_KpiReviewRequested";
	public static final String END_COMPLETED = "End_RolloutCompleted";

	public static final String DECISION_GATE = "go-live-gate";

	public static final String VAR_ROLLOUT_ID = "rolloutId";
	public static final String VAR_SPONSOR = "sponsor";
	public static final String VAR_EXECUTIVES_WAVE = "executivesWaveId";
	public static final String VAR_PROJECT_TEAM_WAVE = "projectTeamWaveId";
	public static final String VAR_END_USERS_WAVE = "endUsersWaveId";
	public static final String VAR_ALL_STAFF_WAVE = "allStaffWaveId";
	public static final String VAR_INTERNAL_PM = "internalProjectManager";
	public static final String VAR_PARTNER_PM = "partnerProjectManager";
	public static final String VAR_UAT_PASSED = "uatPassed";
	public static final String VAR_GATE_REASONS = "gateReasons";
	public static final String VAR_GO_LIVE = "goLive";
	public static final String VAR_ACTUAL_COST = "actualCost";

	private RolloutProcess() {
	}

}
