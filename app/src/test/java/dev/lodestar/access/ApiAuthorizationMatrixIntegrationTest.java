package dev.lodestar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileCopyUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.lead.LeadProcess;
import dev.lodestar.lead.NewLead;

/**
 * The authorization matrix, generated from the OpenAPI document: every operation of
 * {@code /v3/api-docs} must have a row in one of the CSV files under
 * {@code src/test/resources/security/matrix/} (one per area), and every cell of every row is
 * called: {@code allow} = any status but 401/403, {@code deny} = 403 (or 404 where existence
 * is hidden), {@code public} = anonymous may call it; the anonymous column of a non-public
 * endpoint expects 401. Path variables get values that exist nowhere, so that no call changes
 * anything, while role checks (which come first) still answer 403; bodies are empty objects.
 * Plus the engine's REST API for one task: reading it, its variables, writing a variable,
 * reassigning it.
 *
 * <p>Runs in the shared context: the one allowed call that changes data (erin starts a KPI
 * review) does what other tests of that context do too.
 */
@LodestarIntegrationTest
class ApiAuthorizationMatrixIntegrationTest {

	private static final List<String> COLUMNS = List.of("anonymous", "alice", "bob", "carol", "dave", "erin", "frank",
			"grace", "admin");

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	dev.lodestar.lead.LeadCapture capture;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadSteps steps;

	@Autowired
	TaskService taskService;

	@Autowired
	ProcessEngine engine;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	record Operation(String method, String path, JsonNode spec) {
		String key() {
			return method + " " + path;
		}
	}

	@Test
	void everyOperationOfTheOpenApiDocumentHasARowAndEveryCellHolds() throws Exception {
		Map<String, Operation> operations = operations();
		Map<String, List<String>> rows = rows();

		var missing = new TreeSet<>(operations.keySet());
		missing.removeAll(rows.keySet());
		var stale = new TreeSet<>(rows.keySet());
		stale.removeIf(key -> key.contains(" /engine-rest/")); // not in the document: see theEngineRestRowsHold
		stale.removeAll(operations.keySet());
		assertThat(missing).as("operations of /v3/api-docs without a row in src/test/resources/security/matrix/*.csv "
				+ "(add one: method,path,anonymous,alice,...,admin)").isEmpty();
		assertThat(stale).as("rows for operations that /v3/api-docs does not have (path template or method wrong?)")
			.isEmpty();

		var wrong = new ArrayList<String>();
		int cells = 0;
		for (Operation operation : operations.values()) {
			List<String> row = rows.get(operation.key());
			for (int i = 0; i < COLUMNS.size(); i++) {
				String user = COLUMNS.get(i);
				String expected = row.get(i);
				HttpResponse<String> response = call(operation, "anonymous".equals(user) ? null : user);
				int status = response.statusCode();
				boolean holds = switch (expected) {
					case "public" -> status != 401 && status != 403;
					case "allow" -> status != 401 && status != 403 && status < 500;
					case "deny" -> "anonymous".equals(user) ? status == 401 : status == 403 || status == 404;
					default -> false;
				};
				cells++;
				if (!holds) {
					wrong.add(operation.key() + " as " + user + ": expected " + expected + ", got " + status + " "
							+ abbreviate(response.body()));
				}
			}
		}
		System.out.printf("Authorization matrix: %d operations, %d rows, %d cells called, %d wrong%n",
				operations.size(), rows.size(), cells, wrong.size());
		assertThat(wrong).as("cells of the authorization matrix that do not hold").isEmpty();
	}

	@Test
	void theEngineRestTaskAndVariableEndpointsFollowTheRolesToo() throws Exception {
		long leadId = capture.capture(new NewLead("Matrix " + System.nanoTime(), "Pat Doe", null, null, "WEB", "NA", null,
				null, null), "alice").id();
		Task task = taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult();
		String base = "/engine-rest/engine/" + engine.getName() + "/task/" + task.getId();
		// user -> read task, read variables, write a variable, hand it to alice
		Map<String, int[]> expected = new LinkedHashMap<>();
		expected.put("alice", new int[] { 200, 200, 403, 403 });
		expected.put("bob", new int[] { 200, 200, 403, 204 });
		expected.put("carol", new int[] { 404, 403, 403, 403 });
		expected.put("dave", new int[] { 404, 403, 403, 403 });
		expected.put("erin", new int[] { 404, 403, 403, 403 });
		expected.put("frank", new int[] { 404, 403, 403, 403 });
		expected.put("grace", new int[] { 404, 403, 403, 403 });
		expected.put("admin", new int[] { 200, 200, 204, 204 });
		var wrong = new ArrayList<String>();
		for (var entry : expected.entrySet()) {
			String user = entry.getKey();
			int[] codes = entry.getValue();
			int[] got = { send(user, "GET", base, null).statusCode(), send(user, "GET", base + "/variables", null).statusCode(),
					send(user, "PUT", base + "/variables/queue", "{\"value\":\"sales-rep\"}").statusCode(),
					send(user, "POST", base + "/assignee", "{\"userId\":\"alice\"}").statusCode() };
			for (int i = 0; i < codes.length; i++) {
				boolean holds = codes[i] == 404 || codes[i] == 403 ? got[i] == 403 || got[i] == 404 : got[i] == codes[i];
				if (!holds) {
					wrong.add(user + " call " + i + ": expected " + codes[i] + ", got " + got[i]);
				}
			}
		}
		assertThat(send(null, "GET", base, null).statusCode()).isEqualTo(401);
		System.out.printf("Engine REST task matrix: %d users x 4 calls, %d wrong%n", expected.size(), wrong.size());
		assertThat(wrong).isEmpty();
	}

