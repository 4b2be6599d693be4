package dev.lodestar.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.access.Roles;
import dev.lodestar.customer.CustomerViewContributor;
import dev.lodestar.customer.CustomerViewSection;
import dev.lodestar.system.ProcessTexts;

/**
 * The customer master's view of sales: the customer's leads and opportunities, with their open
 * tasks, in the 360° view (in the reader's language, each linking to its lead page). Merges:
 * {@link LeadCustomerRecords}.
 */
@Component
class LeadCustomerView implements CustomerViewContributor {

	/** Who sees sales cases in the 360° view. */
	static final Set<String> READERS = Set.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.EXECUTIVE,
			Roles.CAMUNDA_ADMIN, Roles.SERVICE_AGENT, Roles.SERVICE_MANAGER);

	private final Leads leads;
	private final Opportunities opportunities;
	private final LeadPipeline service;
	private final IdentityService identityService;
	private final ProcessTexts texts;
	private final MessageSource messages;
	private final dev.lodestar.system.SystemTexts systemTexts;

	LeadCustomerView(Leads leads, Opportunities opportunities, LeadPipeline service, IdentityService identityService,
			ProcessTexts texts, MessageSource messages, dev.lodestar.system.SystemTexts systemTexts) {
		this.systemTexts = systemTexts;
		this.texts = texts;
		this.messages = messages;
		this.leads = leads;
		this.opportunities = opportunities;
		this.service = service;
		this.identityService = identityService;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CustomerViewSection> section(long customerId, String userId) {
		if (!mayRead(userId)) {
			return Optional.empty();
		}
		Locale locale = LocaleContextHolder.getLocale();
		var entries = new ArrayList<CustomerViewSection.Entry>();
		for (Lead lead : leads.findByCustomerIdOrderByCreatedAtDesc(customerId)) {
			LeadView view = service.view(lead);
			var facts = new ArrayList<CustomerViewSection.Fact>();
			facts.add(fact("leads.source", word("leads.source.", lead.getSource().name(), locale), locale));
			if (lead.getPriority() != null) {
				facts.add(fact("customers.fact.priority", word("leads.priority.", lead.getPriority(), locale), locale));
			}
			if (lead.getOwner() != null) {
				facts.add(fact("leads.owner", systemTexts.user(lead.getOwner()), locale));
			}
			String kind = "Lead";
			if (view.opportunity() != null) {
				var o = view.opportunity();
				kind = "Opportunity";
				facts.add(fact("leads.amount", o.amount() == null ? "—" : systemTexts.amount(o.amount(), locale), locale));
				if (o.discountPercent() != null) {
					facts.add(fact("customers.fact.discountPercent",
							java.text.NumberFormat.getNumberInstance(locale).format(o.discountPercent()) + " %", locale));
				}
				if (o.lostReason() != null) {
					facts.add(fact("leads.lostReason", o.lostReason(), locale));
				}
			}
			else if (lead.getDisqualifyReason() != null) {
				facts.add(fact("leads.disqualifyReason", lead.getDisqualifyReason(), locale));
			}
			// one stage, the pipeline's, in words
			String status = word("leads.stage.",
					PipelineStage.of(lead, opportunities.findByLeadId(lead.getId()).orElse(null)).name(), locale);
			List<CustomerViewSection.OpenTask> tasks = view.openTasks()
				.stream()
				.map(t -> new CustomerViewSection.OpenTask(t.id(),
						texts.stepName(LeadProcess.KEY, t.taskDefinitionKey(), t.name(), locale), t.assignee(),
						t.candidateGroups(), t.due()))
				.toList();
			String title = messages.getMessage("customers.entry." + kind.toLowerCase(Locale.ROOT),
					new Object[] { String.valueOf(lead.getId()), lead.getCompany() }, locale);
			entries.add(new CustomerViewSection.Entry(kind, String.valueOf(lead.getId()), title, status,
					"/leads/" + lead.getId(), facts, tasks));
		}
		return entries.isEmpty() ? Optional.empty()
				: Optional.of(new CustomerViewSection("leads", messages.getMessage("customers.section.leads", null, locale),
						10, entries));
	}

	private CustomerViewSection.Fact fact(String labelKey, String value, Locale locale) {
		return new CustomerViewSection.Fact(messages.getMessage(labelKey, null, locale), value);
	}

	private String word(String prefix, String code, Locale locale) {
		return messages.getMessage(prefix + code, null, code, locale);
	}

	private boolean mayRead(String userId) {
		return identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.anyMatch(group -> READERS.contains(group.getId()));
	}

	@Override
	public Optional<Boolean> mayReadInteractionsAbout(String subjectType, String userId) {
		return "lead".equals(subjectType) ? Optional.of(mayRead(userId)) : Optional.empty();
	}

	/** Who may open a lead (the lead API's readers): the right to write about it. */
	static final Set<String> LEAD_READERS = Set.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.EXECUTIVE,
			Roles.CAMUNDA_ADMIN);

	@Override
	@Transactional(readOnly = true)
	public Optional<dev.lodestar.customer.SubjectAccess> mayWriteAbout(String subjectType, String subjectId,
			long customerId, String userId) {
		if (!"lead".equals(subjectType)) {
			return Optional.empty();
		}
		Optional<Lead> lead = parseId(subjectId).flatMap(leads::findById);
		if (lead.isEmpty()) {
			return Optional.of(dev.lodestar.customer.SubjectAccess.UNKNOWN);
		}
		boolean mayOpen = identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.anyMatch(group -> LEAD_READERS.contains(group.getId()));
		if (!mayOpen) {
			return Optional.of(dev.lodestar.customer.SubjectAccess.FORBIDDEN);
		}
		return Optional.of(Long.valueOf(customerId).equals(lead.get().getCustomerId())
				? dev.lodestar.customer.SubjectAccess.GRANTED : dev.lodestar.customer.SubjectAccess.OTHER_CUSTOMER);
	}

	private static Optional<Long> parseId(String id) {
		return dev.lodestar.system.FormValues.idOrEmpty(id);
	}

}
