package dev.lodestar.frontoffice;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A user logged in through the login form, as a browser would be (session cookie, CSRF token). */
final class PageSession {

	private final String base;
	private final CookieManager cookies = new CookieManager();
	private final HttpClient http;

	private PageSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	static PageSession logIn(int port, String user) {
		var session = new PageSession(port);
		var response = session.post("/login", Map.of("username", user, "password", user));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login of " + user + " failed: " + response.statusCode());
		}
		return session;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		if (csrf() == null) {
			get("/login");
		}
		var body = new java.util.HashMap<>(form);
		body.put("_csrf", csrf());
		String encoded = body.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(encoded))
			.build());
	}

	private String csrf() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
