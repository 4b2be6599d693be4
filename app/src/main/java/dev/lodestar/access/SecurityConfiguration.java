package dev.lodestar.access;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Three doors, one user store (Camunda's identity service):
 * <ul>
 * <li>{@code /engine-rest/**}: HTTP Basic, stateless; the user is handed to the engine so
 * Camunda's authorizations decide what each call may do.</li>
 * <li>{@code /api/**} and the OpenAPI document: HTTP Basic or the browser session, answers
 * 401/403 as problem details.</li>
 * <li>everything else: the web UI with form login and CSRF protection. Camunda's web apps
 * under {@code /camunda} log users in themselves, against the same users and groups.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	/** A request that carries its own credentials cannot be forged cross-site. */
	private static final RequestMatcher CARRIES_CREDENTIALS = request -> request.getHeader("Authorization") != null;

	/** Paths as the servlet container sees them: Jersey serves /engine-rest beside Spring MVC. */
	static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	@Bean
	CookieCsrfTokenRepository csrfTokenRepository() {
		return CookieCsrfTokenRepository.withHttpOnlyFalse();
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper)
			throws Exception {
		var problems = new ProblemAuthenticationHandlers(objectMapper);
		http.securityMatcher(path("/engine-rest/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(new EngineRestAuthenticationFilter(identityService), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, CookieCsrfTokenRepository csrfTokens)
			throws Exception {
		var problems = new ProblemAuthenticationHandlers(objectMapper);
		http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/v3/api-docs/**"), path("/v3/api-docs"),
				path("/swagger-ui/**"), path("/swagger-ui.html"), path("/actuator/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/api/public/**")).permitAll()
				.requestMatchers(path("/actuator/**")).hasRole(Roles.CAMUNDA_ADMIN)
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(CARRIES_CREDENTIALS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, CookieCsrfTokenRepository csrfTokens) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/login"), path("/error"), path("/css/**"), path("/js/**"), path("/img/**"),
						path("/vendor/**"), path("/favicon.ico"), path("/public/**"))
				.permitAll()
				// Camunda's Cockpit, Tasklist and Admin authenticate against the same users themselves
				.requestMatchers(path("/camunda/**")).permitAll()
				.anyRequest().authenticated())
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(path("/camunda/**")))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
	}

}
