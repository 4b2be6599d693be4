package dev.lodestar.attachment;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.lodestar.access.Roles;

/**
 * Implemented by a module that owns a kind of case carrying attachments: it says whether a user
 * may read the case (and so its attachments) and whether they may attach to it, by the same rule
 * as the case's own pages and API. A case that does not exist is readable by nobody.
 */
public interface AttachmentOwner {

	/** The kind, as in the paths: {@code complaints}, {@code leads} or {@code customers}. */
	String kind();

	boolean mayRead(long id, Authentication user);

	boolean mayAttach(long id, Authentication user);

	/** Whether the user holds one of these roles. */
	static boolean hasAnyRole(Authentication user, Collection<String> roles) {
		if (user == null) {
			return false;
		}
		for (GrantedAuthority authority : user.getAuthorities()) {
			for (String role : roles) {
				if (Roles.authority(role).equals(authority.getAuthority())) {
					return true;
				}
			}
		}
		return false;
	}

}
