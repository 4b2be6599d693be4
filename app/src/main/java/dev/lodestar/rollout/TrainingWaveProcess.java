package dev.lodestar.rollout;

/** Ids and variable names of {@code processes/training-wave.bpmn}. */
public final class TrainingWaveProcess {

	public static final String KEY = "training-wave";

	public static final String TASK_PLAN_SESSIONS = "Task_PlanSessions";
	public static final String TASK_INVITE = "Task_InviteAudience";
	public static final String SUBPROCESS_PARTICIPANT = "SubProcess_Participant";
	public static final String TASK_ATTEND = "Task_AttendAndCheckKnowledge";
	public static final String TIMER_REMINDER = "Timer_Reminder";
	public static final String GATEWAY_RESULT_KNOWN = "Gateway_ResultKnown";
	public static final String TASK_RECORD_RESULT = "Task_RecordAttendanceAndScore";
	public static final String TIMER_DEADLINE = "Timer_WaveDeadline";
	public static final String TASK_DECIDE = "Task_DecideExtendOrAccept";
	public static final String TASK_EXTEND = "Task_ExtendDeadline";
	public static final String TASK_CLOSE = "Task_CloseWave";
	public static final String END_COMPLETED = "End_WaveCompleted";

	public static final String VAR_WAVE_ID = "waveId";
	public static final String VAR_WAVE_NAME = "waveName";
	public static final String VAR_MATERIAL_URL = "trainingMaterialUrl";
	public static final String VAR_PARTICIPANT = "participant";
	public static final String VAR_ATTENDED = "attended";
	public static final String VAR_SCORE = "score";
	public static final String VAR_DECISION = "decision";
	public static final String VAR_NEW_DEADLINE = "newDeadline";
	public static final String VAR_SESSION_TITLE = "sessionTitle";
	public static final String VAR_SESSION_STARTS_AT = "sessionStartsAt";
	public static final String VAR_SESSION_LOCATION = "sessionLocation";

	public static final String DECISION_EXTEND = "extend";
	public static final String DECISION_ACCEPT = "accept";

	private TrainingWaveProcess() {
	}

}
