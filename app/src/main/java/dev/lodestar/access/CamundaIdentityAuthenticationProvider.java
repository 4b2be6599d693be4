package dev.lodestar.access;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import dev.lodestar.system.EngineClock;

/**
 * Spring Security logs users in against Camunda's identity service: one user store for
 * Lodestar, its API, {@code /engine-rest} and the Camunda web apps. Each Camunda group the
 * user belongs to becomes the authority {@code ROLE_<group>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;
	private final AuthenticationCache cache;

	CamundaIdentityAuthenticationProvider(IdentityService identityService,
			@org.springframework.beans.factory.annotation.Value("${lodestar.security.authentication-cache-ttl:PT1M}") java.time.Duration cacheTtl) {
		this.identityService = identityService;
		this.cache = new AuthenticationCache(cacheTtl, EngineClock.INSTANCE);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId != null && credentials != null) {
			var known = cache.find(userId, credentials.toString());
			if (known.isPresent()) {
				return UsernamePasswordAuthenticationToken.authenticated(userId, null, known.get());
			}
		}
		if (userId == null || userId.isBlank() || credentials == null
				|| !identityService.checkPassword(userId, credentials.toString())) {
			if (userId != null) {
				cache.forget(userId);
			}
			throw new BadCredentialsException("Unknown user or wrong password");
		}
		List<GrantedAuthority> authorities = identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.map(Roles::authority)
			.map(SimpleGrantedAuthority::new)
			.map(GrantedAuthority.class::cast)
			.toList();
		cache.remember(userId, credentials.toString(), authorities);
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	/** Roles or passwords changed: the next Basic request of everybody checks again. */
	void forgetRememberedLogIns() {
		cache.forgetAll();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
