package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;

/**
 * {@code /error} asked for directly is no server error, and no redirect carries a host the
 * request named: raw HTTP, since Java's client will not send a forged {@code Host} header.
 */
@LodestarIntegrationTest
class ErrorPathAndRedirectIntegrationTest {

	private static final String EVIL = "evil.example:4444";

	@LocalServerPort
	int port;

	@Test
	void errorAskedForDirectlyIsNotFoundAsAPageAndAsProblemDetailsNeverAServerError() throws IOException {
		for (String path : List.of("/error", "/error/", "/error?status=500", "/error;x=1")) {
			Response page = send("GET " + path, Map.of("Accept", "text/html"), null);
			assertThat(page.status).as("page " + path).isEqualTo(404);
			assertThat(page.body).as(path).contains("error-page");
			Response api = send("GET " + path, Map.of("Accept", "application/json"), null);
			assertThat(api.status).as("json " + path).isEqualTo(404);
			Response posted = send("POST " + path, Map.of("Accept", "application/json", "Content-Type", "application/json"), "{}");
			assertThat(posted.status).as("post " + path).isLessThan(500);
		}
		Response basic = send("GET /error", Map.of("Accept", "application/json", "Authorization", basic("alice")), null);
		assertThat(basic.status).isEqualTo(404);
		// a real error of an API still answers with its own status
		assertThat(send("GET /api/no-such-endpoint", Map.of("Accept", "application/json", "Authorization", basic("alice")),
				null).status).isEqualTo(404);
	}

	@Test
	void theLoginRedirectNamesAPathNotTheHostTheRequestClaimed() throws IOException {
		Response toLogin = send("GET /leads", Map.of("Host", EVIL, "Accept", "text/html"), null);
		assertThat(toLogin.status).isEqualTo(302);
		assertThat(toLogin.header("Location")).isEqualTo("/login");

		for (String path : List.of("/", "/customers", "/logout", "/camunda/", "/camunda/app/", "/insight")) {
			Response response = send("GET " + path, Map.of("Host", EVIL, "Accept", "text/html"), null);
			if (response.header("Location") != null) {
				assertThat(response.header("Location")).as(path).doesNotContain("evil.example").startsWith("/");
			}
		}
	}

	@Test
	void afterTheLogInThePageAskedForIsReachedByItsPathNotByTheClaimedHost() throws IOException {
		// the page asked for under a forged Host is saved in the session ...
		Response asked = send("GET /customers", Map.of("Host", EVIL, "Accept", "text/html"), null);
		String cookies = asked.cookies();
		assertThat(cookies).isNotEmpty();
		Response login = send("GET /login", Map.of("Accept", "text/html", "Cookie", cookies), null);
		cookies = merge(cookies, login.cookies());
		String csrf = cookieValue(cookies, "XSRF-TOKEN");
		assertThat(csrf).as("csrf cookie in " + cookies).isNotNull();
		// ... and the log-in sends the browser back to it by its path only
		String form = "username=alice&password=alice&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		Response loggedIn = send("POST /login", Map.of("Host", EVIL, "Accept", "text/html", "Cookie", cookies,
				"Content-Type", "application/x-www-form-urlencoded"), form);
		assertThat(loggedIn.status).as(loggedIn.body).isEqualTo(302);
		assertThat(loggedIn.header("Location")).doesNotContain("evil.example").startsWith("/customers");
	}

	private static String basic(String user) {
		return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	private static String merge(String a, String b) {
		var all = new LinkedHashMap<String, String>();
		for (String c : (a + "; " + b).split(";\\s*")) {
			int eq = c.indexOf('=');
			if (eq > 0) {
				all.put(c.substring(0, eq), c.substring(eq + 1));
			}
		}
		var out = new ArrayList<String>();
		all.forEach((k, v) -> out.add(k + "=" + v));
		return String.join("; ", out);
	}

	private static String cookieValue(String cookies, String name) {
		for (String c : cookies.split(";\\s*")) {
			if (c.startsWith(name + "=")) {
				return c.substring(name.length() + 1);
			}
		}
		return null;
	}

	private Response send(String requestLine, Map<String, String> headers, String body) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			var request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
			var all = new LinkedHashMap<String, String>();
			all.put("Host", "localhost:" + port);
			all.putAll(headers);
			all.put("Connection", "close");
			byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			if (body != null) {
				all.put("Content-Length", String.valueOf(bytes.length));
			}
			all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			InputStream in = socket.getInputStream();
			var raw = new ByteArrayOutputStream();
			in.transferTo(raw);
			String text = raw.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, split).split("\r\n");
			var response = new Response(Integer.parseInt(lines[0].split(" ")[1]), text.substring(split + 4));
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				response.headers.add(Map.entry(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip()));
			}
			return response;
		}
	}

	private static final class Response {

		final int status;

		final String body;

		final List<Map.Entry<String, String>> headers = new ArrayList<>();

		Response(int status, String body) {
			this.status = status;
			this.body = body;
		}

		String header(String name) {
			return headers.stream().filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT))).map(Map.Entry::getValue)
				.findFirst().orElse(null);
		}

		String cookies() {
			return String.join("; ", headers.stream()
				.filter(h -> h.getKey().equals("set-cookie"))
				.map(h -> h.getValue().split(";", 2)[0])
				.toList());
		}

	}

}
