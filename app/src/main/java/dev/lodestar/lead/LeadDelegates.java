package dev.lodestar.lead;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.lodestar.access.Roles;
import dev.lodestar.notification.NotificationService;
import dev.lodestar.notification.NotificationSettings;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.ProcessApi;

/** The service tasks of lead-to-sale: each reads its variables, makes one call and writes back. */
@Configuration(proxyBeanMethods = false)
class LeadDelegates {

	/** Task_MatchCustomer: links the lead to its customer (or creates one) and flags a likely duplicate. */
	@Bean
	@ProcessApi
	JavaDelegate matchCustomerDelegate(LeadSteps leads) {
		return execution -> {
			long leadId = FormValues.id(execution.getVariable(LeadProcess.LEAD_ID));
			boolean likelyDuplicate = leads.matchCustomer(leadId);
			execution.setVariable(LeadProcess.CUSTOMER_ID, leads.customerOf(leadId));
			execution.setVariable(LeadProcess.DUPLICATE_OF_ID, leads.duplicateOf(leadId));
			execution.setVariable(LeadProcess.LIKELY_DUPLICATE, likelyDuplicate);
		};
	}

	/** Task_ReturnLeadToQueue: nobody touched the lead in time; back to the queue, managers told. */
	@Bean
	@ProcessApi
	JavaDelegate returnLeadToQueueDelegate(LeadSteps leads, NotificationService notifications,
			NotificationSettings settings) {
		return execution -> {
			Lead lead = leads.returnToQueue(FormValues.id(execution.getVariable(LeadProcess.LEAD_ID)));
			notifications.notifyRole(Roles.SALES_MANAGER, "lead-returned-to-queue",
					Map.of("leadId", lead.getId(), "company", lead.getCompany(), "queue", String.valueOf(lead.getQueue()),
							"timesReturned", lead.getTimesReturned(), "link", settings.baseUrl() + "/leads/" + lead.getId()),
					"lead:" + lead.getId() + ":returned:" + lead.getTimesReturned());
		};
	}

	/** Task_OpenOpportunity: the qualified lead continues as an opportunity. */
	@Bean
	@ProcessApi
	JavaDelegate openOpportunityDelegate(LeadSteps leads) {
		return execution -> {
			var opportunity = leads.openOpportunity(FormValues.id(execution.getVariable(LeadProcess.LEAD_ID)));
			execution.setVariable("opportunityId", opportunity.getId());
		};
	}

	/** Task_RemindProposalOwner and Task_RemindFollowUp: the owner is reminded of the waiting step. */
	@Bean
	@ProcessApi
	JavaDelegate followUpReminderDelegate(LeadSteps leads, NotificationService notifications,
			NotificationSettings settings) {
		return execution -> remind(execution, leads, notifications, settings.baseUrl() + "/leads/");
	}

	/** Task_HandOverCustomer: the won customer goes to service. */
	@Bean
	@ProcessApi
	JavaDelegate handOverCustomerDelegate(LeadSteps leads, ApplicationEventPublisher events) {
		return execution -> events
			.publishEvent(leads.handOver(FormValues.id(execution.getVariable(LeadProcess.LEAD_ID))));
	}

	/** {@code link} + the lead id is the lead's page, where its waiting step can be done. */
	private static void remind(DelegateExecution execution, LeadSteps leads, NotificationService notifications,
			String link) {
		long leadId = FormValues.id(execution.getVariable(LeadProcess.LEAD_ID));
		Lead lead = leads.load(leadId);
		String owner = FormValues.text(execution.getVariable(LeadProcess.OWNER));
		String step = LeadProcess.REMIND_PROPOSAL.equals(execution.getCurrentActivityId()) ? "the proposal"
				: "the follow-up with the customer";
		var model = Map.<String, Object>of("leadId", leadId, "company", lead.getCompany(), "step", step, "link", link + leadId);
		String dedupe = "lead:" + leadId + ":" + execution.getActivityInstanceId();
		if (owner != null) {
			notifications.notifyUser(owner, "lead-follow-up-due", model, dedupe);
		}
		else {
			notifications.notifyRole(Roles.SALES_REP, "lead-follow-up-due", model, dedupe);
		}
	}

}
