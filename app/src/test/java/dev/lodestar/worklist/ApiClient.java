package dev.lodestar.worklist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON API as a demo user calls it: HTTP Basic, HTTP/1.1. */
record ApiClient(int port, ObjectMapper json) {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	record Reply(int status, JsonNode body, String text) {
	}

	Reply get(String user, String path) {
		return send(user, "GET", path, null, null);
	}

	Reply post(String user, String path, Object body) {
		return send(user, "POST", path, body, null);
	}

	Reply put(String user, String path, Object body) {
		return send(user, "PUT", path, body, null);
	}

	Reply delete(String user, String path) {
		return send(user, "DELETE", path, null, null);
	}

	Reply send(String user, String method, String path, Object body, String language) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json, application/problem+json")
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
			if (language != null) {
				request.header("Accept-Language", language);
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode node = text == null || text.isBlank() || !text.strip().startsWith("{") && !text.strip().startsWith("[")
					? null : json.readTree(text);
			return new Reply(response.statusCode(), node, text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
