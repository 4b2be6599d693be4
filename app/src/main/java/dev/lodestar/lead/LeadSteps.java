package dev.lodestar.lead;

import java.math.BigDecimal;
import dev.lodestar.system.SystemText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerKind;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;

/**
 * The steps of lead-to-sale: {@link #completeStep} completes a lead's open task as a person
 * (through the worklist, the one door for task work); the other methods are what the process's
 * delegates and listeners do at each step, whose rules the entities enforce.
 */
@Service
@Transactional
public class LeadSteps {

	private final Leads leads;
	private final Opportunities opportunities;
	private final LeadPipeline pipeline;
	private final CustomerService customers;
	private final TaskService taskService;
	private final WorklistService worklist;
	private final LeadSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LeadSteps(Leads leads, Opportunities opportunities, LeadPipeline pipeline, CustomerService customers,
			TaskService taskService, WorklistService worklist, LeadSettings settings, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.leads = leads;
		this.opportunities = opportunities;
		this.pipeline = pipeline;
		this.customers = customers;
		this.taskService = taskService;
		this.worklist = worklist;
		this.settings = settings;
		this.events = events;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/**
	 * Completes the lead's open task of this kind as this user: claims it first if it is in one
	 * of the user's queues. Someone else's task or a step already done is a conflict (409); a
	 * task of a role the user lacks is refused (403); the stage rules answer 400.
	 */
	public LeadView completeStep(long leadId, String taskDefinitionKey, String user, Collection<String> groups,
			Map<String, Object> variables) {
		// two people finishing the same step at once: the second waits here, then finds it done (409)
		Lead lead = leads.lockById(leadId).orElseThrow(() -> new NotFoundException("Lead", leadId));
		Task task = taskService.createTaskQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		if (task == null) {
			throw new ConflictException("Lead " + leadId + " has no open step " + taskDefinitionKey + " (it is "
					+ lead.getStage() + "); somebody may have completed it already.");
		}
		var candidateGroups = pipeline.candidateGroups(task);
		boolean inQueue = candidateGroups.stream().anyMatch(groups::contains);
		if (!inQueue && !user.equals(task.getAssignee())) {
			throw new AuthorizationException("'" + task.getName() + "' is work for " + candidateGroups + ".");
		}
		// the one door: visibility, claim, the form's strict types, stage rules, engine errors
		worklist.complete(new Caller(user, List.copyOf(groups)), task.getId(), variables,
				LocaleContextHolder.getLocale());
		return pipeline.view(pipeline.load(leadId));
	}

	/** De-duplication: link the lead to its customer, creating one if nobody matches. */
	boolean matchCustomer(long leadId) {
		Lead lead = load(leadId);
		String user = lead.getCreatedBy();
		var link = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, lead.getCompany(),
				lead.getContactName(), lead.getEmail(), lead.getPhone(), lead.getRegion().name(),
				lead.getSegment() == Segment.UNKNOWN ? null : lead.getSegment().name()), user);
		Long likelyDuplicateOf = link.likelyDuplicates().isEmpty() ? null
				: link.likelyDuplicates().get(0).customer().id();
		lead.linkCustomer(link.customer().id(), likelyDuplicateOf, clock.instant());
		var source = SystemText.label("leads.source." + lead.getSource().name());
		customers.logInteraction(link.customer().id(), NewInteraction.written(InteractionType.NOTE, lead.getCreatedAt(),
				lead.getCreatedBy(), lead.getContactName(),
				lead.getNotes() != null
						? SystemText.of("interaction.leadCapturedWithNotes", String.valueOf(leadId), source, lead.getNotes())
						: SystemText.of("interaction.leadCaptured", String.valueOf(leadId), source),
				null, "lead", String.valueOf(leadId)));
		return likelyDuplicateOf != null;
	}

	Long customerOf(long leadId) {
		return load(leadId).getCustomerId();
	}

	Long duplicateOf(long leadId) {
		return load(leadId).getDuplicateOfId();
	}

	void resolveDuplicate(long leadId, String decision, String user) {
		Lead lead = load(leadId);
		if (lead.getDuplicateOfId() == null) {
			lead.duplicateResolved(lead.getCustomerId(), clock.instant());
			return;
		}
		long own = lead.getCustomerId();
		long other = lead.getDuplicateOfId();
		// the lead is settled first, so that the customer module's events (which settle the leads
		// that wait for this same decision: LeadCustomerRecords) find it done
		if (LeadProcess.DECISION_MERGE.equals(decision)) {
			lead.duplicateResolved(other, clock.instant());
			var survivor = customers.merge(own, other, user);
			lead.duplicateResolved(survivor.id(), clock.instant());
		}
		else if (LeadProcess.DECISION_DISTINCT.equals(decision)) {
			lead.duplicateResolved(own, clock.instant());
			customers.confirmDistinct(own, other, user);
		}
		else {
			throw new InvalidInputException(LeadProcess.DUPLICATE_DECISION,
					"must be " + LeadProcess.DECISION_MERGE + " or " + LeadProcess.DECISION_DISTINCT);
		}
	}

	void routed(long leadId, String priority, String queue) {
		load(leadId).routed(priority, queue, clock.instant());
	}

	void claimed(long leadId, String user) {
		Lead lead = load(leadId);
		if (lead.getStage() == LeadStage.QUALIFYING && user != null) {
			lead.claimedBy(user, clock.instant());
		}
	}

	/**
	 * A manager made {@code user} the owner of the lead and of its deal, if it has one; a
	 * disqualified lead or a closed deal refuses (409).
	 */
	Lead transferOwner(long leadId, String user) {
		Lead lead = load(leadId);
		var now = clock.instant();
		opportunities.findByLeadId(leadId).ifPresent(opportunity -> opportunity.transferTo(user, now));
		lead.transferTo(user, now);
		return lead;
	}

	/** Returns the untouched lead to its queue; the caller notifies the managers. */
	Lead returnToQueue(long leadId) {
		Lead lead = load(leadId);
		lead.returnedToQueue(clock.instant());
		return lead;
	}

	void qualify(long leadId, boolean qualified, Map<String, Object> answers, String user) {
		Lead lead = load(leadId);
		if (qualified) {
			lead.qualify(FormValues.text(answers.get(LeadProcess.BUDGET)),
					FormValues.text(answers.get(LeadProcess.DECISION_MAKER)), FormValues.text(answers.get(LeadProcess.NEED)),
					FormValues.text(answers.get(LeadProcess.TIMELINE)), user, clock.instant());
		}
		else {
			lead.disqualify(FormValues.text(answers.get(LeadProcess.DISQUALIFY_REASON)), user, clock.instant());
			events.publishEvent(new LeadLost(leadId, user, true));
		}
	}

	Opportunity openOpportunity(long leadId) {
		Lead lead = load(leadId);
		return opportunities.findByLeadId(leadId)
			.orElseGet(() -> opportunities.save(new Opportunity(lead, clock.instant())));
	}

	/** Applies the proposal; returns the follow-up date as the process needs it. */
	Instant propose(long leadId, Object amount, Object discountPercent, Object decisionMaker, Object summary,
			Object nextFollowUp) {
		Opportunity opportunity = opportunity(leadId);
		var errors = new ArrayList<FieldError>();
		BigDecimal amountValue = read(errors, () -> FormValues.decimal(LeadProcess.AMOUNT, amount));
		BigDecimal discountValue = read(errors, () -> FormValues.decimal(LeadProcess.DISCOUNT_PERCENT, discountPercent));
		Instant followUp = read(errors, () -> FormValues.instant(LeadProcess.NEXT_FOLLOW_UP, nextFollowUp));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		opportunity.propose(amountValue, discountValue, FormValues.text(decisionMaker), FormValues.text(summary),
				followUp, clock.instant());
		return followUp;
	}

	void awaitDiscountApproval(long leadId) {
		opportunity(leadId).awaitDiscountApproval(clock.instant());
	}

	void decideDiscount(long leadId, boolean approved, Object comment, String user) {
		Opportunity opportunity = opportunity(leadId);
		if (approved) {
			opportunity.approveDiscount(user, FormValues.text(comment), clock.instant());
		}
		else {
			opportunity.rejectDiscount(user, FormValues.text(comment), clock.instant());
		}
	}

	void startNegotiation(long leadId) {
		opportunity(leadId).startNegotiation(discountApprovalThreshold(), clock.instant());
	}

	/** Read from the settings when the gateway asks, never from a variable a task's worker could write. */
	boolean needsDiscountApproval(long leadId) {
		return opportunity(leadId).needsDiscountApproval(discountApprovalThreshold());
	}

	private BigDecimal discountApprovalThreshold() {
		return BigDecimal.valueOf(settings.discountApprovalThreshold());
	}

	void closeDeal(long leadId, boolean won, Object finalAmount, Object lostReason) {
		Opportunity opportunity = opportunity(leadId);
		if (won) {
			opportunity.win(FormValues.decimal(LeadProcess.FINAL_AMOUNT, finalAmount), clock.instant());
		}
		else {
			opportunity.lose(FormValues.text(lostReason), clock.instant());
			events.publishEvent(new LeadLost(leadId, opportunity.getOwner(), false));
		}
	}

	/** The won customer goes to service: noted on the customer, announced to other modules. */
	LeadWon handOver(long leadId) {
		Lead lead = load(leadId);
		Opportunity opportunity = opportunity(leadId);
		if (lead.getCustomerId() != null) {
			customers.logInteraction(lead.getCustomerId(), NewInteraction.written(InteractionType.NOTE, clock.instant(),
					opportunity.getOwner() != null ? opportunity.getOwner() : lead.getCreatedBy(), null,
					SystemText.of("interaction.dealWon", String.valueOf(leadId), SystemText.amount(opportunity.getFinalAmount())),
					SystemText.of("outcome.won"), "lead", String.valueOf(leadId)));
		}
		return new LeadWon(leadId, opportunity.getId(), lead.getCustomerId(), opportunity.getFinalAmount(),
				opportunity.getOwner());
	}

	void welcomeCallDone(long leadId, Object notes, String user) {
		Lead lead = load(leadId);
		if (lead.getCustomerId() != null) {
			String written = FormValues.textOrNull(notes);
			customers.logInteraction(lead.getCustomerId(), new NewInteraction(InteractionType.CALL, clock.instant(), user,
					lead.getContactName(), written, null, "lead", String.valueOf(leadId),
					written == null ? SystemText.of("interaction.welcomeCall") : null, SystemText.of("outcome.onboarded")));
		}
	}

	Opportunity opportunity(long leadId) {
		return opportunities.findByLeadId(leadId)
			.orElseThrow(() -> new ConflictException("Lead " + leadId + " has no opportunity yet."));
	}

	Lead load(long id) {
		return pipeline.load(id);
	}

	Optional<Lead> find(long id) {
		return leads.findById(id);
	}

	/** The value, or {@code null} with its refusal added, so that one answer names every wrong field. */
	private static <T> T read(List<FieldError> errors, java.util.function.Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
			return null;
		}
	}

}
