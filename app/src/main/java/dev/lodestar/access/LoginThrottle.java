package dev.lodestar.access;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.lodestar.system.EngineClock;

/**
 * Slows password guessing per client address, not per user: after
 * {@link AccessSettings#loginMaxFailures()} failed log-ins from one address within
 * {@link AccessSettings#loginWindow()}, further log-in attempts from that address (the login
 * form, HTTP Basic, the log-in of Camunda's web apps) are refused with 429 and a message that says
 * why and for how long. Nobody can lock a colleague out by typing wrong passwords for her name,
 * since the lock is on the address. The engine's own per-user lock and delay are off
 * (application.yml), so this is the only brake on guessing, and it counts every way in.
 */
@Component
public class LoginThrottle {

	private final AccessSettings settings;
	private final Clock clock;
	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(AccessSettings settings, Optional<Clock> clock) {
		this.settings = settings;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			failedFrom(details.getRemoteAddress());
		}
	}

	/** A log-in from this address failed (a wrong password, an unknown user). */
	void failedFrom(String address) {
		Deque<Instant> times = failures.computeIfAbsent(address, a -> new ConcurrentLinkedDeque<>());
		times.addLast(clock.instant());
		prune(times);
	}

	/** How long this address must wait before it may try again; zero when it may try now. */
	public Duration waitFor(String address) {
		Deque<Instant> times = failures.get(address);
		if (times == null) {
			return Duration.ZERO;
		}
		prune(times);
		if (times.size() < settings.loginMaxFailures()) {
			return Duration.ZERO;
		}
		Instant oldest = times.peekFirst();
		return oldest == null ? Duration.ZERO : Duration.between(clock.instant(), oldest.plus(settings.loginWindow()));
	}

	/** Forgets an address's failures (an administrator's relief, and tests). */
	public void forget(String address) {
		failures.remove(address);
	}

	private void prune(Deque<Instant> times) {
		Instant horizon = clock.instant().minus(settings.loginWindow());
		while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
			times.pollFirst();
		}
	}

	/**
	 * The filter in front of every way to log in. Camunda's web apps (Cockpit, Tasklist, Admin)
	 * check the password themselves, against the engine's identity service, and answer a wrong
	 * one with 401: Spring Security sees no failure there, so the gate counts those answers.
	 */
	static class Gate extends OncePerRequestFilter {

		/** Camunda's web-app log-in: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
		private static final java.util.regex.Pattern CAMUNDA_LOGIN = java.util.regex.Pattern
			.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

		private final LoginThrottle throttle;
		private final MessageSource messages;
		private final ObjectMapper json;

		Gate(LoginThrottle throttle, MessageSource messages, ObjectMapper json) {
			this.throttle = throttle;
			this.messages = messages;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean camundaLogin = "POST".equals(request.getMethod()) && CAMUNDA_LOGIN
				.matcher(request.getRequestURI().substring(request.getContextPath().length()))
				.matches();
			boolean loggingIn = ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()))
					|| camundaLogin
					|| (request.getHeader("Authorization") != null
							&& request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6));
			Duration wait = loggingIn ? throttle.waitFor(request.getRemoteAddr()) : Duration.ZERO;
			if (wait.isZero() || wait.isNegative()) {
				chain.doFilter(request, response);
				if (camundaLogin && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
					throttle.failedFrom(request.getRemoteAddr());
				}
				return;
			}
			long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
			Locale locale = request.getLocale();
			String text = messages.getMessage("platform.login.throttled", new Object[] { minutes },
					"Too many failed log-ins from your network address. Wait " + minutes + " minutes, then try again.",
					locale);
			response.setHeader("Retry-After", String.valueOf(wait.getSeconds() + 1));
			if ("/login".equals(request.getServletPath())) {
				response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
				return;
			}
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, text);
			problem.setTitle("Too many failed log-ins");
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem);
		}

	}

}
