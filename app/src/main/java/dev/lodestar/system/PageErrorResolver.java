package dev.lodestar.system;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page (a controller method that renders a template) that fails with one of the app's errors
 * answers with the error page in words, in the user's language, and the right status — not with
 * the problem details JSON that API clients get from {@link ProblemDetailsAdvice}, and not with
 * Spring's Whitelabel page. API handlers ({@code @ResponseBody}) are left to the advice.
 * Errors outside any handler (an unknown path, a role refused by the security filters) reach
 * Spring Boot's error controller, which renders the same {@code error} template.
 * <p>
 * This is the one place that turns a refusal into a page: controllers throw
 * {@link PageRefusedException} (or let a service's {@link NotFoundException} or
 * {@link AccessDeniedException} through) and declare no exception handlers of their own.
 */
@Component
class PageErrorResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public int getOrder() {
		// after Boot's DefaultErrorAttributes (which only records the exception), before the advice
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(handler instanceof HandlerMethod method) || isApi(method)) {
			return null;
		}
		HttpStatus status = statusOf(ex);
		if (status == null) {
			return null;
		}
		response.setStatus(status.value());
		var model = new HashMap<String, Object>(Map.of("status", status.value(), "path", request.getRequestURI()));
		if (ex instanceof PageRefusedException refused && refused.detailKey() != null) {
			model.put("detailKey", refused.detailKey());
		}
		return new ModelAndView("error", model, status);
	}

	private static boolean isApi(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getMethod(), ResponseBody.class)
				|| org.springframework.http.HttpEntity.class.isAssignableFrom(method.getMethod().getReturnType());
	}

	private static HttpStatus statusOf(Exception ex) {
		if (ex instanceof PageRefusedException refused) {
			return refused.status();
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// a path that names nothing (/customers/abc) is a page that does not exist
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof AccessDeniedException || ex instanceof AuthorizationException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof ConflictException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof InvalidInputException
				|| ex instanceof MethodArgumentTypeMismatchException) {
			return HttpStatus.BAD_REQUEST;
		}
		return null;
	}

}
