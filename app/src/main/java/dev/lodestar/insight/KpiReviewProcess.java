package dev.lodestar.insight;

/** Ids and variable names of {@code processes/kpi-review.bpmn}. */
public final class KpiReviewProcess {

	public static final String KEY = "kpi-review";

	public static final String START_TIMER = "Start_ReviewDue";
	public static final String START_ON_DEMAND = "Start_ReviewRequested";
	public static final String TASK_GATHER = "Task_GatherKpiFigures";
	public static final String TASK_REVIEW = "Task_ReviewKpis";
	public static final String GATEWAY_DECISION = "Gateway_ReviewDecision";
	public static final String END_KEPT = "End_StrategyKept";
	public static final String TASK_ADJUST = "Task_AdjustStrategy";
	public static final String END_ADJUSTED = "End_StrategyAdjusted";
	public static final String TASK_FOLLOW_UP = "Task_FollowUpKpi";
	public static final String END_ACTED_ON = "End_ActedOn";

	public static final String MESSAGE_REQUESTED = "KpiReviewRequested";

	public static final String VAR_REVIEW_ID = "kpiReviewId";
	public static final String VAR_PERIOD = "kpiPeriod";
	public static final String VAR_SUMMARY = "kpiSummary";
	public static final String VAR_BELOW_TARGET = "kpisBelowTarget";
	public static final String VAR_DECISION = "reviewDecision";
	public static final String VAR_NOTES = "reviewNotes";
	public static final String VAR_REQUESTED_BY = "requestedBy";
	public static final String VAR_KPI_CODE = "kpiCode";

	public static final String DECISION_KEEP = "keep";
	public static final String DECISION_ADJUST = "adjust";
	public static final String DECISION_ACT = "act";

	private KpiReviewProcess() {
	}

}
