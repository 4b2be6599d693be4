package dev.lodestar.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;

/**
 * The public confirmation page is the one form a stranger fills in: a comment longer than its
 * column or with a NUL character is the customer's mistake (400, the form again, nothing
 * changed), not a server error; a comment within the limit still goes through.
 */
@LodestarIntegrationTest
class ConfirmationCommentLimitsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine processEngine;

	@Test
	void aCommentOverTheLimitOrWithNulAnswers400AndLeavesTheLinkUsable() throws Exception {
		String link = resolvedComplaintLink();
		var browser = new ComplaintToResolutionProcessTest.Browser(port);

		var tooLong = browser.post(link, Map.of("decision", "confirm", "comment", "x".repeat(2001)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("2,000 characters").contains("x".repeat(2001));

		var withNul = browser.post(link, Map.of("decision", "confirm", "comment", "fine\u0000thanks"));
		assertThat(withNul.statusCode()).isEqualTo(400);
		assertThat(withNul.body()).contains("NUL").contains("finethanks");

		var atTheLimit = browser.post(link, Map.of("decision", "confirm", "satisfaction", "4", "comment",
				"y".repeat(2000)));
		assertThat(atTheLimit.statusCode()).isEqualTo(200);
		assertThat(atTheLimit.body()).contains("is resolved");
	}

	private String resolvedComplaintLink() {
		var api = new ApiClient(port);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String email = "limits-" + tag + "@example.com";
		var created = api.post("carol", "/api/complaints", """
				{"customerName":"Lee Limits","customerEmail":"%s","channel":"EMAIL","category":"DELIVERY",
				 "description":"Lamp %s arrived late."}""".formatted(email, tag));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().at("/id").asLong();
		work(api, id, ComplaintToResolution.TASK_RESPOND, "{\"contactNote\": {\"value\": \"Called.\"}}");
		work(api, id, ComplaintToResolution.TASK_INVESTIGATE,
				"{\"resolution\": {\"value\": \"A new lamp is on its way.\"}, \"compensation\": {\"value\": 0}}");
		String body = jdbc.queryForObject("select body_text from crm_notification where kind = 'complaint-resolved' "
				+ "and recipient_email = ? order by id desc limit 1", String.class, email);
		var matcher = Pattern.compile("/public/complaints/confirmation/[A-Za-z0-9_-]+").matcher(body);
		assertThat(matcher.find()).isTrue();
		return "http://localhost:" + port + matcher.group();
	}

	private void work(ApiClient api, long complaintId, String taskKey, String variables) {
		String engine = "/engine-rest/engine/" + processEngine.getName();
		var tasks = api.get("carol", engine + "/task?processInstanceBusinessKey=" + complaintId + "&taskDefinitionKey="
				+ taskKey);
		assertThat(tasks.json().size()).as(tasks.body()).isEqualTo(1);
		String taskId = tasks.json().at("/0/id").asText();
		assertThat(api.post("carol", engine + "/task/" + taskId + "/claim", "{\"userId\": \"carol\"}").status())
			.isEqualTo(204);
		var completed = api.post("carol", engine + "/task/" + taskId + "/complete", "{\"variables\": " + variables + "}");
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
	}

}
