package dev.lodestar.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import dev.lodestar.system.EngineClock;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.ProcessApi;

/**
 * Applies each user task's result to the lead or opportunity when the task completes, so the
 * stage rules hold however the task is completed (this module's API or Camunda Tasklist): a
 * broken rule aborts the completion and its message reaches the user.
 */
@ProcessApi
@Component("leadProcessListener")
class LeadProcessListener implements TaskListener, ExecutionListener {

	private final LeadSteps leads;

	LeadProcessListener(LeadSteps leads) {
		this.leads = leads;
	}

	@Override
	public void notify(DelegateTask task) {
		String event = task.getEventName();
		String key = task.getTaskDefinitionKey();
		boolean relevant = EVENTNAME_COMPLETE.equals(event)
				|| (EVENTNAME_ASSIGNMENT.equals(event) && LeadProcess.QUALIFY_LEAD.equals(key))
				|| (EVENTNAME_CREATE.equals(event)
						&& (LeadProcess.APPROVE_DISCOUNT.equals(key) || LeadProcess.NEGOTIATE_DEAL.equals(key)));
		if (!relevant) {
			return;
		}
		long leadId = FormValues.id(task.getVariable(LeadProcess.LEAD_ID));
		String user = actor(task);
		switch (key) {
			case LeadProcess.REVIEW_DUPLICATE -> {
				if (EVENTNAME_COMPLETE.equals(event)) {
					leads.resolveDuplicate(leadId, FormValues.text(task.getVariable(LeadProcess.DUPLICATE_DECISION)), user);
					task.getExecution().setVariable(LeadProcess.CUSTOMER_ID, leads.customerOf(leadId));
				}
			}
			case LeadProcess.QUALIFY_LEAD -> {
				if (EVENTNAME_ASSIGNMENT.equals(event)) {
					leads.claimed(leadId, task.getAssignee());
				}
				else if (EVENTNAME_COMPLETE.equals(event)) {
					boolean qualified = FormValues.bool(task.getVariable(LeadProcess.QUALIFIED));
					leads.qualify(leadId, qualified, task.getVariables(), user);
					task.getExecution().setVariable(LeadProcess.QUALIFIED, qualified);
					if (qualified) {
						task.getExecution().setVariable(LeadProcess.OWNER, user);
					}
				}
			}
			case LeadProcess.PREPARE_PROPOSAL -> {
				if (EVENTNAME_COMPLETE.equals(event)) {
					Map<String, Object> v = task.getVariables();
					Instant followUp = leads.propose(leadId, v.get(LeadProcess.AMOUNT), v.get(LeadProcess.DISCOUNT_PERCENT),
							v.get(LeadProcess.DECISION_MAKER), v.get(LeadProcess.PROPOSAL_SUMMARY),
							v.get(LeadProcess.NEXT_FOLLOW_UP));
					var opportunity = leads.opportunity(leadId);
					Instant warning = followUp.minus(Duration.ofDays(1));
					task.getExecution().setVariable(LeadProcess.NEXT_FOLLOW_UP, Date.from(followUp));
					task.getExecution().setVariable(LeadProcess.NEXT_FOLLOW_UP_WARNING,
							Date.from(warning.isBefore(EngineClock.INSTANCE.instant()) ? EngineClock.INSTANCE.instant() : warning));
					task.getExecution().setVariable(LeadProcess.AMOUNT, opportunity.getAmount().doubleValue());
					task.getExecution().setVariable(LeadProcess.DISCOUNT_PERCENT,
							opportunity.getDiscountPercent().doubleValue());
				}
			}
			case LeadProcess.APPROVE_DISCOUNT -> {
				if (EVENTNAME_CREATE.equals(event)) {
					leads.awaitDiscountApproval(leadId);
				}
				else if (EVENTNAME_COMPLETE.equals(event)) {
					boolean approved = FormValues.bool(task.getVariable(LeadProcess.DISCOUNT_APPROVED));
					leads.decideDiscount(leadId, approved, task.getVariable(LeadProcess.DISCOUNT_COMMENT), user);
					task.getExecution().setVariable(LeadProcess.DISCOUNT_APPROVED, approved);
				}
			}
			case LeadProcess.NEGOTIATE_DEAL -> {
				if (EVENTNAME_CREATE.equals(event)) {
					leads.startNegotiation(leadId);
				}
				else if (EVENTNAME_COMPLETE.equals(event)) {
					boolean won = FormValues.bool(task.getVariable(LeadProcess.WON));
					leads.closeDeal(leadId, won, task.getVariable(LeadProcess.FINAL_AMOUNT),
							task.getVariable(LeadProcess.LOST_REASON));
					task.getExecution().setVariable(LeadProcess.WON, won);
				}
			}
			case LeadProcess.WELCOME_CALL -> {
				if (EVENTNAME_COMPLETE.equals(event)) {
					leads.welcomeCallDone(leadId, task.getVariable(LeadProcess.WELCOME_NOTES), user);
				}
			}
			default -> {
				// no rule attached to other tasks
			}
		}
	}

	@Override
	public void notify(DelegateExecution execution) {
		// taken once the routing decision's outputs are mapped (an end listener on the task runs before that)
		if (LeadProcess.FLOW_ROUTED.equals(execution.getCurrentTransitionId())) {
			leads.routed(FormValues.id(execution.getVariable(LeadProcess.LEAD_ID)),
					FormValues.text(execution.getVariable(LeadProcess.PRIORITY)),
					FormValues.text(execution.getVariable(LeadProcess.QUEUE)));
		}
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
