package dev.lodestar.access;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	/** Nobody signed in: there is no session to ride on, and the answer is 401, not a CSRF 403. */
	static final RequestMatcher NOT_AUTHENTICATED = request -> {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken;
	};

	/**
	 * A request whose HTTP Basic credentials were checked, and accepted, for this very request
	 * carries its own credentials and cannot be forged cross-site. Merely carrying an
	 * {@code Authorization} header is not enough, nor is naming the signed-in user in it: Spring's
	 * {@link BasicAuthenticationFilter} does not check the password again when the session already
	 * holds that user, so {@code Basic alice:wrong} on alice's session would otherwise pass. See
	 * {@link BasicAuthenticatedMarker}.
	 */
	static final RequestMatcher BASIC_AUTHENTICATED = request -> Boolean.TRUE
		.equals(request.getAttribute(BasicAuthenticatedMarker.ATTRIBUTE));

	/**
	 * Where HTTP Basic keeps what it authenticated (the request, as Spring's default does), and
	 * the mark that it did: {@link BasicAuthenticationFilter} saves the context here only right
	 * after it checked this request's credentials.
	 */
	static final class BasicAuthenticatedMarker implements SecurityContextRepository {

		static final String ATTRIBUTE = BasicAuthenticatedMarker.class.getName() + ".AUTHENTICATED";

		private final RequestAttributeSecurityContextRepository delegate = new RequestAttributeSecurityContextRepository();

		@Override
		@Deprecated
		public SecurityContext loadContext(HttpRequestResponseHolder holder) {
			return delegate.loadDeferredContext(holder.getRequest()).get();
		}

		@Override
		public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
			return delegate.loadDeferredContext(request);
		}

		@Override
		public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
			delegate.saveContext(context, request, response);
			Authentication authentication = context.getAuthentication();
			request.setAttribute(ATTRIBUTE, authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken));
		}

		@Override
		public boolean containsContext(HttpServletRequest request) {
			return delegate.containsContext(request);
		}

	}

	/** Paths as the servlet container sees them: Jersey serves /engine-rest beside Spring MVC. */
	static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	@Bean
	CookieCsrfTokenRepository csrfTokenRepository() {
		return CookieCsrfTokenRepository.withHttpOnlyFalse();
	}

	@Bean
	LoginThrottle.Gate loginGate(LoginThrottle throttle, MessageSource messages, ObjectMapper objectMapper) {
		return new LoginThrottle.Gate(throttle, messages, objectMapper);
	}

	/** Not registered with the servlet container by itself: it belongs in the security chains. */
	@Bean
	FilterRegistrationBean<LoginThrottle.Gate> loginGateRegistration(LoginThrottle.Gate gate) {
		var registration = new FilterRegistrationBean<>(gate);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper,
			LoginThrottle.Gate loginGate) throws Exception {
		var problems = new ProblemAuthenticationHandlers(objectMapper);
		http.securityMatcher(path("/engine-rest/**"))
			.addFilterBefore(loginGate, BasicAuthenticationFilter.class)
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
	SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, CookieCsrfTokenRepository csrfTokens,
			LoginThrottle.Gate loginGate, MessageSource messages, AccessSettings settings, IdentityService identityService)
			throws Exception {
		var problems = new ProblemAuthenticationHandlers(objectMapper);
		// the CSRF check runs after HTTP Basic, so that it knows whether Basic authenticated the request
		var csrf = new CsrfFilter(csrfTokens);
		csrf.setRequireCsrfProtectionMatcher(
				new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
						new NegatedRequestMatcher(new OrRequestMatcher(BASIC_AUTHENTICATED, NOT_AUTHENTICATED))));
		csrf.setRequestHandler(new CsrfTokenRequestAttributeHandler());
		csrf.setAccessDeniedHandler(new CsrfExpiredHandler(messages, objectMapper));
		http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/v3/api-docs/**"), path("/v3/api-docs"),
				path("/swagger-ui/**"), path("/swagger-ui.html"), path("/actuator/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/api/public/**")).permitAll()
				.requestMatchers(path("/actuator/**")).hasRole(Roles.CAMUNDA_ADMIN)
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems).securityContextRepository(new BasicAuthenticatedMarker()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(disabled -> disabled.disable())
			.addFilterBefore(loginGate, BasicAuthenticationFilter.class)
			.addFilterAfter(csrf, BasicAuthenticationFilter.class)
			// a session's roles as they are now, before any rule is judged
			.addFilterBefore(new SessionRoles(identityService), AuthorizationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(settings.contentSecurityPolicy())));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, CookieCsrfTokenRepository csrfTokens, LoginThrottle.Gate loginGate,
			MessageSource messages, ObjectMapper objectMapper, AccessSettings settings, IdentityService identityService)
			throws Exception {
		// Camunda's web apps bring inline scripts of their own: Lodestar's policy is for Lodestar's pages
		var contentSecurityPolicy = new DelegatingRequestMatcherHeaderWriter(
				new NegatedRequestMatcher(path("/camunda/**")),
				new ContentSecurityPolicyHeaderWriter(settings.contentSecurityPolicy()));
		http.addFilterBefore(loginGate, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SessionRoles(identityService), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path("/login"), path("/error"), path("/css/**"), path("/js/**"), path("/img/**"),
						path("/vendor/**"), path("/favicon.ico"), path("/public/**"))
				.permitAll()
				// Camunda's Cockpit, Tasklist and Admin authenticate against the same users themselves
				.requestMatchers(path("/camunda/**")).permitAll()
				.anyRequest().authenticated())
			// redirects name a path, never a host taken from the request's Host header
			.formLogin(login -> login.loginPage("/login").successHandler(afterLogin()).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(path("/camunda/**")))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(toLoginPage())
				.accessDeniedHandler(new CsrfExpiredHandler(messages, objectMapper)))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()).addHeaderWriter(contentSecurityPolicy));
		return http.build();
	}

	/** To the log-in page by its path ({@code Location: /login}), not by an absolute URL built from the request. */
	private static org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint toLoginPage() {
		var entryPoint = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/** After the log-in, to the page asked for before (by its path only), else to the start page. */
	private static org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler afterLogin() {
		var handler = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl("/");
		handler.setRedirectStrategy(new RelativeRedirects());
		return handler;
	}

}
