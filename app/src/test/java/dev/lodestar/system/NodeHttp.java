package dev.lodestar.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/** Plain HTTP calls against an {@link AppNode}: HTTP Basic JSON calls, and a browser-like form login. */
final class NodeHttp {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private NodeHttp() {
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	static HttpResponse<String> postJson(AppNode node, String path, String user, String json) throws IOException {
		return send(HttpRequest.newBuilder(node.uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic(user))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	static HttpResponse<String> get(AppNode node, String path, String user) throws IOException {
		return send(HttpRequest.newBuilder(node.uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic(user))
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	/** A GET with a session cookie only, as a browser would send it. */
	static HttpResponse<String> getWithSession(AppNode node, String path, String sessionCookie) throws IOException {
		return send(HttpRequest.newBuilder(node.uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Cookie", sessionCookie)
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	/** Logs in through the login form; returns the session cookie ({@code SESSION=...}). */
	static String logIn(AppNode node, String user) throws IOException {
		var page = send(HttpRequest.newBuilder(node.uri("/login")).timeout(Duration.ofSeconds(30)).GET().build());
		String csrfCookie = cookie(page, "XSRF-TOKEN");
		var field = CSRF_FIELD.matcher(page.body());
		if (csrfCookie == null || !field.find()) {
			throw new IllegalStateException("no CSRF token on the login page: " + page.statusCode());
		}
		String token = field.group(1) != null ? field.group(1) : field.group(2);
		String form = "username=" + enc(user) + "&password=" + enc(user) + "&_csrf=" + enc(token);
		var response = send(HttpRequest.newBuilder(node.uri("/login"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		String session = cookie(response, "SESSION");
		if (response.statusCode() != 302 || session == null || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login of " + user + " failed: " + response.statusCode() + " "
					+ response.headers().map());
		}
		return session;
	}

	static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	static HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	static URI uri(AppNode node, String path) {
		return node.uri(path);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
