package dev.lodestar.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the doors behave.
 *
 * @param loginMaxFailures failed log-ins from one client address within {@code loginWindow}
 *        after which that address must wait ({@code LODESTAR_ACCESS_LOGIN_MAX_FAILURES})
 * @param loginWindow the period over which failures count, and the longest wait
 * @param contentSecurityPolicy the Content-Security-Policy of Lodestar's own pages (not Camunda's
 *        web apps under {@code /camunda}): scripts and styles from Lodestar itself only
 */
@ConfigurationProperties("lodestar.access")
record AccessSettings(@DefaultValue("10") int loginMaxFailures, @DefaultValue("PT15M") Duration loginWindow,
		@DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
				+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors 'self'") String contentSecurityPolicy) {
}
