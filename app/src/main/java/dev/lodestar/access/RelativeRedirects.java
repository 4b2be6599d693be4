package dev.lodestar.access;

import java.io.IOException;
import java.net.URI;

import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.util.UrlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Redirects by path only. Spring Security builds some redirects as absolute URLs from the
 * request (the page saved before the log-in), which would send a browser to whatever host the
 * request's {@code Host} header named; Lodestar redirects only to itself, so the scheme and host
 * are dropped and the browser stays where it is.
 */
final class RelativeRedirects extends DefaultRedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		super.sendRedirect(request, response, relative(url));
	}

	static String relative(String url) {
		if (url == null || !UrlUtils.isAbsoluteUrl(url)) {
			return url;
		}
		URI uri = URI.create(url);
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
				+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
	}

}
