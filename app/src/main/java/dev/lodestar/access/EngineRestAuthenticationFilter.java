package dev.lodestar.access;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the user that Spring Security authenticated to the engine for the length of one
 * {@code /engine-rest} request, so Camunda's authorizations apply to every REST call, just
 * as Camunda's own {@code ProcessEngineAuthenticationFilter} would do.
 * Deliberately not a bean: Spring Boot would otherwise register it for every URL.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

	private static final String PREFIX = "ROLE_";

	private final IdentityService identityService;

	EngineRestAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(PREFIX))
			.map(authority -> authority.substring(PREFIX.length()))
			.toList();
		identityService.setAuthentication(authentication.getName(), groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
