package dev.lodestar.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.access.Roles;
import dev.lodestar.customer.CustomerViewContributor;
import dev.lodestar.customer.CustomerViewSection;
import dev.lodestar.customer.CustomersMerged;

/**
 * The customer master's view of sales: the customer's leads and opportunities, with their open
 * tasks, in the 360° view; and leads that follow when two customers are merged.
 */
@Component
class LeadCustomerView implements CustomerViewContributor {

	/** Who sees sales cases in the 360° view. */
	static final Set<String> READERS = Set.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.EXECUTIVE,
			Roles.CAMUNDA_ADMIN, Roles.SERVICE_AGENT, Roles.SERVICE_MANAGER);

	private final Leads leads;
	private final Opportunities opportunities;
	private final LeadService service;
	private final IdentityService identityService;

	LeadCustomerView(Leads leads, Opportunities opportunities, LeadService service, IdentityService identityService) {
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
		var entries = new ArrayList<CustomerViewSection.Entry>();
		for (Lead lead : leads.findByCustomerIdOrderByCreatedAtDesc(customerId)) {
			LeadView view = service.view(lead);
			var facts = new ArrayList<CustomerViewSection.Fact>();
			facts.add(new CustomerViewSection.Fact("Source", lead.getSource().name()));
			facts.add(new CustomerViewSection.Fact("Priority", String.valueOf(lead.getPriority())));
			if (lead.getOwner() != null) {
				facts.add(new CustomerViewSection.Fact("Owner", lead.getOwner()));
			}
			String status = lead.getStage().name();
			String kind = "Lead";
			if (view.opportunity() != null) {
				var o = view.opportunity();
				kind = "Opportunity";
				status = o.stage().name();
				facts.add(new CustomerViewSection.Fact("Amount", String.valueOf(o.amount())));
				if (o.discountPercent() != null) {
					facts.add(new CustomerViewSection.Fact("Discount %", o.discountPercent().toPlainString()));
				}
				if (o.lostReason() != null) {
					facts.add(new CustomerViewSection.Fact("Lost because", o.lostReason()));
				}
			}
			else if (lead.getDisqualifyReason() != null) {
				facts.add(new CustomerViewSection.Fact("Disqualified because", lead.getDisqualifyReason()));
			}
			List<CustomerViewSection.OpenTask> tasks = view.openTasks()
				.stream()
				.map(t -> new CustomerViewSection.OpenTask(t.id(), t.name(), t.assignee(), t.candidateGroups(), t.due()))
				.toList();
			entries.add(new CustomerViewSection.Entry(kind, String.valueOf(lead.getId()),
					kind + " #" + lead.getId() + " — " + lead.getCompany(), status, "/api/leads/" + lead.getId(), facts,
					tasks));
		}
		return entries.isEmpty() ? Optional.empty()
				: Optional.of(new CustomerViewSection("leads", "Leads and opportunities", 10, entries));
	}

	/** Leads and opportunities follow a merged customer to the survivor, in the merging transaction. */
	@EventListener
	void on(CustomersMerged merged) {
		for (Lead lead : leads.findByCustomerIdOrderByCreatedAtDesc(merged.duplicateId())) {
			lead.customerMerged(merged.survivorId());
		}
		for (Opportunity opportunity : opportunities.findByCustomerIdOrderByCreatedAtDesc(merged.duplicateId())) {
			opportunity.customerMerged(merged.survivorId());
		}
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

}
