package dev.lodestar.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.notification.NotificationService;
import dev.lodestar.notification.NotificationSettings;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.ProcessApi;
import dev.lodestar.worklist.TaskClaims;

/**
 * lead-to-sale's glue: one named method per service task and per listener of the model
 * ({@code ${leadTasks.qualified(task)}}, {@code ${leadTasks.matchCustomer(execution)}}), each
 * reading its variables, making one call to {@link LeadSteps} and writing back. A user task's
 * result is applied when the task completes, so the stage rules hold however it is completed
 * (Lodestar's API or Camunda Tasklist): a broken rule aborts the completion and its message
 * reaches the user.
 */
@Component("leadTasks")
public class LeadTasks {

	private final LeadSteps leads;
	private final NotificationService notifications;
	private final NotificationSettings settings;
	private final ApplicationEventPublisher events;

	LeadTasks(LeadSteps leads, NotificationService notifications, NotificationSettings settings,
			ApplicationEventPublisher events) {
		this.leads = leads;
		this.notifications = notifications;
		this.settings = settings;
		this.events = events;
	}

	/** Task_MatchCustomer: links the lead to its customer (or creates one) and flags a likely duplicate. */
	@ProcessApi
	public void matchCustomer(DelegateExecution execution) {
		long leadId = leadId(execution);
		boolean likelyDuplicate = leads.matchCustomer(leadId);
		execution.setVariable(LeadProcess.CUSTOMER_ID, leads.customerOf(leadId));
		execution.setVariable(LeadProcess.DUPLICATE_OF_ID, leads.duplicateOf(leadId));
		execution.setVariable(LeadProcess.LIKELY_DUPLICATE, likelyDuplicate);
	}

	/**
	 * Flow_ToLeadQueued (take): the routing decision's priority and queue reach the lead, once the
	 * decision's outputs are mapped (an end listener on the task runs before that).
	 */
	@ProcessApi
	public void routed(DelegateExecution execution) {
		leads.routed(leadId(execution), FormValues.text(execution.getVariable(LeadProcess.PRIORITY)),
				FormValues.text(execution.getVariable(LeadProcess.QUEUE)));
	}

	/** Task_ReviewDuplicate (complete): merge or keep both, as the rep decided. */
	@ProcessApi
	public void duplicateReviewed(DelegateTask task) {
		long leadId = leadId(task);
		leads.resolveDuplicate(leadId, FormValues.text(task.getVariable(LeadProcess.DUPLICATE_DECISION)), actor(task));
		task.getExecution().setVariable(LeadProcess.CUSTOMER_ID, leads.customerOf(leadId));
	}

	/**
	 * Task_QualifyLead (assignment): the rep who claims a lead nobody owns owns it. A manager's
	 * reassignment moves the owner only when the manager asks (see {@link LeadOwnership}).
	 */
	@ProcessApi
	public void claimed(DelegateTask task) {
		if (TaskClaims.claiming()) {
			leads.claimed(leadId(task), task.getAssignee());
		}
	}

	/** Task_QualifyLead (complete): qualified or not, with the BANT answers; a qualified lead is the rep's. */
	@ProcessApi
	public void qualified(DelegateTask task) {
		String user = actor(task);
		boolean qualified = FormValues.bool(task.getVariable(LeadProcess.QUALIFIED));
		leads.qualify(leadId(task), qualified, task.getVariables(), user);
		task.getExecution().setVariable(LeadProcess.QUALIFIED, qualified);
		if (qualified) {
			// the owner works the proposal: who already owned the lead, else the rep who qualified it
			task.getExecution().setVariable(LeadProcess.OWNER, leads.load(leadId(task)).getOwner());
		}
	}

	/** Task_OpenOpportunity: the qualified lead continues as an opportunity. */
	@ProcessApi
	public void openOpportunity(DelegateExecution execution) {
		execution.setVariable("opportunityId", leads.openOpportunity(leadId(execution)).getId());
	}

	/** Task_PrepareProposal (complete): the proposal's figures, as understood, and its follow-up dates. */
	@ProcessApi
	public void proposed(DelegateTask task) {
		long leadId = leadId(task);
		Map<String, Object> v = task.getVariables();
		Instant followUp = leads.propose(leadId, v.get(LeadProcess.AMOUNT), v.get(LeadProcess.DISCOUNT_PERCENT),
				v.get(LeadProcess.DECISION_MAKER), v.get(LeadProcess.PROPOSAL_SUMMARY), v.get(LeadProcess.NEXT_FOLLOW_UP));
		var opportunity = leads.opportunity(leadId);
		Instant now = EngineClock.INSTANCE.instant();
		Instant warning = followUp.minus(Duration.ofDays(1));
		task.getExecution().setVariable(LeadProcess.NEXT_FOLLOW_UP, Date.from(followUp));
		task.getExecution().setVariable(LeadProcess.NEXT_FOLLOW_UP_WARNING, Date.from(warning.isBefore(now) ? now : warning));
		task.getExecution().setVariable(LeadProcess.AMOUNT, opportunity.getAmount().doubleValue());
		task.getExecution().setVariable(LeadProcess.DISCOUNT_PERCENT, opportunity.getDiscountPercent().doubleValue());
	}

