package dev.lodestar.customer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the JSON API as a demo user (HTTP Basic, password = user id), over HTTP/1.1. */
public class ApiClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	public ApiClient(int port) {
		this.port = port;
	}

	public Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response post(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
	}

	public Response put(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
	}

	public Response postBody(String user, String path, String contentType, String body) {
		return send(user, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Response send(String user, HttpRequest.Builder request) {
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		request.header("Accept", "application/json, application/problem+json");
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** A response with its body parsed on demand. */
	public record Response(int status, String body, String contentType, String location) {

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException e) {
				throw new IllegalStateException("not JSON: " + body, e);
			}
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
