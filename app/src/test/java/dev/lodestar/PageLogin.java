package dev.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A user logged in through the login form, as a browser is (session cookie, CSRF token). */
public record PageLogin(HttpClient http, String base) {

	public static PageLogin as(int port, String user) throws Exception {
		var cookies = new CookieManager();
		var session = new PageLogin(
				HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build(),
				"http://localhost:" + port);
		session.get("/login");
		String csrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValue();
		String form = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		var login = session.http.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(login.statusCode()).isEqualTo(302);
		return session;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
