package dev.lodestar.access;

import java.io.IOException;
import java.net.URI;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A missing or stale CSRF token almost always means an expired session or a page left open too
 * long: say so, in the user's language, and tell them to reload (403 problem details for the
 * API, a short page for a form). Other refusals keep Spring Security's handling.
 */
class CsrfExpiredHandler implements AccessDeniedHandler {

	private final MessageSource messages;
	private final ObjectMapper json;
	private final AccessDeniedHandler others = new AccessDeniedHandlerImpl();

	CsrfExpiredHandler(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (!(denied instanceof CsrfException)) {
			if (api) {
				new ProblemAuthenticationHandlers(json).handle(request, response, denied);
			}
			else {
				others.handle(request, response, denied);
			}
			return;
		}
		String text = messages.getMessage("platform.csrf.expired", null,
				"Your session has expired or this page is out of date. Reload the page and try again.",
				request.getLocale());
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setCharacterEncoding("UTF-8");
		if (api) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text);
			problem.setTitle("Session expired");
			problem.setType(URI.create("urn:lodestar:session-expired"));
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem);
			return;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.getWriter()
			.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Lodestar</title>"
					+ "<link rel=\"stylesheet\" href=\"/css/lodestar.css\"></head><body><main><p role=\"alert\">"
					+ HtmlUtils.htmlEscape(text) + "</p><p><a href=\"/\">Lodestar</a></p></main></body></html>");
	}

}
