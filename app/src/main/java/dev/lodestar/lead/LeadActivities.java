package dev.lodestar.lead;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.activity.ActivityCase;
import dev.lodestar.worklist.Caller;

/** Activities on a lead: read by whoever may open the lead's page, planned by the sales roles. */
@Component
class LeadActivities implements ActivityCase {

	static final String TYPE = "lead";

	private static final List<String> READERS = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER, Roles.EXECUTIVE, Roles.CAMUNDA_ADMIN);

	private static final List<String> SALES = List.of(Roles.SALES_REP, Roles.SALES_MANAGER);

	private final Leads leads;

	LeadActivities(Leads leads) {
		this.leads = leads;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Optional<Found> find(long id) {
		return leads.findById(id).map(lead -> new Found(lead.getCustomerId(), lead.getCompany()));
	}

	@Override
	public boolean mayRead(long id, Caller caller) {
		return READERS.stream().anyMatch(caller::hasRole) && leads.existsById(id);
	}

	@Override
	public boolean mayPlan(long id, Caller caller) {
		return SALES.stream().anyMatch(caller::hasRole);
	}

}
