package dev.lodestar.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a person sees instead of a page they may not open (403) or that does not exist (404):
 * in words, in their language, with the header, never a Whitelabel page or raw JSON. Page
 * controllers return it from their {@code @ExceptionHandler}s.
 */
public final class ProblemPage {

	private ProblemPage() {
	}

	/** 403: the user's roles do not open this page. */
	public static ModelAndView forbidden() {
		return of(HttpStatus.FORBIDDEN);
	}

	/** 404: nothing here, or nothing this user may know of. */
	public static ModelAndView notFound() {
		return of(HttpStatus.NOT_FOUND);
	}

	/** The one error page ({@code templates/error.html}), which Spring Boot's error controller renders too. */
	private static ModelAndView of(HttpStatus status) {
		var page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		return page;
	}

}
