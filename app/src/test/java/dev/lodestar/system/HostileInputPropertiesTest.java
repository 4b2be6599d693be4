package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.lead.LeadProcess;
import dev.lodestar.lead.LeadService;
import dev.lodestar.lead.NewLead;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and hostile values against the JSON API (leads, complaints, customers, task
 * completion), run by jqwik beside JUnit Jupiter: whatever comes in, the answer is never a 5xx,
 * and a refused request leaves nothing behind (no row, no process instance, no completed task).
 * Uses the Spring context of {@link LodestarIntegrationTest} (the same cached context as the
 * other integration tests) through Spring's {@link TestContextManager}.
 */
@LodestarIntegrationTest
class HostileInputPropertiesTest {

	private static final int TRIES = 60;
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private static final Map<String, int[]> FIGURES = new ConcurrentHashMap<>();

	private static ApplicationContext context;
	private static int port;
	private static ObjectMapper json;
	private static JdbcTemplate jdbc;

	@BeforeContainer
	static void start() throws Exception {
		context = new TestContextManager(HostileInputPropertiesTest.class).getTestContext().getApplicationContext();
		port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		json = context.getBean(ObjectMapper.class);
		jdbc = context.getBean(JdbcTemplate.class);
	}

	// ---- values ---------------------------------------------------------------------------------

