package dev.lodestar.lead;

/** The ids and variable names of {@code processes/lead-to-sale.bpmn} and {@code lead-routing.dmn}. */
public final class LeadProcess {

	public static final String KEY = "lead-to-sale";
	public static final String ROUTING_DECISION = "lead-routing";

	// flow nodes
	public static final String START = "Start_LeadCaptured";
	public static final String MATCH_CUSTOMER = "Task_MatchCustomer";
	public static final String GATEWAY_LIKELY_DUPLICATE = "Gateway_LikelyDuplicate";
	public static final String REVIEW_DUPLICATE = "Task_ReviewDuplicate";
	public static final String GATEWAY_DUPLICATE_CHECKED = "Gateway_DuplicateChecked";
	public static final String ROUTE_LEAD = "Task_RouteLead";
	public static final String FLOW_ROUTED = "Flow_ToLeadQueued";
	public static final String GATEWAY_LEAD_QUEUED = "Gateway_LeadQueued";
	public static final String QUALIFY_LEAD = "Task_QualifyLead";
	public static final String TIMER_LEAD_UNTOUCHED = "Timer_LeadUntouched";
	public static final String RETURN_LEAD_TO_QUEUE = "Task_ReturnLeadToQueue";
	public static final String GATEWAY_LEAD_QUALIFIED = "Gateway_LeadQualified";
	public static final String END_LEAD_DISQUALIFIED = "End_LeadDisqualified";
	public static final String OPEN_OPPORTUNITY = "Task_OpenOpportunity";
	public static final String GATEWAY_PROPOSAL_REVISED = "Gateway_ProposalRevised";
	public static final String PREPARE_PROPOSAL = "Task_PrepareProposal";
	public static final String TIMER_PROPOSAL_REMINDER = "Timer_ProposalReminder";
	public static final String REMIND_PROPOSAL = "Task_RemindProposalOwner";
	public static final String END_PROPOSAL_REMINDER_SENT = "End_ProposalReminderSent";
	public static final String GATEWAY_DISCOUNT_NEEDS_APPROVAL = "Gateway_DiscountNeedsApproval";
	public static final String APPROVE_DISCOUNT = "Task_ApproveDiscount";
	public static final String GATEWAY_DISCOUNT_APPROVED = "Gateway_DiscountApproved";
	public static final String GATEWAY_READY_TO_NEGOTIATE = "Gateway_ReadyToNegotiate";
	public static final String NEGOTIATE_DEAL = "Task_NegotiateDeal";
	public static final String TIMER_FOLLOW_UP_DUE = "Timer_FollowUpDue";
	public static final String REMIND_FOLLOW_UP = "Task_RemindFollowUp";
	public static final String END_FOLLOW_UP_REMINDER_SENT = "End_FollowUpReminderSent";
	public static final String GATEWAY_DEAL_WON = "Gateway_DealWon";
	public static final String HAND_OVER_CUSTOMER = "Task_HandOverCustomer";
	public static final String WELCOME_CALL = "Task_WelcomeCall";
	public static final String END_CUSTOMER_ONBOARDED = "End_CustomerOnboarded";
	public static final String END_DEAL_LOST = "End_DealLost";

	// variables
	public static final String LEAD_ID = "leadId";
	public static final String CUSTOMER_ID = "customerId";
	public static final String LIKELY_DUPLICATE = "likelyDuplicate";
	public static final String DUPLICATE_OF_ID = "duplicateOfId";
	public static final String DUPLICATE_DECISION = "duplicateDecision";
	public static final String SOURCE = "source";
	public static final String REGION = "region";
	public static final String SEGMENT = "segment";
	public static final String DEAL_SIZE = "dealSize";
	public static final String PRIORITY = "priority";
	public static final String QUEUE = "queue";
	public static final String FOLLOW_UP_DAYS = "followUpDays";
	public static final String QUALIFIED = "qualified";
	public static final String BUDGET = "budget";
	public static final String DECISION_MAKER = "decisionMaker";
	public static final String NEED = "need";
	public static final String TIMELINE = "timeline";
	public static final String DISQUALIFY_REASON = "disqualifyReason";
	public static final String OWNER = "owner";
	public static final String AMOUNT = "amount";
	public static final String DISCOUNT_PERCENT = "discountPercent";
	public static final String PROPOSAL_SUMMARY = "proposalSummary";
	public static final String NEXT_FOLLOW_UP = "nextFollowUp";
	public static final String NEXT_FOLLOW_UP_WARNING = "nextFollowUpWarning";
	public static final String DISCOUNT_APPROVED = "discountApproved";
	public static final String DISCOUNT_COMMENT = "discountComment";
	public static final String WON = "won";
	public static final String FINAL_AMOUNT = "finalAmount";
	public static final String LOST_REASON = "lostReason";
	public static final String WELCOME_NOTES = "welcomeNotes";

	/** Values of {@link #DUPLICATE_DECISION}. */
	public static final String DECISION_MERGE = "MERGE";
	public static final String DECISION_DISTINCT = "DISTINCT";

	private LeadProcess() {
	}

}
