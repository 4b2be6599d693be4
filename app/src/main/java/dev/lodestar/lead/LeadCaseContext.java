package dev.lodestar.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.worklist.CaseContext;
import dev.lodestar.worklist.CaseContextProvider;

/** Shows the lead (or opportunity) and its customer's interaction log beside a lead-to-sale task. */
@Component
class LeadCaseContext implements CaseContextProvider {

	private final Leads leads;
	private final Opportunities opportunities;
	private final CustomerService customers;
	private final IdentityService identityService;
	private final MessageSource messages;

	private final dev.lodestar.system.MoneyModel money;
	private final dev.lodestar.system.SystemTexts systemTexts;

	LeadCaseContext(Leads leads, Opportunities opportunities, CustomerService customers,
			IdentityService identityService, MessageSource messages, dev.lodestar.system.MoneyModel money, dev.lodestar.system.SystemTexts systemTexts) {
		this.money = money;
		this.systemTexts = systemTexts;
		this.messages = messages;
		this.leads = leads;
		this.opportunities = opportunities;
		this.customers = customers;
		this.identityService = identityService;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return LeadProcess.KEY.equals(processDefinitionKey);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId) {
		if (!supports(processDefinitionKey) || businessKey == null || !businessKey.matches("\\d{1,18}")
				|| !mayRead(userId)) {
			return Optional.empty();
		}
		return dev.lodestar.system.FormValues.idOrEmpty(businessKey).flatMap(leads::findById).map(lead -> describe(lead, userId));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> customerNames(String processDefinitionKey, Collection<String> businessKeys) {
		var ids = businessKeys.stream().filter(k -> k != null && k.matches("\\d{1,18}")).map(Long::valueOf).toList();
		var names = new HashMap<String, String>();
		var customerNames = new HashMap<Long, String>();
		for (Lead lead : leads.findAllById(ids)) {
			String name = lead.getCustomerId() == null ? null
					: customerNames.computeIfAbsent(lead.getCustomerId(),
							id -> customers.find(id).map(c -> c.name()).orElse(null));
			names.put(String.valueOf(lead.getId()), name != null ? name : lead.getCompany());
		}
		return names;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<String> businessKeysOfCustomer(String processDefinitionKey, String text, int limit) {
		var keys = new LinkedHashSet<String>();
		leads.idsByCompany(text.strip().toLowerCase(Locale.ROOT), org.springframework.data.domain.PageRequest.of(0, limit))
			.forEach(id -> keys.add(String.valueOf(id)));
		return keys;
	}

	private CaseContext describe(Lead lead, String userId) {
		var facts = new ArrayList<CaseContext.Fact>();
		var opportunity = opportunities.findByLeadId(lead.getId()).orElse(null);
		// one stage, the pipeline's: never "Stage QUALIFIED" beside "Opportunity stage WON"
		fact(facts, "case.lead.stage", PipelineStage.of(lead, opportunity).name());
		fact(facts, "case.lead.contact", lead.getContactName());
		fact(facts, "case.lead.eMail", lead.getEmail());
		fact(facts, "case.lead.phone", lead.getPhone());
		fact(facts, "case.lead.source", lead.getSource().name());
		fact(facts, "case.lead.region", lead.getRegion().name());
		fact(facts, "case.lead.segment", lead.getSegment().name());
		fact(facts, "case.lead.estimatedValue", money.format(lead.getEstimatedValue()));
		fact(facts, "case.lead.priority", lead.getPriority());
		// the queue is a role: named as the header names it
		fact(facts, "case.lead.queue", lead.getQueue() == null ? null : text("role." + lead.getQueue(), lead.getQueue()));
		fact(facts, "case.lead.owner", systemTexts.user(lead.getOwner()));
		fact(facts, "case.lead.notes", lead.getNotes());
		fact(facts, "case.lead.budget", lead.getBudget());
		fact(facts, "case.lead.decisionMaker", lead.getDecisionMaker());
		fact(facts, "case.lead.need", lead.getNeed());
		fact(facts, "case.lead.timeline", lead.getTimeline());
		fact(facts, "case.lead.returnedToQueue", lead.getTimesReturned() == 0 ? null
				: text("case.lead.timesReturned", String.valueOf(lead.getTimesReturned()), lead.getTimesReturned()));
		if (lead.getDuplicateOfId() != null) {
			customers.find(lead.getDuplicateOfId())
				.ifPresent(c -> fact(facts, "case.lead.looksLikeExistingCustomer", "#" + c.id() + " " + c.name()
						+ (c.email() != null ? ", " + c.email() : "") + (c.phone() != null ? ", " + c.phone() : "")));
		}
		String kind = "case.kind.lead";
		if (opportunity != null) {
			kind = "case.kind.opportunity";
			fact(facts, "case.lead.amount", money.format(opportunity.getAmount()));
			fact(facts, "case.lead.discountPercent",
					opportunity.getDiscountPercent() == null ? null : opportunity.getDiscountPercent().toPlainString());
			fact(facts, "case.lead.nextFollowUp", opportunity.getNextFollowUp() == null ? null : opportunity.getNextFollowUp().toString());
			fact(facts, "case.lead.discountDecision", opportunity.getDiscountDecision());
			fact(facts, "case.lead.managerComment", opportunity.getDiscountComment());
		}
		String customerName = null;
		var interactions = new ArrayList<CaseContext.Interaction>();
		if (lead.getCustomerId() != null) {
			var customer = customers.find(lead.getCustomerId()).orElse(null);
			customerName = customer == null ? null : customer.name();
			customers.interactions(lead.getCustomerId(), 20, userId)
				.forEach(i -> interactions.add(new CaseContext.Interaction(i.occurredAt(), i.type().name(), systemTexts.user(i.recordedBy()),
						i.summaryIn(systemTexts, LocaleContextHolder.getLocale()),
						i.outcomeIn(systemTexts, LocaleContextHolder.getLocale()))));
		}
		String title = text(kind, kind) + " #" + lead.getId() + " — " + lead.getCompany();
		return new CaseContext(kind, title, "/leads/" + lead.getId(),
				lead.getCustomerId(), customerName, facts, interactions);
	}

	/** A text in the reader's language; {@code fallback} where the bundle has none. */
	private String text(String key, String fallback, Object... arguments) {
		return messages.getMessage(key, arguments.length == 0 ? null : arguments, fallback, LocaleContextHolder.getLocale());
	}

	private boolean mayRead(String userId) {
		return userId != null && identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.anyMatch(group -> LeadCustomerView.READERS.contains(group.getId()));
	}

	private static void fact(java.util.List<CaseContext.Fact> facts, String label, String value) {
		if (value != null && !value.isBlank()) {
			facts.add(new CaseContext.Fact(label, value));
		}
	}

}
