package dev.lodestar.modeling;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.lodestar.access.Roles;

/** The signed-in user and their roles (Camunda groups), as Spring Security knows them. */
record Caller(String userId, List<String> roles) {

	static Caller of(Authentication authentication) {
		return new Caller(authentication.getName(), authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.sorted()
			.toList());
	}

	boolean isOwner() {
		return roles.contains(Roles.PROCESS_OWNER);
	}

	/** Process owners, the project team and executives see the workspace. */
	boolean seesWorkspace() {
		return isOwner() || roles.contains(Roles.PROJECT_TEAM) || roles.contains(Roles.EXECUTIVE);
	}

}