	/** What a careless or hostile client sends in a field. */
	@Provide
	static Arbitrary<Object> hostile() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
				Arbitraries.strings().withChars('a', '\u0000', 'é', '中', '\'', '<').ofMinLength(1).ofMaxLength(12)
					.map(Object.class::cast),
				Arbitraries.of("x".repeat(100_000), "yes", "no", "true", "1e20", "NaN", "-1", "", " ", "null")
					.map(Object.class::cast),
				Arbitraries.of(1e20, -1e20, -1, 0, 1, 5, 40, 99.5, 1e12 + 1, Long.MAX_VALUE).map(Object.class::cast),
				Arbitraries.of(true, false).map(Object.class::cast), Arbitraries.just(null),
				Arbitraries.just(List.of("a", 1)), Arbitraries.just(Map.of("nested", "object")));
	}

	private static Arbitrary<Map<String, Object>> body(List<String> fields) {
		return Arbitraries.maps(Arbitraries.of(fields), hostile()).ofMaxSize(fields.size()).map(HashMap::new);
	}

	@Provide
	Arbitrary<Map<String, Object>> leads() {
		return Combinators.combine(body(List.of("company", "contactName", "email", "phone", "source", "region", "notes",
				"segment", "estimatedValue")), Arbitraries.of("WEB", "REFERRAL", "EVENT"), Arbitraries.of("NA", "EMEA"))
			.as((map, source, region) -> {
				if (Math.abs(map.hashCode()) % 2 == 0) { // half of them close to valid
					map.putIfAbsent("company", "Acme " + map.hashCode());
					map.putIfAbsent("source", source);
					map.putIfAbsent("region", region);
				}
				return map;
			});
	}

	@Provide
	Arbitrary<Map<String, Object>> complaints() {
		return body(List.of("customerName", "customerEmail", "customerPhone", "channel", "category", "description",
				"customerId", "receivedAt")).map(map -> {
					if (Math.abs(map.hashCode()) % 2 == 0) {
						map.putIfAbsent("customerName", "Pat " + map.hashCode());
						map.putIfAbsent("customerPhone", "+49 30 " + (1000000 + Math.abs(map.hashCode() % 8999999)));
						map.putIfAbsent("channel", "PHONE");
						map.putIfAbsent("category", "SERVICE");
						map.putIfAbsent("description", "It broke.");
					}
					return map;
				});
	}

	@Provide
	Arbitrary<Map<String, Object>> customers() {
		return body(List.of("kind", "name", "contactName", "email", "phone", "region", "segment"));
	}

	@Provide
	Arbitrary<Map<String, Object>> qualifications() {
		return body(List.of("qualified", "budget", "decisionMaker", "need", "timeline", "disqualifyReason",
				"discountApprovalThreshold", "owner"));
	}

	// ---- properties --------------------------------------------------------------------------

	@Property(tries = TRIES)
	void leadCaptureNeverFailsOnTheServerAndARefusalWritesNothing(@ForAll("leads") Map<String, Object> lead)
			throws Exception {
		checkCreation("leads", "/api/leads", "alice", lead, "select count(*) from crm_lead", "lead-to-sale");
	}

	@Property(tries = TRIES)
	void complaintIntakeNeverFailsOnTheServerAndARefusalWritesNothing(
			@ForAll("complaints") Map<String, Object> complaint) throws Exception {
		checkCreation("complaints", "/api/complaints", "carol", complaint, "select count(*) from crm_complaint",
				"complaint-to-resolution");
	}

	@Property(tries = TRIES)
	void customerCreationNeverFailsOnTheServerAndARefusalWritesNothing(
			@ForAll("customers") Map<String, Object> customer) throws Exception {
		checkCreation("customers", "/api/customers", "carol", customer, "select count(*) from crm_customer", null);
	}

	@Property(tries = TRIES)
	void taskCompletionNeverFailsOnTheServerAndARefusalLeavesTheTaskAsItWas(
			@ForAll("qualifications") Map<String, Object> values) throws Exception {
		Task task = openQualifyTask();
		long leadId = Long.parseLong(context.getBean(org.camunda.bpm.engine.RuntimeService.class)
			.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey());
		var response = post("alice", "/api/tasks/" + task.getId() + "/complete", values);
		count("task completion", response.statusCode());
		TaskService tasks = context.getBean(TaskService.class);
		if (response.statusCode() >= 400) {
			Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
			assertThat(still).as(response.body()).isNotNull();
			assertThat(still.getAssignee()).isNull();
			assertThat(context.getBean(LeadService.class).get(leadId).stage().name()).isEqualTo("QUALIFYING");
			assertThat(tasks.getVariable(task.getId(), "discountApprovalThreshold")).isNull();
		}
		else {
			assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
			assertThat(context.getBean(LeadService.class).get(leadId).stage().name()).isIn("QUALIFIED", "DISQUALIFIED",
					"PROPOSAL", "OPPORTUNITY");
		}
	}

	// ---- helpers -----------------------------------------------------------------------------

	private static Task current;

	private static Task openQualifyTask() {
		TaskService tasks = context.getBean(TaskService.class);
		if (current != null && tasks.createTaskQuery().taskId(current.getId()).count() == 1) {
			return current;
		}
		long leadId = context.getBean(LeadService.class)
			.capture(new NewLead("Property " + System.nanoTime(), "Pat Doe", null, null, "WEB", "NA", null, null, null),
					"alice")
			.id();
		current = tasks.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult();
		return current;
	}

	private void checkCreation(String name, String path, String user, Map<String, Object> body, String countRows,
			String processKey) throws Exception {
		synchronized (HostileInputPropertiesTest.class) {
			long rows = jdbc.queryForObject(countRows, Long.class);
			long instances = processKey == null ? 0
					: context.getBean(HistoryService.class)
						.createHistoricProcessInstanceQuery()
						.processDefinitionKey(processKey)
						.count();
			var response = post(user, path, body);
			count(name, response.statusCode());
			if (response.statusCode() >= 400) {
				assertThat(jdbc.queryForObject(countRows, Long.class)).as(response.body()).isEqualTo(rows);
				if (processKey != null) {
					assertThat(context.getBean(HistoryService.class)
						.createHistoricProcessInstanceQuery()
						.processDefinitionKey(processKey)
						.count()).isEqualTo(instances);
				}
			}
		}
	}

	private static void count(String name, int status) {
		assertThat(status).as(name + " answered a server error").isLessThan(500);
		int[] figures = FIGURES.computeIfAbsent(name, n -> new int[2]);
		figures[status < 300 ? 0 : 1]++;
		if (figures[0] + figures[1] == TRIES) {
			System.out.printf("jqwik %s: %d tries, %d accepted (2xx), %d refused (4xx), 0 server errors%n", name, TRIES,
					figures[0], figures[1]);
		}
	}

	private static HttpResponse<String> post(String user, String path, Object body) throws Exception {
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
