package dev.lodestar.worklist;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user and their roles (Camunda groups), as Spring Security knows them. */
public record Caller(String userId, List<String> roles) {

	public static Caller of(Authentication authentication) {
		return new Caller(authentication.getName(), authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.sorted()
			.toList());
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

}
