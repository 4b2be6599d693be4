package dev.lodestar.lead;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerMergeUndone;
import dev.lodestar.customer.CustomerRecords;
import dev.lodestar.customer.CustomersKeptDistinct;
import dev.lodestar.customer.CustomersMerged;
import dev.lodestar.system.EngineClock;

/**
 * Sales records when customers are merged, kept apart or un-merged, in the customer module's
 * transaction: leads and opportunities follow a merge (and go back when it is undone), and a lead
 * whose duplicate review asks about the two customers gets its answer, as if the rep had decided
 * on the review task: the task is completed with that decision, so the case leaves "Possible
 * duplicate" by the model's own path.
 */
@Component
class LeadCustomerRecords implements CustomerRecords {

	static final String LEADS = "leads";
	static final String OPPORTUNITIES = "opportunities";

	private final Leads leads;
	private final Opportunities opportunities;
	private final TaskService taskService;
	private final dev.lodestar.worklist.WorklistService worklist;
	private final Clock clock;

	LeadCustomerRecords(Leads leads, Opportunities opportunities, TaskService taskService,
			dev.lodestar.worklist.WorklistService worklist, Optional<Clock> clock) {
		this.leads = leads;
		this.opportunities = opportunities;
		this.taskService = taskService;
		this.worklist = worklist;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, List<Long>> recordsOf(long customerId) {
		return Map.of(LEADS, leads.idsOfCustomer(customerId), OPPORTUNITIES, opportunities.idsOfCustomer(customerId));
	}

	/** Leads and opportunities follow a merged customer to the survivor; a review of the two is answered "merge". */
	@EventListener
	@Transactional
	void on(CustomersMerged merged) {
		var waiting = leads.waitingForReviewOf(merged.duplicateId(), merged.survivorId());
		for (Lead lead : leads.findByCustomerIdOrderByCreatedAtDesc(merged.duplicateId())) {
			lead.customerMerged(merged.survivorId());
		}
		for (Opportunity opportunity : opportunities.findByCustomerIdOrderByCreatedAtDesc(merged.duplicateId())) {
			opportunity.customerMerged(merged.survivorId());
		}
		for (Lead lead : waiting) {
			lead.duplicateResolved(merged.survivorId(), clock.instant());
			completeReview(lead.getId(), LeadProcess.DECISION_MERGE);
		}
	}

	/** A review of the two customers is answered "keep both". */
	@EventListener
	@Transactional
	void on(CustomersKeptDistinct distinct) {
		for (Lead lead : leads.waitingForReviewOf(distinct.customerId(), distinct.otherId())) {
			lead.duplicateResolved(lead.getCustomerId(), clock.instant());
			completeReview(lead.getId(), LeadProcess.DECISION_DISTINCT);
		}
	}

	/** The leads and opportunities that the merge moved go back (those still on the survivor). */
	@EventListener
	@Transactional
	void on(CustomerMergeUndone undone) {
		leads.findAllById(undone.records().getOrDefault(LEADS, List.of()))
			.stream()
			.filter(lead -> lead.getCustomerId() != null && lead.getCustomerId() == undone.survivorId())
			.forEach(lead -> lead.customerMovedBack(undone.duplicateId()));
		opportunities.findAllById(undone.records().getOrDefault(OPPORTUNITIES, List.of()))
			.stream()
			.filter(o -> o.getCustomerId() != null && o.getCustomerId() == undone.survivorId())
			.forEach(o -> o.customerMovedBack(undone.duplicateId()));
	}

	/**
	 * Completes the lead's open review task with the decision; the task's listener finds the lead
	 * settled already and only lets the case go on. The decision was taken, and authorised, on the
	 * customer page (who took it is on the customer's timeline), so the completion runs as the
	 * application: not assigned to that person, who need not be in the task's role.
	 */
	private void completeReview(long leadId, String decision) {
		Task task = taskService.createTaskQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.REVIEW_DUPLICATE)
			.singleResult();
		if (task == null) {
			return;
		}
		worklist.completeAsTheApplication(task.getId(), Map.of(LeadProcess.DUPLICATE_DECISION, decision));
	}

}
