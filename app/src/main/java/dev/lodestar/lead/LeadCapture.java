package dev.lodestar.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionEntry;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import jakarta.validation.Validator;

/**
 * Capturing leads: {@link #capture} checks the lead (Bean Validation, every invalid field named),
 * writes it and starts its {@code lead-to-sale} instance in one transaction (business key = lead
 * id); interactions about a lead land on its customer.
 */
@Service
@Transactional
public class LeadCapture {

	private final Leads leads;
	private final LeadPipeline pipeline;
	private final CustomerService customers;
	private final RuntimeService runtimeService;
	private final Validator validator;
	private final Clock clock;

	LeadCapture(Leads leads, LeadPipeline pipeline, CustomerService customers, RuntimeService runtimeService,
			Validator validator, Optional<Clock> clock) {
		this.leads = leads;
		this.pipeline = pipeline;
		this.customers = customers;
		this.runtimeService = runtimeService;
		this.validator = validator;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/**
	 * Checks the lead (every invalid field is named), saves it and starts its process, whose
	 * first steps match it against the customer master and route it.
	 */
	public LeadView capture(NewLead input, String user) {
		return capture(input, user, false);
	}

	/**
	 * Like {@link #capture}, for a sales rep who captures a lead herself: it is hers (its owner,
	 * and its first task is assigned to her: the model's assignee is {@code owner}).
	 */
	public LeadView captureOwn(NewLead input, String user) {
		return capture(input, user, true);
	}

	private LeadView capture(NewLead input, String user, boolean ownedByCreator) {
		if (input == null) {
			throw new InvalidInputException("company", "is required");
		}
		var violations = validator.validate(input);
		if (!violations.isEmpty()) {
			throw InvalidInputException.of(violations);
		}
		var lead = leads.save(new Lead(input.company(), input.contactName(), input.email(), input.phone(),
				input.leadSource(), input.leadRegion(), input.leadSegment(), input.amount(), input.notes(), user,
				clock.instant()));
		var variables = new HashMap<String, Object>();
		variables.put(LeadProcess.LEAD_ID, lead.getId());
		if (ownedByCreator) {
			lead.ownedByCreator(clock.instant());
			variables.put(LeadProcess.OWNER, user);
		}
		variables.put(LeadProcess.SOURCE, lead.getSource().name());
		variables.put(LeadProcess.REGION, lead.getRegion().name());
		variables.put(LeadProcess.SEGMENT, lead.getSegment().name());
		variables.put(LeadProcess.DEAL_SIZE, input.amount() == null ? 0d : input.amount().doubleValue());
		var instance = runtimeService.startProcessInstanceByKey(LeadProcess.KEY, String.valueOf(lead.getId()),
				variables);
		lead.startedAs(instance.getId());
		return pipeline.view(lead);
	}

	/** Logs a call, visit, e-mail, meeting or note about the lead on its customer's interaction log. */
	public InteractionEntry logInteraction(long leadId, InteractionType type, String contactName, String summary,
			String outcome, Instant occurredAt, String user) {
		Lead lead = pipeline.load(leadId);
		if (lead.getCustomerId() == null) {
			throw new ConflictException("Lead " + leadId + " has no customer yet.");
		}
		return customers.logInteraction(lead.getCustomerId(), new NewInteraction(type, occurredAt, user,
				contactName != null ? contactName : lead.getContactName(), summary, outcome, "lead",
				String.valueOf(leadId)));
	}

}
