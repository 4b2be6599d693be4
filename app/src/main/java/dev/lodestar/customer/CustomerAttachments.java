package dev.lodestar.customer;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.attachment.AttachmentOwner;

/** A customer's attachments: read by the customer API's readers, added by its writers. */
@Component
class CustomerAttachments implements AttachmentOwner {

	static final String KIND = "customers";

	private static final List<String> READERS = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER, Roles.EXECUTIVE, Roles.CAMUNDA_ADMIN);

	private static final List<String> WRITERS = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER);

	private final Customers customers;

	CustomerAttachments(Customers customers) {
		this.customers = customers;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public boolean mayRead(long id, Authentication user) {
		return AttachmentOwner.hasAnyRole(user, READERS) && customers.existsById(id);
	}

	@Override
	public boolean mayAttach(long id, Authentication user) {
		return AttachmentOwner.hasAnyRole(user, WRITERS) && mayRead(id, user);
	}

}