	/** Task_ApproveDiscount (create): the opportunity waits for the manager. */
	@ProcessApi
	public void discountRequested(DelegateTask task) {
		leads.awaitDiscountApproval(leadId(task));
	}

	/** Task_ApproveDiscount (complete): the manager's decision and its reason. */
	@ProcessApi
	public void discountDecided(DelegateTask task) {
		boolean approved = FormValues.bool(task.getVariable(LeadProcess.DISCOUNT_APPROVED));
		leads.decideDiscount(leadId(task), approved, task.getVariable(LeadProcess.DISCOUNT_COMMENT), actor(task));
		task.getExecution().setVariable(LeadProcess.DISCOUNT_APPROVED, approved);
	}

	/** Task_NegotiateDeal (create): the opportunity is in negotiation. */
	@ProcessApi
	public void negotiationStarted(DelegateTask task) {
		leads.startNegotiation(leadId(task));
	}

	/** Task_NegotiateDeal (complete): won with its final amount, or lost with its reason. */
	@ProcessApi
	public void dealClosed(DelegateTask task) {
		boolean won = FormValues.bool(task.getVariable(LeadProcess.WON));
		leads.closeDeal(leadId(task), won, task.getVariable(LeadProcess.FINAL_AMOUNT),
				task.getVariable(LeadProcess.LOST_REASON));
		task.getExecution().setVariable(LeadProcess.WON, won);
	}

	/** Task_HandOverCustomer: the won customer goes to service. */
	@ProcessApi
	public void handOver(DelegateExecution execution) {
		events.publishEvent(leads.handOver(leadId(execution)));
	}

	/** Task_WelcomeCall (complete): the call's notes stay with the customer. */
	@ProcessApi
	public void welcomeCallDone(DelegateTask task) {
		leads.welcomeCallDone(leadId(task), task.getVariable(LeadProcess.WELCOME_NOTES), actor(task));
	}

	/** Task_ReturnLeadToQueue: nobody touched the lead in time; back to the queue, managers told. */
	@ProcessApi
	public void returnToQueue(DelegateExecution execution) {
		Lead lead = leads.returnToQueue(leadId(execution));
		// back in the queue without an owner: the next qualification task is nobody's
		execution.setVariable(LeadProcess.OWNER, null);
		notifications.notifyRole(Roles.SALES_MANAGER, "lead-returned-to-queue",
				Map.of("leadId", lead.getId(), "company", lead.getCompany(), "queue", String.valueOf(lead.getQueue()),
						"timesReturned", lead.getTimesReturned(), "link", settings.baseUrl() + "/leads/" + lead.getId()),
				"lead:" + lead.getId() + ":returned:" + lead.getTimesReturned());
	}

	/**
	 * Task_RemindProposalOwner and Task_RemindFollowUp: the owner (or, without one, the sales
	 * reps) is reminded of the waiting step, with a link to the lead's page where it can be done.
	 */
	@ProcessApi
	public void remind(DelegateExecution execution) {
		long leadId = leadId(execution);
		Lead lead = leads.load(leadId);
		String owner = FormValues.text(execution.getVariable(LeadProcess.OWNER));
		String step = LeadProcess.REMIND_PROPOSAL.equals(execution.getCurrentActivityId()) ? "the proposal"
				: "the follow-up with the customer";
		var model = Map.<String, Object>of("leadId", leadId, "company", lead.getCompany(), "step", step, "link",
				settings.baseUrl() + "/leads/" + leadId);
		String dedupe = "lead:" + leadId + ":" + execution.getActivityInstanceId();
		if (owner != null) {
			notifications.notifyUser(owner, "lead-follow-up-due", model, dedupe);
		}
		else {
			notifications.notifyRole(Roles.SALES_REP, "lead-follow-up-due", model, dedupe);
		}
	}

	private static long leadId(DelegateExecution execution) {
		return FormValues.id(execution.getVariable(LeadProcess.LEAD_ID));
	}

	private static long leadId(DelegateTask task) {
		return FormValues.id(task.getVariable(LeadProcess.LEAD_ID));
	}

	private static String actor(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		var authentication = Context.getCommandContext() == null ? null
				: Context.getCommandContext().getAuthentication();
		return authentication != null ? authentication.getUserId() : "system";
	}

}
