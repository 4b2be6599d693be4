package dev.lodestar.worklist;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who works a task: a user and their roles (Camunda groups). Built from Spring Security's
 * authentication for a request ({@link #of(Authentication)}), or named by server code that acts
 * for a user (demo data).
 */
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

	public Caller {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

}
