package dev.lodestar.access;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A signed-in session carries the roles its user had when she logged in; this filter makes a
 * change of roles count on the very next request: it reads the user's groups again (one query)
 * and, where they differ, puts the new roles into the session before any rule is judged. A
 * user who no longer exists is signed out (401 on the API, the login page for pages). Every node
 * does this against the shared user store, so it holds with sessions in the database too.
 * Static files and Camunda's web apps (which re-read their own log-ins, see
 * {@code camunda.bpm.webapp.auth.cache}) are skipped. Deliberately not a bean: it belongs in
 * the security chains.
 */
class SessionRoles extends OncePerRequestFilter {

	private static final List<String> SKIPPED = List.of("/css/", "/js/", "/img/", "/vendor/", "/favicon.ico", "/camunda/",
			"/actuator/health");

	private final IdentityService identityService;

	SessionRoles(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return request.getSession(false) == null || SKIPPED.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean fromSession = authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
				&& !Boolean.TRUE.equals(request.getAttribute(SecurityConfiguration.BasicAuthenticatedMarker.ATTRIBUTE));
		if (fromSession) {
			refresh(request, authentication);
		}
		chain.doFilter(request, response);
	}

	private void refresh(HttpServletRequest request, Authentication authentication) {
		String userId = authentication.getName();
		Set<String> roles = identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.map(Roles::authority)
			.collect(Collectors.toSet());
		Set<String> held = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.collect(Collectors.toSet());
		if (roles.equals(held)) {
			return;
		}
		var session = request.getSession(false);
		if (roles.isEmpty() && identityService.createUserQuery().userId(userId).count() == 0) {
			SecurityContextHolder.clearContext();
			if (session != null) {
				session.invalidate();
			}
			return;
		}
		var updated = UsernamePasswordAuthenticationToken.authenticated(userId, null,
				roles.stream().sorted().map(SimpleGrantedAuthority::new).toList());
		updated.setDetails(authentication.getDetails());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		if (session != null) {
			session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		}
	}

}
