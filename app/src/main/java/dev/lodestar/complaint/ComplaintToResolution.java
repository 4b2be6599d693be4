package dev.lodestar.complaint;

/** The ids and variable names of {@code processes/complaint-to-resolution.bpmn} and its decision. */
public final class ComplaintToResolution {

	public static final String PROCESS_KEY = "complaint-to-resolution";
	public static final String DECISION_KEY = "complaint-classification";
	public static final String MSG_CUSTOMER_REPLIED = "ComplaintCustomerReplied";
	/** An agent asks the customer: the investigation waits, the resolution clock stops. */
	public static final String MSG_WAIT_FOR_CUSTOMER = "ComplaintWaitForCustomer";
	/** The customer answered (their mail, or an agent by hand): the clock runs again. */
	public static final String MSG_CUSTOMER_ANSWERED = "ComplaintCustomerAnswered";

	// elements
	public static final String START = "Start_ComplaintReceived";
	public static final String TASK_CLASSIFY = "Task_ClassifyComplaint";
	public static final String TASK_APPLY_SERVICE_LEVELS = "Task_ApplyServiceLevels";
	public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeCustomer";
	public static final String TASK_RESPOND = "Task_RespondToCustomer";
	public static final String TIMER_RESPONSE_WARNING = "Timer_ResponseWarning";
	public static final String TIMER_RESPONSE_BREACHED = "Timer_ResponseBreached";
	public static final String TASK_WARN_RESPONSE = "Task_WarnResponseDue";
	public static final String TASK_ESCALATE_RESPONSE = "Task_EscalateResponseBreach";
	public static final String SUBPROCESS_RESOLUTION = "SubProcess_Resolution";
	public static final String TASK_INVESTIGATE = "Task_Investigate";
	public static final String EVENT_WAIT_FOR_CUSTOMER = "Msg_WaitForCustomer";
	public static final String TASK_AWAIT_CUSTOMER_ANSWER = "Task_AwaitCustomerAnswer";
	public static final String TIMER_CUSTOMER_SILENT = "Timer_CustomerSilent";
	public static final String GATEWAY_APPROVAL_NEEDED = "Gateway_ApprovalNeeded";
	public static final String TASK_APPROVE_COMPENSATION = "Task_ApproveCompensation";
	public static final String GATEWAY_COMPENSATION_APPROVED = "Gateway_CompensationApproved";
	public static final String TIMER_RESOLUTION_WARNING = "Timer_ResolutionWarning";
	public static final String TIMER_RESOLUTION_BREACHED = "Timer_ResolutionBreached";
	public static final String TASK_WARN_RESOLUTION = "Task_WarnResolutionDue";
	public static final String TASK_ESCALATE_RESOLUTION = "Task_EscalateResolutionBreach";
	public static final String TASK_REVIEW_ESCALATION = "Task_ReviewEscalation";
	public static final String TASK_RESOLVE = "Task_ResolveComplaint";
	public static final String GATEWAY_AWAIT_CUSTOMER = "Gateway_AwaitCustomer";
	public static final String MSG_EVENT_CUSTOMER_REPLIED = "Msg_CustomerReplied";
	public static final String TIMER_NO_REPLY = "Timer_NoReply";
	public static final String GATEWAY_CUSTOMER_CONFIRMED = "Gateway_CustomerConfirmed";
	public static final String TASK_REOPEN = "Task_ReopenComplaint";
	public static final String TASK_RECORD_NO_REPLY = "Task_RecordNoReply";
	public static final String TASK_CAPTURE_ARTICLE = "Task_CaptureArticle";
	public static final String TASK_DRAFT_ARTICLE = "Task_DraftArticle";
	public static final String TASK_CLOSE = "Task_CloseComplaint";
	public static final String END_CLOSED = "End_ComplaintClosed";

	// variables
	public static final String VAR_COMPLAINT_ID = "complaintId";
	public static final String VAR_CATEGORY = "category";
	public static final String VAR_CUSTOMER_TIER = "customerTier";
	public static final String VAR_CHANNEL = "channel";
	public static final String VAR_RECEIVED_AT = "receivedAt";
	public static final String VAR_CLASSIFICATION = "classification";
	public static final String VAR_SEVERITY = "severity";
	public static final String VAR_QUEUE = "queue";
	public static final String VAR_HANDLING_ROLE = "handlingRole";
	public static final String VAR_RESPONSE_TARGET_HOURS = "responseTargetHours";
	public static final String VAR_SLA_PAUSED_BY = "slaPausedBy";
	public static final String VAR_SLA_PAUSE_NOTE = "slaPauseNote";
	public static final String VAR_SLA_RESUMED_BY = "slaResumedBy";
	public static final String VAR_SLA_RESUMED_HOW = "slaResumedHow";
	public static final String VAR_SLA_RESUME_NOTE = "slaResumeNote";
	public static final String VAR_RESOLUTION_TARGET_HOURS = "resolutionTargetHours";
	public static final String VAR_RESOLUTION_CLOCK_START = "resolutionClockStart";
	public static final String VAR_CONFIRMATION_WINDOW = "confirmationWindow";
	public static final String VAR_RESOLUTION = "resolution";
	public static final String VAR_COMPENSATION = "compensation";
	public static final String VAR_COMPENSATION_APPROVED = "compensationApproved";
	public static final String VAR_APPROVAL_NOTE = "approvalNote";
	public static final String VAR_CUSTOMER_CONFIRMED = "customerConfirmed";
	/** The customer's satisfaction score (1-5), read by the service KPIs. */
	public static final String VAR_SATISFACTION_SCORE = "satisfactionScore";
	/** What the customer said on the phone about the resolution (a rejection's reason). */
	public static final String VAR_CUSTOMER_COMMENT = "customerComment";
	/** Set when the complaint is resolved: true sends the confirmation link by e-mail, false has an agent call. */
	public static final String VAR_CUSTOMER_HAS_EMAIL = "customerHasEmail";
	public static final String GATEWAY_REPLY_CHANNEL = "Gateway_ReplyChannel";
	public static final String TASK_CALL_WITH_RESOLUTION = "Task_CallWithResolution";
	public static final String VAR_ARTICLE_TITLE = "articleTitle";
	public static final String VAR_ARTICLE_BODY = "articleBody";
	/** The first-response note (form {@code complaint-first-response}). */
	public static final String VAR_CONTACT_NOTE = "contactNote";
	/** Who gave the first response: the investigation goes back to them. */
	public static final String VAR_FIRST_RESPONDER = "firstResponder";
	/** The priority of the case's tasks, from the severity. */
	public static final String VAR_TASK_PRIORITY = "taskPriority";
	/** The priority of an SLA-breach review: above the case's own tasks. */
	public static final String VAR_ESCALATION_PRIORITY = "escalationPriority";

	private ComplaintToResolution() {
	}

}
