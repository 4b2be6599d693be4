package dev.lodestar.frontoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;

/**
 * The case history shows who decided what and why: a rejected compensation and a rejected
 * discount appear on the complaint page and the lead page with the decision, the person who
 * took it and the reason, in English and in Chinese, read from the engine's history.
 */
@LodestarIntegrationTest
class DecisionHistoryIntegrationTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	ComplaintService complaints;

	@Test
	void theComplaintPageShowsWhoRejectedTheCompensationAndWhyThenWhoApprovedIt() {
		Complaint complaint = complaints.register(new ComplaintIntake("Decision Customer " + UUID.randomUUID(),
				"decision-" + UUID.randomUUID() + "@example.com", null, "WEB", "DELIVERY", "The sofa is torn.", null, null),
				"carol");
		String key = complaint.getId().toString();
		var carol = PageSession.logIn(port, "carol");
		assertThat(carol.get("/complaints/" + key).body()).contains("id=\"decisions\"")
			.contains("No decision has been taken yet.");

		complete("complaint-to-resolution", key, "Task_RespondToCustomer", "carol", Map.of("contactNote", "Called back."));
		complete("complaint-to-resolution", key, "Task_Investigate", "carol",
				Map.of("resolution", "A new sofa.", "compensation", 5000));
		complete("complaint-to-resolution", key, "Task_ApproveCompensation", "dave",
				Map.of("compensationApproved", false, "approvalNote", "Too generous: offer a cushion and 200."));

		String page = carol.get("/complaints/" + key).body();
		assertThat(page).contains("data-field=\"compensationApproved\" data-value=\"false\"")
			.contains("Reject: send it back to the agent")
			.contains("by dave")
			.contains("Too generous: offer a cushion and 200.")
			.doesNotContain("No decision has been taken yet.");
		String chinese = carol.get("/complaints/" + key + "?lang=zh-CN").body();
		assertThat(chinese).contains("本案的决定").contains("驳回：退回给客服专员").contains("决定人：dave")
			.contains("Too generous: offer a cushion and 200.");

		complete("complaint-to-resolution", key, "Task_Investigate", "carol",
				Map.of("resolution", "A new cushion.", "compensation", 2000));
		complete("complaint-to-resolution", key, "Task_ApproveCompensation", "dave", Map.of("compensationApproved", true));
		String after = carol.get("/complaints/" + key + "?lang=en").body();
		assertThat(after.indexOf("data-value=\"false\"")).isLessThan(after.indexOf("data-value=\"true\""));
		assertThat(after).contains("Approve: send this resolution and compensation to the customer");
	}

	@Test
	void theLeadPageShowsWhoRejectedTheDiscountAndWhy() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		String leadId = api("alice", "POST", "/api/leads", Map.of("company", "Decision Lead " + key, "contactName", "Li Wei",
				"email", key + "@lotus.example", "source", "REFERRAL", "region", "EMEA", "estimatedValue", "20000"))
			.path("id")
			.asText();
		api("alice", "POST", "/api/leads/" + leadId + "/qualification", Map.of("qualified", true, "budget", "20000",
				"decisionMaker", "Li Wei, CEO", "need", "Two showrooms", "timeline", "Q1"));
		api("alice", "POST", "/api/leads/" + leadId + "/proposal", Map.of("amount", 52000, "discountPercent", 15,
				"decisionMaker", "Li Wei", "proposalSummary", "Two showrooms", "nextFollowUp",
				Instant.now().plus(Duration.ofDays(5)).toString()));
		complete("lead-to-sale", leadId, "Task_ApproveDiscount", "bob",
				Map.of("discountApproved", false, "discountComment", "Fifteen percent is above our floor; offer ten."));

		var alice = PageSession.logIn(port, "alice");
		String page = alice.get("/leads/" + leadId).body();
		assertThat(page).contains("data-field=\"discountApproved\" data-value=\"false\"")
			.contains("Reject: the rep revises the proposal")
			.contains("by bob")
			.contains("Fifteen percent is above our floor; offer ten.");
		assertThat(alice.get("/leads/" + leadId + "?lang=zh-CN").body()).contains("驳回：销售代表修改报价")
			.contains("决定人：bob");
	}

	private void complete(String processKey, String businessKey, String taskKey, String user, Map<String, Object> values) {
		Task task = taskService.createTaskQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as(taskKey + " of " + businessKey).isNotNull();
		taskService.claim(task.getId(), user);
		taskService.complete(task.getId(), values);
	}

	private JsonNode api(String user, String method, String path, Object body) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json, application/problem+json")
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
			String text = response.body();
			return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
