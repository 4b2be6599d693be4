package dev.lodestar.frontoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
import dev.lodestar.complaint.CustomerTier;
import dev.lodestar.insight.KpiReviewProcess;
import dev.lodestar.insight.KpiReviewService;

/**
 * What a Chinese reader sees of a case's work: the task page beside the form, the page of a
 * task that is done, the confirmation on My work, the form's texts, a training wave's tasks and
 * the rollout page, in Chinese, with no English name, raw role id or code left in them.
 */
@LodestarIntegrationTest
class ChineseWorkPagesIntegrationTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	ComplaintService complaints;

	@Autowired
	KpiReviewService reviews;

	@Test
	void aLeadsTasksTheirCaseAndWhatHappenedAfterCompleteAreInChinese() {
		String leadId = lead();
		api("alice", "POST", "/api/leads/" + leadId + "/qualification", Map.of("qualified", true, "budget", "20000",
				"decisionMaker", "Li Wei, CEO", "need", "Two showrooms", "timeline", "Q1"));
		Task proposal = task("lead-to-sale", leadId, "Task_PrepareProposal");

		// the form's date field is labelled in Chinese as well
		String form = api("alice", "GET", "/api/tasks/" + proposal.getId() + "/form", null).toString();
		assertThat(form).contains("与客户的下次跟进日期").doesNotContain("Next follow-up with the customer");

		api("alice", "POST", "/api/leads/" + leadId + "/proposal", Map.of("amount", 52000, "discountPercent", 15,
				"decisionMaker", "Li Wei", "proposalSummary", "Two showrooms", "nextFollowUp",
				Instant.now().plus(Duration.ofDays(5)).toString()));
		Task approval = task("lead-to-sale", leadId, "Task_ApproveDiscount");

		// another role's task, in Chinese: the step, its role and the case's facts in words
		var bob = PageSession.logIn(port, "bob");
		String page = bob.get("/tasks/" + approval.getId() + "?lang=zh-CN").body();
		assertThat(page).contains("审批折扣").contains("(销售经理)").contains("商机 #" + leadId).contains("折扣审批")
			.contains("推荐").doesNotContain("(sales-manager)").doesNotContain("Opportunity #")
			.doesNotContain("DISCOUNT_APPROVAL").doesNotContain("REFERRAL");
		// to a role it is not for, the task is a page in Chinese words, not JSON
		var carol = PageSession.logIn(port, "carol").get("/tasks/" + approval.getId() + "?lang=zh-CN");
		assertThat(carol.statusCode()).isEqualTo(404);
		assertThat(carol.body()).contains("未找到").doesNotContain("Not found").doesNotContain("审批折扣")
			.doesNotContain("\"detail\"");
		// and in English the codes are words too
		assertThat(bob.get("/tasks/" + approval.getId() + "?lang=en").body()).contains("Discount approval")
			.contains("(Sales manager)").doesNotContain("DISCOUNT_APPROVAL");

		// the completed step's own page and the confirmation on My work say what happened, in Chinese
		var alice = PageSession.logIn(port, "alice");
		String done = alice.get("/tasks/" + proposal.getId() + "?lang=zh-CN").body();
		assertThat(done).contains("id=\"task-done\"").contains("准备报价").contains("审批折扣").contains("销售经理")
			.doesNotContain("Prepare proposal").doesNotContain("Approve discount").doesNotContain("sales-manager");
		String banner = alice.get("/?completed=" + proposal.getId() + "&lang=zh-CN").body();
		assertThat(banner).contains("已完成：准备报价").contains("审批折扣").contains("在 销售经理 的队列中等待")
			.doesNotContain("Approve discount").doesNotContain("sales-manager");
	}

	@Test
	void aTrainingWavesTitleAndTheRolloutsMessagesAndTargetsAreInChinese() {
		long rolloutId = api("frank", "POST", "/api/rollouts", Map.of("name", "Chinese " + UUID.randomUUID(), "sponsor",
				"erin")).path("id").asLong();
		long waveId = api("frank", "POST", "/api/training-waves", Map.of("rolloutId", rolloutId, "kind", "END_USERS",
				"audience", List.of("sales-rep"), "deadline", Instant.now().plus(Duration.ofDays(14)).toString()))
			.path("progress").path("waveId").asLong();
		Task plan = task("training-wave", "wave-" + waveId, "Task_PlanSessions");
		assertThat(plan.getName()).contains("Wave 3: end users");

		// the trainer's task names the wave in Chinese, on My work and in the form's heading
		var grace = PageSession.logIn(port, "grace");
		assertThat(grace.get("/?lang=zh-CN").body()).contains("规划 第三批：最终用户系统操作（上线前） 的培训课程")
			.doesNotContain("Wave 3: end users");
		JsonNode form = api("grace", "GET", "/api/tasks/" + plan.getId() + "/form", null);
		assertThat(form.path("data").path("waveName").asText()).isEqualTo("第三批：最终用户系统操作（上线前）");

		// planning the session invites the audience: the rollout page logs it in Chinese, the role by name
		api("grace", "POST", "/api/tasks/" + plan.getId() + "/complete", Map.of("sessionTitle", "Lodestar basics",
				"sessionStartsAt", Instant.now().plus(Duration.ofDays(3)).toString(), "sessionLocation", "Room 2"));
		String rollout = PageSession.logIn(port, "frank").get("/rollouts/" + rolloutId + "?lang=zh-CN").body();
		assertThat(rollout).contains("邀请：第三批：最终用户系统操作（上线前）").contains("销售代表").contains("电子邮件")
			.contains("已指定发起人，CRM 目标与员工目标一致").doesNotContain("Invitation:").doesNotContain("sales-rep (")
			.doesNotContain("Sponsor named");
	}

	@Test
	void aComplaintsAndAKpiReviewsFactsBesideTheirTasksAreInChinese() {
		Complaint complaint = complaints.register(new ComplaintIntake("Chinese Task " + UUID.randomUUID(),
				"zh-task-" + UUID.randomUUID() + "@example.com", null, "WEB", "PRODUCT_DEFECT", "The table leg is cracked.",
				null, null), CustomerTier.GOLD, "carol");
		Task respond = task("complaint-to-resolution", String.valueOf(complaint.getId()), "Task_RespondToCustomer");
		String page = PageSession.logIn(port, "carol").get("/tasks/" + respond.getId() + "?lang=zh-CN").body();
		// (the interaction log's summaries are the customer module's, written when the complaint came in)
		assertThat(page).contains("<h2>投诉 #" + complaint.getId()).contains("<dd>产品缺陷</dd>").contains("<dd>网站</dd>")
			.contains("<dd>质量</dd>").doesNotContain("<h2>Complaint #").doesNotContain("<dd>product defect</dd>")
			.doesNotContain("<dd>quality</dd>");

		var review = reviews.requestReview("erin");
		Task kpis = taskService.createTaskQuery()
			.processInstanceId(review.getId())
			.taskDefinitionKey(KpiReviewProcess.TASK_REVIEW)
			.singleResult();
		String kpiPage = PageSession.logIn(port, "erin").get("/tasks/" + kpis.getId() + "?lang=zh-CN").body();
		assertThat(kpiPage).contains("KPI 评审").contains("培训完成率").contains("目标")
			.doesNotContain("KPI review").doesNotContain("Training completion").doesNotContain("(target");
	}

	private String lead() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		return api("alice", "POST", "/api/leads", Map.of("company", "Chinese Page " + key, "contactName", "Li Wei",
				"email", key + "@lotus.example", "source", "REFERRAL", "region", "EMEA", "estimatedValue", "20000"))
			.path("id")
			.asText();
	}

	private Task task(String processKey, String businessKey, String key) {
		Task task = taskService.createTaskQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as(key + " of " + businessKey).isNotNull();
		return task;
	}

	/** A call of the API in Chinese; fails unless it answers 2xx. */
	private JsonNode api(String user, String method, String path, Object body) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json, application/problem+json")
				.header("Accept-Language", "zh-CN")
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
			String text = response.body();
			return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
