package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;
import dev.lodestar.lead.LeadProcess;

/**
 * Tasklist's copy of the REST API ({@code /camunda/api/engine}) reads JSON within
 * {@link JsonInputLimits} like {@code /engine-rest}: a variable {@code 1e999999999}, an amount too
 * large for its column ({@code 1e20}, {@code 1e13}) and text with a NUL answer 400 in well under a
 * second, and the task stays open. Before, only Jackson's global number length limit reached it.
 *
 * <p>Runs first, in the first context: Camunda's web apps keep their runtime in JVM-wide
 * statics, set by the context that started last.
 */
@LodestarIntegrationTest
@Order(1)
class TasklistNumbersIntegrationTest {

	private static final List<String> HOSTILE = List.of("1e999999999", "1e20", "1e13");

	private static final long MAX_MILLIS = 1000;

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	TaskService taskService;

	@Test
	void hugeNumbersAndNulTextAnswer400FastOnTasklistsApiAndTheTaskStaysOpen() throws Exception {
		var api = new ApiClient(port);
		String proposalTask = proposalTask(api);
		String task = "/camunda/api/engine/engine/" + processEngine.getName() + "/task/" + proposalTask;
		String followUp = Instant.now().plus(5, ChronoUnit.DAYS).toString();
		var tasklist = new Tasklist("alice");
		// warm up: the first call of the web app's API starts its Jersey application
		assertThat(tasklist.send("GET", task, null).statusCode()).isEqualTo(200);
		tasklist.send("POST", task + "/complete", """
				{"variables":{"amount":{"value":"x"}}}""");

		for (String number : HOSTILE) {
			for (String call : List.of("/complete", "/submit-form")) {
				var untyped = timed(number + " untyped " + call, () -> tasklist.send("POST", task + call, """
						{"variables":{"amount":{"value":%s},"decisionMaker":{"value":"COO Lee"},
						 "nextFollowUp":{"value":"%s"}}}""".formatted(number, followUp)));
				assertThat(untyped.statusCode()).as(number + " " + untyped.body()).isEqualTo(400);
				assertThat(untyped.body()).as(number).contains("amount");

				var typed = timed(number + " Double " + call, () -> tasklist.send("POST", task + call, """
						{"variables":{"amount":{"value":%s,"type":"Double"},"decisionMaker":{"value":"COO Lee"},
						 "nextFollowUp":{"value":"%s"}}}""".formatted(number, followUp)));
				assertThat(typed.statusCode()).as(number + " " + typed.body()).isEqualTo(400);
			}
		}
		for (String call : List.of("/complete", "/submit-form")) {
			var nul = timed("NUL text " + call, () -> tasklist.send("POST", task + call, """
					{"variables":{"amount":{"value":5000},"decisionMaker":{"value":"COO\\u0000Lee"},
					 "nextFollowUp":{"value":"%s"}}}""".formatted(followUp)));
			assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
			assertThat(nul.body()).contains("NUL");
		}
		assertThat(taskService.createTaskQuery().taskId(proposalTask).count()).isEqualTo(1);
		assertThat(taskService.getVariable(proposalTask, "nextFollowUp")).isNull();
	}

	private static HttpResponse<String> timed(String what, Call call) throws Exception {
		long start = System.nanoTime();
		var response = call.send();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Tasklist %-36s -> %d in %d ms: %s%n", what, response.statusCode(), millis,
				response.body().length() > 160 ? response.body().substring(0, 160) : response.body());
		assertThat(millis).as(what + " took").isLessThan(MAX_MILLIS);
		return response;
	}

	@FunctionalInterface
	private interface Call {

		HttpResponse<String> send() throws Exception;

	}

	private String proposalTask(ApiClient api) {
		var captured = api.post("alice", "/api/leads", """
				{"company":"Numbers %s","contactName":"Pat","source":"WEB","region":"NA","estimatedValue":5000}"""
			.formatted(UUID.randomUUID()));
		assertThat(captured.status()).as(captured.body()).isEqualTo(201);
		long id = captured.json().at("/id").asLong();
		var qualified = api.post("alice", "/api/leads/" + id + "/qualification", """
				{"qualified":true,"budget":"60k approved","decisionMaker":"COO Lee","need":"one view","timeline":"Q1"}""");
		assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.taskDefinitionKey(LeadProcess.PREPARE_PROPOSAL)
			.singleResult()
			.getId();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** A browser signed in to Camunda Tasklist (its own session and XSRF cookie). */
	private final class Tasklist {

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();

		private final String xsrf;

		Tasklist(String user) throws Exception {
			String name = processEngine.getName();
			client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/" + name + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			var login = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + name + "/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", cookie())
				.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			// the first read after the log-in hands out the new session's XSRF token
			var me = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + name))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(me.body()).contains("\"userId\":\"" + user + "\"");
			this.xsrf = cookie();
		}

		HttpResponse<String> send(String method, String path, String body) throws Exception {
			var request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf);
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		private String cookie() {
			var cookies = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.toList();
			return cookies.stream()
				.filter(c -> c.getPath() != null && c.getPath().startsWith("/camunda"))
				.findFirst()
				.orElse(cookies.get(cookies.size() - 1))
				.getValue();
		}

	}

}
