package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.SeededRandom;
import dev.lodestar.lead.LeadProcess;
import dev.lodestar.lead.NewLead;

/**
 * Random and hostile values against the JSON API (leads, complaints, customers, task
 * completion): whatever comes in, the answer is never a 5xx, and a refused request leaves
 * nothing behind (no row, no process instance, no completed task). Each property draws its
 * {@value #TRIES} bodies from a {@link SeededRandom} that prints its seed; a failure names the
 * seed and the try, and {@code -Dlodestar.test.seed=<seed>} repeats the run.
 */
@LodestarIntegrationTest
class HostileInputPropertiesTest {

	private static final int TRIES = 60;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	dev.lodestar.lead.LeadCapture capture;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadSteps steps;

	// ---- values ---------------------------------------------------------------------------------

	/** What a careless or hostile client sends in a field. */
	static Object hostile(SeededRandom random) {
		return random.oneOf(() -> random.anyString(40),
				() -> random.stringOf(1, 12, 'a', '\u0000', 'é', '中', '\'', '<'),
				() -> random.oneOf(List.of("x".repeat(100_000), "yes", "no", "true", "1e20", "NaN", "-1", "", " ", "null")),
				() -> random.oneOf(List.<Object>of(1e20, -1e20, -1, 0, 1, 5, 40, 99.5, 1e12 + 1, Long.MAX_VALUE)),
				random::nextBoolean, () -> null, () -> List.of("a", 1), () -> Map.of("nested", "object"));
	}

	/** Some of the fields (none, a few or all of them), each with a hostile value. */
	static Map<String, Object> body(SeededRandom random, List<String> fields) {
		var names = new ArrayList<>(fields);
		Collections.shuffle(names, random.random());
		Map<String, Object> body = new HashMap<>();
		for (String name : names.subList(0, random.between(0, names.size()))) {
			body.put(name, hostile(random));
		}
		return body;
	}

	static Map<String, Object> lead(SeededRandom random) {
		var lead = body(random, List.of("company", "contactName", "email", "phone", "source", "region", "notes",
				"segment", "estimatedValue"));
		if (random.nextBoolean()) { // half of them close to valid
			lead.putIfAbsent("company", "Acme " + random.between(0, 1_000_000));
			lead.putIfAbsent("source", random.oneOf(List.of("WEB", "REFERRAL", "EVENT")));
			lead.putIfAbsent("region", random.oneOf(List.of("NA", "EMEA")));
		}
		return lead;
	}

	static Map<String, Object> complaint(SeededRandom random) {
		var complaint = body(random, List.of("customerName", "customerEmail", "customerPhone", "channel", "category",
				"description", "customerId", "receivedAt"));
		if (random.nextBoolean()) { // half of them close to valid
			complaint.putIfAbsent("customerName", "Pat " + random.between(0, 1_000_000));
			complaint.putIfAbsent("customerPhone", "+49 30 " + random.between(1_000_000, 9_999_998));
			complaint.putIfAbsent("channel", "PHONE");
			complaint.putIfAbsent("category", "SERVICE");
			complaint.putIfAbsent("description", "It broke.");
		}
		return complaint;
	}

	static Map<String, Object> customer(SeededRandom random) {
		return body(random, List.of("kind", "name", "contactName", "email", "phone", "region", "segment"));
	}

	static Map<String, Object> qualification(SeededRandom random) {
		return body(random, List.of("qualified", "budget", "decisionMaker", "need", "timeline", "disqualifyReason",
				"discountApprovalThreshold", "owner"));
	}

	// ---- properties --------------------------------------------------------------------------

	@Test
	void leadCaptureNeverFailsOnTheServerAndARefusalWritesNothing() throws Exception {
		forAll("leads", HostileInputPropertiesTest::lead, lead -> checkCreation("/api/leads", "alice", lead,
				"select count(*) from crm_lead", "lead-to-sale"));
	}

