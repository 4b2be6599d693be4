package dev.lodestar.complaint;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.attachment.AttachmentOwner;

/** A complaint's attachments: read and added by whoever may use the complaint API (the service roles). */
@Component
class ComplaintAttachments implements AttachmentOwner {

	static final String KIND = "complaints";

	private static final List<String> SERVICE = List.of(Roles.SERVICE_AGENT, Roles.SERVICE_MANAGER);

	private final Complaints complaints;

	ComplaintAttachments(Complaints complaints) {
		this.complaints = complaints;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public boolean mayRead(long id, Authentication user) {
		return AttachmentOwner.hasAnyRole(user, SERVICE) && complaints.existsById(id);
	}

	@Override
	public boolean mayAttach(long id, Authentication user) {
		return mayRead(id, user);
	}

}