	/** What the engine-rest rows send: an owner link and a candidate link for a sales rep. */
	private static final Map<String, String> ENGINE_REST_BODIES = Map.of(
			"POST /engine-rest/task/{task}/identity-links", "{\"userId\":\"alice\",\"type\":\"candidate\"}",
			"POST /engine-rest/task/{task}/identity-links/delete", "{\"userId\":\"alice\",\"type\":\"candidate\"}");

	@Test
	void theEngineRestRowsHold() throws Exception {
		var wrong = new ArrayList<String>();
		int cells = 0;
		for (var row : rows().entrySet()) {
			String key = row.getKey();
			if (!key.contains(" /engine-rest/")) {
				continue;
			}
			String method = key.substring(0, key.indexOf(' '));
			String template = key.substring(key.indexOf(' ') + 1);
			for (int i = 0; i < COLUMNS.size(); i++) {
				String user = COLUMNS.get(i);
				String path = "/engine-rest/engine/" + engine.getName() + template.substring("/engine-rest".length());
				if (path.contains("{task}")) {
					path = path.replace("{task}", salesTask().getId());
				}
				var response = send("anonymous".equals(user) ? null : user, method, path, ENGINE_REST_BODIES.get(key));
				int status = response.statusCode();
				String expected = row.getValue().get(i);
				boolean holds = switch (expected) {
					case "allow" -> status != 401 && status != 403 && status < 500;
					case "deny" -> "anonymous".equals(user) ? status == 401 : status == 403 || status == 404;
					default -> false;
				};
				cells++;
				if (!holds) {
					wrong.add(key + " as " + user + ": expected " + expected + ", got " + status + " "
							+ abbreviate(response.body()));
				}
			}
		}
		System.out.printf("Engine REST matrix: %d cells called, %d wrong%n", cells, wrong.size());
		assertThat(cells).isPositive();
		assertThat(wrong).isEmpty();
	}

	private Task salesTask() {
		long leadId = capture.capture(new NewLead("Matrix " + System.nanoTime(), "Pat Doe", null, null, "WEB", "NA", null,
				null, null), "alice").id();
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult();
	}

	// ---- the document and the rows ----------------------------------------------------------

	private Map<String, Operation> operations() throws Exception {
		var docs = send("admin", "GET", "/v3/api-docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode paths = json.readTree(docs.body()).path("paths");
		Map<String, Operation> operations = new java.util.TreeMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
			var path = it.next();
			for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
				var op = ops.next();
				if (METHODS.contains(op.getKey())) {
					var operation = new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue());
					operations.put(operation.key(), operation);
				}
			}
		}
		return operations;
	}

	private Map<String, List<String>> rows() throws IOException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:security/matrix/*.csv");
		assertThat(files).as("matrix files").isNotEmpty();
		for (Resource file : files) {
			String text = FileCopyUtils.copyToString(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
			boolean header = true;
			for (String line : text.split("\\R")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					assertThat(line.strip()).as("header of " + file.getFilename())
						.isEqualTo("method,path," + String.join(",", COLUMNS));
					header = false;
					continue;
				}
				String[] cells = line.strip().split(",");
				assertThat(cells).as(file.getFilename() + ": " + line).hasSize(2 + COLUMNS.size());
				String key = cells[0].strip().toUpperCase() + " " + cells[1].strip();
				assertThat(rows).as("duplicate row " + key).doesNotContainKey(key);
				var values = new ArrayList<String>();
				for (int i = 2; i < cells.length; i++) {
					assertThat(cells[i].strip()).as(file.getFilename() + ": " + line).isIn("allow", "deny", "public");
					values.add(cells[i].strip());
				}
				rows.put(key, values);
			}
		}
		return rows;
	}

	// ---- calls --------------------------------------------------------------------------------

	private HttpResponse<String> call(Operation operation, String user) throws Exception {
		String path = operation.path();
		var query = new StringBuilder();
		for (JsonNode parameter : operation.spec().path("parameters")) {
			String name = parameter.path("name").asText();
			String value = sample(parameter.path("schema"), name);
			if ("path".equals(parameter.path("in").asText())) {
				path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
			else if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		}
		JsonNode content = operation.spec().path("requestBody").path("content");
		String type = null;
		String body = null;
		if (!content.isMissingNode()) {
			type = content.has("application/json") ? "application/json"
					: content.has("text/csv") ? "text/csv" : content.fieldNames().next();
			body = "application/json".equals(type) ? "{}" : "";
		}
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
			.header("Accept", "application/json, application/problem+json, */*")
			.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (type != null) {
			request.header("Content-Type", type);
		}
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A value of the parameter's type that names nothing that exists. */
	private static String sample(JsonNode schema, String name) {
		if (schema.has("enum") && schema.path("enum").size() > 0) {
			return schema.path("enum").get(0).asText();
		}
		return switch (schema.path("type").asText("string")) {
			case "integer", "number" -> "987654321";
			case "boolean" -> "false";
			default -> "no-such-" + name;
		};
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\s+", " ");
		return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
	}

}
