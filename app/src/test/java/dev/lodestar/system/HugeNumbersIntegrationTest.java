package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;
import dev.lodestar.lead.LeadProcess;

/**
 * Numbers cannot hurt the server: {@code 1e999999999} (11 characters that are a billion digits
 * written out) and amounts too large for their column ({@code 1e20}, {@code 1e13} against
 * {@code numeric(15, 2)}) answer 400 naming the field, in well under a second, on every path an
 * amount comes in by, and the heap does not grow.
 */
@LodestarIntegrationTest
class HugeNumbersIntegrationTest {

	private static final List<String> HOSTILE = List.of("1e999999999", "1e20", "1e13");

	/** Per request: the old code took 7 s to run out of memory on the first. */
	private static final long MAX_MILLIS = 1000;

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	TaskService taskService;

	@Test
	void hugeAmountsAnswer400NamingTheFieldFastOnEveryPathAndTheHeapDoesNotGrow() {
		var api = new ApiClient(port);
		long leadInProposal = leadAwaitingProposal(api);
		String proposalTask = taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadInProposal))
			.taskDefinitionKey(LeadProcess.PREPARE_PROPOSAL)
			.singleResult()
			.getId();
		String engine = "/engine-rest/engine/" + processEngine.getName();
		String followUp = Instant.now().plus(5, ChronoUnit.DAYS).toString();
		// warm up the paths (class loading, caches) before the heap is measured
		// (the first call of /engine-rest starts Jersey: seconds on a busy machine)
		send(api, "warm-up", "", () -> api.post("alice", "/api/leads", lead("1", "x")));
		assertThat(api.get("alice", engine + "/task/" + proposalTask).status()).isEqualTo(200);

		long before = usedHeapAfterGc();
		for (String number : HOSTILE) {
			var captured = send(api, "POST /api/leads", "estimatedValue", () -> api.post("alice", "/api/leads",
					lead(number, UUID.randomUUID().toString())));
			assertThat(captured.status()).as(number + " " + captured.body()).isEqualTo(400);
			assertThat(captured.body()).contains("estimatedValue");

			var imported = send(api, "POST /api/leads/import", "estimatedValue",
					() -> api.postBody("alice", "/api/leads/import", "text/csv",
							"company,source,region,estimatedValue\nHuge " + number + ",WEB,NA," + number + "\n"));
			assertThat(imported.status()).as(number + " " + imported.body()).isEqualTo(200);
			assertThat(imported.json().at("/results/0/status").asText()).isEqualTo("FAILED");
			assertThat(imported.json().at("/results/0/errors").findValuesAsText("field")).contains("estimatedValue");

			var proposed = send(api, "POST /api/leads/{id}/proposal", "amount", () -> api.post("alice",
					"/api/leads/" + leadInProposal + "/proposal", proposal(number, followUp)));
			assertThat(proposed.status()).as(number + " " + proposed.body()).isEqualTo(400);
			assertThat(proposed.body()).contains("amount");

			var completed = send(api, "POST /api/tasks/{id}/complete", "amount", () -> api.post("alice",
					"/api/tasks/" + proposalTask + "/complete", proposal(number, followUp)));
			assertThat(completed.status()).as(number + " " + completed.body()).isEqualTo(400);
			assertThat(completed.body()).contains("amount");

			var viaEngine = send(api, "POST /engine-rest/task/{id}/complete", "amount", () -> api.post("alice",
					engine + "/task/" + proposalTask + "/complete", """
							{"variables":{"amount":{"value":%s},"decisionMaker":{"value":"COO Lee"},
							 "nextFollowUp":{"value":"%s"}}}""".formatted(number, followUp)));
			assertThat(viaEngine.status()).as(number + " " + viaEngine.body()).isEqualTo(400);
			assertThat(viaEngine.body()).contains("amount");

			// a decimal where /engine-rest reads one itself: refused while the body is read
			var started = send(api, "POST /engine-rest/task/{id}/complete", "typed Double", () -> api.post("alice",
					engine + "/task/" + proposalTask + "/complete", """
							{"variables":{"amount":{"value":"%s","type":"Double"}}}""".formatted(number)));
			assertThat(started.status()).as(number + " " + started.body()).isIn(400);
		}
		long after = usedHeapAfterGc();
		System.out.printf("used heap before %d MB, after %d MB: grew by %d MB%n", before >> 20, after >> 20,
				(after - before) >> 20);
		assertThat(after - before).as("heap growth in bytes").isLessThan(64L << 20);
		assertThat(taskService.createTaskQuery().taskId(proposalTask).count()).isEqualTo(1);
		var lead = api.get("alice", "/api/leads/" + leadInProposal).json();
		assertThat(lead.at("/openTasks/0/taskDefinitionKey").asText()).isEqualTo(LeadProcess.PREPARE_PROPOSAL);
	}

	@Test
	void typedVariablesOutOfRangeOnABareEngineRestStartAnswer400FastAndStartNothing() {
		var api = new ApiClient(port);
		String key = "huge-numbers-" + UUID.randomUUID().toString().substring(0, 8);
		processEngine.getRepositoryService()
			.createDeployment()
			.addModelInstance(key + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
				.startEvent()
				.userTask("wait")
				.endEvent()
				.done())
			.deploy();
		String start = "/engine-rest/engine/" + processEngine.getName() + "/process-definition/key/" + key + "/start";
		send(api, "warm-up", "", () -> api.post("frank", start, "{\"variables\":{\"x\":{\"value\":\"y\",\"type\":\"Long\"}}}"));
		String digits = "1234567890".repeat(6);
		List<String> values = List.of("1e999999999", "\"1e999999999\"", "-1e999999999", digits, "\"" + digits + "\"");
		for (String type : List.of("Double", "Integer", "Long", "Short")) {
			for (String value : type.equals("Double") ? values.subList(0, 3) : values) {
				var started = send(api, "POST .../start " + type, value.length() > 14 ? value.substring(0, 14) : value,
						() -> api.post("frank", start, """
								{"variables":{"x":{"value":%s,"type":"%s"}}}""".formatted(value, type)));
				assertThat(started.status()).as(type + " " + value + " " + started.body()).isEqualTo(400);
			}
		}
		assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count())
			.isZero();
		// a value in range still starts it
		var fine = api.post("frank", start, """
				{"variables":{"x":{"value":12.5,"type":"Double"}}}""");
		assertThat(fine.status()).as(fine.body()).isEqualTo(200);
	}

	@Test
	void amountsThatFitTheirColumnStillGoThrough() {
		var api = new ApiClient(port);
		var captured = api.post("alice", "/api/leads", lead("9999999999999.99", UUID.randomUUID().toString()));
		assertThat(captured.status()).as(captured.body()).isEqualTo(201);
		assertThat(captured.json().at("/estimatedValue").decimalValue()).isEqualByComparingTo("9999999999999.99");
		var decimals = api.post("alice", "/api/leads", lead("12.345", UUID.randomUUID().toString()));
		assertThat(decimals.status()).as(decimals.body()).isEqualTo(400);
		assertThat(decimals.body()).contains("estimatedValue", "decimal places");
	}

	private static ApiClient.Response send(ApiClient api, String path, String field,
			java.util.function.Supplier<ApiClient.Response> request) {
		long start = System.nanoTime();
		var response = request.get();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("%-40s %-14s -> %d in %d ms%n", path, field, response.status(), millis);
		if (!path.equals("warm-up")) {
			// the warm-up starts what the first call of a path starts: seconds on a busy machine
			assertThat(millis).as(path + " took").isLessThan(MAX_MILLIS);
		}
		return response;
	}

	private static String lead(String estimatedValue, String tag) {
		return """
				{"company":"Numbers %s","contactName":"Pat","source":"WEB","region":"NA","estimatedValue":%s}"""
			.formatted(tag, estimatedValue);
	}

	private static String proposal(String amount, String followUp) {
		return """
				{"amount":%s,"discountPercent":5,"decisionMaker":"COO Lee","nextFollowUp":"%s"}"""
			.formatted(amount, followUp);
	}

	private static long leadAwaitingProposal(ApiClient api) {
		var captured = api.post("alice", "/api/leads", lead("5000", UUID.randomUUID().toString()));
		assertThat(captured.status()).as(captured.body()).isEqualTo(201);
		long id = captured.json().at("/id").asLong();
		var qualified = api.post("alice", "/api/leads/" + id + "/qualification", """
				{"qualified":true,"budget":"60k approved","decisionMaker":"COO Lee","need":"one view","timeline":"Q1"}""");
		assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
		return id;
	}

	private static long usedHeapAfterGc() {
		var runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
