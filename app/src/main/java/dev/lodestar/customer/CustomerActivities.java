package dev.lodestar.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.activity.ActivityCase;
import dev.lodestar.activity.ActivityCompleted;
import dev.lodestar.system.SystemText;
import dev.lodestar.worklist.Caller;

/**
 * Activities on a customer: read by the customer API's readers, planned by its writers. And the
 * timeline's side of every activity: one marked done (on the customer, or on a lead or complaint
 * of hers) becomes an interaction, in the same transaction, written as a code with its values so
 * that each reader reads it in her language; the outcome stays as the person typed it.
 */
@Component
class CustomerActivities implements ActivityCase {

	private static final List<String> READERS = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER, Roles.EXECUTIVE, Roles.CAMUNDA_ADMIN);

	private static final List<String> WRITERS = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER);

	private final Customers customers;

	private final CustomerService service;

	CustomerActivities(Customers customers, CustomerService service) {
		this.customers = customers;
		this.service = service;
	}

	@Override
	public String type() {
		return "customer";
	}

	@Override
	public Optional<Found> find(long id) {
		return customers.findById(id).map(c -> new Found(c.getId(), c.getName()));
	}

	@Override
	public boolean mayRead(long id, Caller caller) {
		return READERS.stream().anyMatch(caller::hasRole) && customers.existsById(id);
	}

	@Override
	public boolean mayPlan(long id, Caller caller) {
		return WRITERS.stream().anyMatch(caller::hasRole);
	}

	@EventListener
	void onCompleted(ActivityCompleted done) {
		if (done.customerId() == null) {
			return;
		}
		boolean onCustomer = "customer".equals(done.caseType());
		service.logInteraction(done.customerId(), new NewInteraction(interactionType(done), done.doneAt(), done.doneBy(),
				null, null, done.outcome(), onCustomer ? null : done.caseType(),
				onCustomer ? null : String.valueOf(done.caseId()),
				SystemText.of("interaction.activityDone", SystemText.label("activity.type." + done.type().name()),
						done.subject()),
				null));
	}

	private static InteractionType interactionType(ActivityCompleted done) {
		return switch (done.type()) {
			case CALL -> InteractionType.CALL;
			case MEETING -> InteractionType.MEETING;
			case TODO -> InteractionType.NOTE;
		};
	}

}
