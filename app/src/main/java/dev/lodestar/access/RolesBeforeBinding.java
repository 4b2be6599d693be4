package dev.lodestar.access;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.expression.DefaultWebSecurityExpressionHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks a handler's role rule ({@code @PreAuthorize("hasAnyRole(...)")} on the method or its
 * class) before its arguments are bound: otherwise a role that may not call an endpoint learns
 * from a 400 what the body should look like, instead of hearing 403. Rules that name the
 * method's arguments cannot be judged yet; method security judges them as before.
 */
@Component
class RolesBeforeBinding implements HandlerInterceptor {

	private final DefaultWebSecurityExpressionHandler expressions = new DefaultWebSecurityExpressionHandler();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (rule == null || rule.value().contains("#") || authentication == null) {
			return true;
		}
		Boolean allowed;
		try {
			var context = expressions.createEvaluationContext(authentication,
					new FilterInvocation(request, response, (req, res) -> {
					}));
			allowed = expressions.getExpressionParser().parseExpression(rule.value()).getValue(context, Boolean.class);
		}
		catch (EvaluationException ex) {
			return true; // not a web expression: method security decides
		}
		if (!Boolean.TRUE.equals(allowed)) {
			throw new AccessDeniedException("Your roles do not allow this.");
		}
		return true;
	}

}
