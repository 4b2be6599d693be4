package dev.lodestar.rollout;

/** Ids and variable names of {@code processes/stakeholder-assessment.bpmn}. */
public final class StakeholderAssessmentProcess {

	public static final String KEY = "stakeholder-assessment";

	public static final String TASK_REVIEW_REGISTER = "Task_ReviewStakeholderRegister";
	public static final String SUBPROCESS_ASSESS = "SubProcess_AssessStakeholder";
	public static final String TASK_ASSESS_ADKAR = "Task_AssessAdkar";
	public static final String TASK_RECORD_ASSESSMENT = "Task_RecordAssessment";
	public static final String TASK_COMMUNICATION_PLAN = "Task_DecideCommunicationPlan";
	public static final String GATEWAY_BARRIERS = "Gateway_BarrierPointsFound";
	public static final String TASK_MITIGATE = "Task_MitigateBarrierPoint";
	public static final String END_COMPLETED = "End_AssessmentCompleted";

	public static final String DECISION_COMMUNICATION_PLAN = "communication-plan";

	public static final String VAR_ROLLOUT_ID = "rolloutId";
	public static final String VAR_STAKEHOLDER_ID = "stakeholderId";
	public static final String VAR_BARRIER_POINT_ID = "barrierPointId";
	public static final String VAR_MITIGATION = "mitigation";
	public static final String VAR_ASSESSMENT_NOTES = "assessmentNotes";

	private StakeholderAssessmentProcess() {
	}

}