	@Test
	void complaintIntakeNeverFailsOnTheServerAndARefusalWritesNothing() throws Exception {
		forAll("complaints", HostileInputPropertiesTest::complaint, complaint -> checkCreation("/api/complaints",
				"carol", complaint, "select count(*) from crm_complaint", "complaint-to-resolution"));
	}

	@Test
	void customerCreationNeverFailsOnTheServerAndARefusalWritesNothing() throws Exception {
		forAll("customers", HostileInputPropertiesTest::customer,
				customer -> checkCreation("/api/customers", "carol", customer, "select count(*) from crm_customer", null));
	}

	@Test
	void taskCompletionNeverFailsOnTheServerAndARefusalLeavesTheTaskAsItWas() throws Exception {
		forAll("task completion", HostileInputPropertiesTest::qualification, values -> {
			Task task = openQualifyTask();
			long leadId = Long.parseLong(runtime.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.singleResult()
				.getBusinessKey());
			var response = post("alice", "/api/tasks/" + task.getId() + "/complete", values);
			if (response.statusCode() >= 400 && response.statusCode() < 500) {
				Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
				assertThat(still).as(response.body()).isNotNull();
				assertThat(still.getAssignee()).isNull();
				assertThat(pipeline.get(leadId).stage().name()).isEqualTo("QUALIFYING");
				assertThat(tasks.getVariable(task.getId(), "discountApprovalThreshold")).isNull();
			}
			else if (response.statusCode() < 300) {
				assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
				assertThat(pipeline.get(leadId).stage().name()).isIn("QUALIFIED", "DISQUALIFIED", "PROPOSAL",
						"OPPORTUNITY");
			}
			return response;
		});
	}

	// ---- the runner --------------------------------------------------------------------------

	interface Check<T> {

		HttpResponse<String> run(T value) throws Exception;

	}

	/**
	 * Runs the check on {@value #TRIES} generated values, fails on the first server error or
	 * broken promise naming the seed, the try and the value, and prints the figures.
	 */
	private <T> void forAll(String name, Function<SeededRandom, T> generator, Check<T> check) throws Exception {
		var random = SeededRandom.forProperty(getClass().getSimpleName() + " " + name);
		int accepted = 0;
		int refused = 0;
		for (int i = 1; i <= TRIES; i++) {
			T value = generator.apply(random);
			String where = name + ", " + random + ", try " + i + " of " + TRIES + ", value " + abbreviated(value);
			HttpResponse<String> response;
			try {
				response = check.run(value);
			}
			catch (AssertionError | Exception failure) {
				throw new AssertionError(where + ": " + failure.getMessage(), failure);
			}
			assertThat(response.statusCode()).as(where + " answered a server error: " + response.body()).isLessThan(500);
			if (response.statusCode() < 300) {
				accepted++;
			}
			else {
				refused++;
			}
		}
		System.out.printf("property %s: %s, %d tries, %d accepted (2xx), %d refused (4xx), 0 server errors%n", name,
				random, TRIES, accepted, refused);
	}

	private static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
	}

	// ---- helpers -----------------------------------------------------------------------------

	private Task current;

	private Task openQualifyTask() {
		if (current != null && tasks.createTaskQuery().taskId(current.getId()).count() == 1) {
			return current;
		}
		long leadId = capture
			.capture(new NewLead("Property " + System.nanoTime(), "Pat Doe", null, null, "WEB", "NA", null, null, null),
					"alice")
			.id();
		current = tasks.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult();
		return current;
	}

	private HttpResponse<String> checkCreation(String path, String user, Map<String, Object> body, String countRows,
			String processKey) throws Exception {
		long rows = jdbc.queryForObject(countRows, Long.class);
		long instances = processKey == null ? 0
				: history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
		var response = post(user, path, body);
		if (response.statusCode() >= 400 && response.statusCode() < 500) {
			assertThat(jdbc.queryForObject(countRows, Long.class)).as(response.body()).isEqualTo(rows);
			if (processKey != null) {
				assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count())
					.as(response.body())
					.isEqualTo(instances);
			}
		}
		return response;
	}

	private HttpResponse<String> post(String user, String path, Object body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
