package dev.lodestar.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One complaint from intake to closed on the real PostgreSQL server, only through HTTP: the
 * complaint API, Camunda's REST API for the agent's tasks (as carol, under Camunda's
 * authorizations) and the customer's confirmation page; then knowledge-base search on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class ComplaintPostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine processEngine;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aComplaintRunsFromIntakeToClosedThroughTheApiOnPostgres() throws Exception {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String email = "pg-" + tag + "@example.com";

		HttpResponse<String> created = send("POST", "/api/complaints", """
				{"customerName": "Jan Novak", "customerEmail": "%s", "channel": "EMAIL", "category": "DELIVERY",
				 "description": "Chair %s delivered with a scratched frame."}
				""".formatted(email, tag));
		assertThat(created.statusCode()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();

		work(id, ComplaintToResolution.TASK_RESPOND, "{\"contactNote\": {\"value\": \"Called Mr Novak.\"}}");
		work(id, ComplaintToResolution.TASK_INVESTIGATE, """
				{"resolution": {"value": "A touch-up kit %s is on its way."}, "compensation": {"value": 20}}
				""".formatted(tag));
		assertThat(complaint(id).get("status").asText()).isEqualTo("RESOLVED");

		String body = jdbc.queryForObject("select body_text from crm_notification where kind = 'complaint-resolved' "
				+ "and recipient_email = ? order by id desc limit 1", String.class, email);
		Matcher link = Pattern.compile("/public/complaints/confirmation/[A-Za-z0-9_-]+").matcher(body);
		assertThat(link.find()).isTrue();
		var browser = new ComplaintToResolutionProcessTest.Browser(port);
		HttpResponse<String> confirmed = browser.post("http://localhost:" + port + link.group(),
				Map.of("decision", "confirm", "satisfaction", "5"));
		assertThat(confirmed.statusCode()).isEqualTo(200);

		work(id, ComplaintToResolution.TASK_CAPTURE_ARTICLE, """
				{"articleTitle": {"value": "Scratched frame %s"}, "articleBody": {"value": "Send a touch-up kit."}}
				""".formatted(tag));

		JsonNode closed = complaint(id);
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("customerReply").asText()).isEqualTo("CONFIRMED");
		assertThat(closed.get("satisfaction").asInt()).isEqualTo(5);
		assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(Long.toString(id)).singleResult().getEndTime()).isNotNull();

		JsonNode found = json.readTree(send("GET", "/api/knowledge/articles?q=scratch+" + tag, null).body());
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("sourceComplaintId").asLong()).isEqualTo(id);
	}

	/** Carol claims the complaint's open task of this kind and completes it through Camunda's REST API. */
	private void work(long complaintId, String taskKey, String variables) throws Exception {
		String engine = "/engine-rest/engine/" + processEngine.getName();
		JsonNode tasks = json.readTree(send("GET", engine + "/task?processInstanceBusinessKey=" + complaintId
				+ "&taskDefinitionKey=" + taskKey, null).body());
		assertThat(tasks).as("open %s of complaint %s", taskKey, complaintId).hasSize(1);
		String taskId = tasks.get(0).get("id").asText();
		assertThat(send("POST", engine + "/task/" + taskId + "/claim", "{\"userId\": \"carol\"}").statusCode()).isEqualTo(204);
		HttpResponse<String> completed = send("POST", engine + "/task/" + taskId + "/complete",
				"{\"variables\": " + variables + "}");
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
	}

	private JsonNode complaint(long id) throws Exception {
		return json.readTree(send("GET", "/api/complaints/" + id, null).body());
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("carol:carol".getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
