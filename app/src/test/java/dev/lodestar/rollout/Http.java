package dev.lodestar.rollout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the API tests: HTTP Basic as a demo user, JSON in and out. */
record Http(int port, ObjectMapper json) {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	Response get(String path, String user) throws IOException, InterruptedException {
		return send(builder(path, user).GET().build());
	}

	Response post(String path, String user, Object body) throws IOException, InterruptedException {
		return send(builder(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build());
	}

	Response put(String path, String user, Object body) throws IOException, InterruptedException {
		return send(builder(path, user).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build());
	}

	Response delete(String path, String user) throws IOException, InterruptedException {
		return send(builder(path, user).DELETE().build());
	}

	private HttpRequest.Builder builder(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json, text/markdown")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

	private Response send(HttpRequest request) throws IOException, InterruptedException {
		var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	record Response(int status, String body, ObjectMapper mapper) {

		JsonNode json() {
			try {
				return mapper.readTree(body);
			}
			catch (IOException e) {
				throw new IllegalStateException(body, e);
			}
		}

	}

}
