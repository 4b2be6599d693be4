package dev.lodestar.complaint;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.activity.ActivityCase;
import dev.lodestar.worklist.Caller;

/** Activities on a complaint: read and planned by the service roles, as the complaint API. */
@Component
class ComplaintActivities implements ActivityCase {

	private static final List<String> SERVICE = List.of(Roles.SERVICE_AGENT, Roles.SERVICE_MANAGER);

	private final Complaints complaints;

	ComplaintActivities(Complaints complaints) {
		this.complaints = complaints;
	}

	@Override
	public String type() {
		return "complaint";
	}

	@Override
	public Optional<Found> find(long id) {
		return complaints.findById(id).map(c -> new Found(c.getCustomerId(), c.getCustomerName()));
	}

	@Override
	public boolean mayRead(long id, Caller caller) {
		return SERVICE.stream().anyMatch(caller::hasRole) && complaints.existsById(id);
	}

	@Override
	public boolean mayPlan(long id, Caller caller) {
		return mayRead(id, caller);
	}

}
