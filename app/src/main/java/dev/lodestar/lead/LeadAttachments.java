package dev.lodestar.lead;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.attachment.AttachmentOwner;

/** A lead's attachments: read by whoever may open the lead's page, added by the sales roles. */
@Component
class LeadAttachments implements AttachmentOwner {

	static final String KIND = "leads";

	private static final List<String> READERS = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER, Roles.EXECUTIVE, Roles.CAMUNDA_ADMIN);

	private static final List<String> SALES = List.of(Roles.SALES_REP, Roles.SALES_MANAGER);

	private final Leads leads;

	LeadAttachments(Leads leads) {
		this.leads = leads;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public boolean mayRead(long id, Authentication user) {
		return AttachmentOwner.hasAnyRole(user, READERS) && leads.existsById(id);
	}

	@Override
	public boolean mayAttach(long id, Authentication user) {
		return AttachmentOwner.hasAnyRole(user, SALES) && mayRead(id, user);
	}

}
