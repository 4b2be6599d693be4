package dev.lodestar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
import dev.lodestar.lead.LeadProcess;
import dev.lodestar.lead.NewLead;

/**
 * No way around the process: the bypasses of issue 14, tried through {@code /engine-rest} the way
 * a user with a REST client would, and the web hardening. Each test failed on the code before
 * the one door and the engine's task guard.
 */
@LodestarIntegrationTest
class HardeningIntegrationTest {

	private static final List<String> REP = List.of("sales-rep", "employee");

	@LocalServerPort
	int port;

	@Autowired
	dev.lodestar.lead.LeadCapture capture;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadSteps steps;

	@Autowired
	ComplaintService complaints;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ObjectMapper json;

	@Autowired
	LoginThrottle throttle;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	// ---- decisions the process owns -----------------------------------------------------------

	@Test
	void aRepCannotSkipTheDiscountApprovalByWritingTheThresholdVariable() throws Exception {
		long leadId = leadAtProposal();
		Task proposal = task(LeadProcess.KEY, leadId, LeadProcess.PREPARE_PROPOSAL);

		// before: 204, and the 40 % discount went straight to negotiation
		var written = send("alice", "PUT", "/engine-rest/task/" + proposal.getId() + "/variables/discountApprovalThreshold",
				Map.of("value", 100, "type", "Integer"));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(403);

		var smuggled = send("alice", "POST", "/engine-rest/task/" + proposal.getId() + "/complete",
				Map.of("variables", proposal(40, Map.of("discountApprovalThreshold", Map.of("value", 100)))));
		assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(400);
		assertThat(smuggled.body()).contains("discountApprovalThreshold").doesNotContain("Exception").doesNotContain("java.");
		assertThat(taskService.createTaskQuery().taskId(proposal.getId()).count()).isEqualTo(1);

		var honest = send("alice", "POST", "/engine-rest/task/" + proposal.getId() + "/complete",
				Map.of("variables", proposal(40, Map.of())));
		assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
		assertThat(task(LeadProcess.KEY, leadId, LeadProcess.APPROVE_DISCOUNT)).isNotNull();
		assertThat(taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.NEGOTIATE_DEAL)
			.count()).isZero();
	}

	@Test
	void anAgentCannotSkipTheCompensationApprovalByWritingTheThresholdVariable() throws Exception {
		Complaint complaint = complaintAtInvestigation();
		Task investigate = complaintTask(complaint, "Task_Investigate");

		var written = send("carol", "PUT",
				"/engine-rest/task/" + investigate.getId() + "/variables/compensationApprovalThreshold",
				Map.of("value", 1_000_000, "type", "Integer"));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(403);
		var smuggled = send("carol", "POST", "/engine-rest/task/" + investigate.getId() + "/complete",
				Map.of("variables", Map.of("resolution", Map.of("value", "Refund"), "compensation",
						Map.of("value", 5000, "type", "Integer"), "compensationApprovalThreshold",
						Map.of("value", 1_000_000, "type", "Integer"))));
		assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(400);
		var smuggledApproval = send("carol", "POST", "/engine-rest/task/" + investigate.getId() + "/complete",
				Map.of("variables", Map.of("resolution", Map.of("value", "Refund"), "compensation",
						Map.of("value", 5000, "type", "Integer"), "compensationApproved",
						Map.of("value", true, "type", "Boolean"))));
		assertThat(smuggledApproval.statusCode()).as(smuggledApproval.body()).isEqualTo(400);

		var honest = send("carol", "POST", "/engine-rest/task/" + investigate.getId() + "/complete",
				Map.of("variables", Map.of("resolution", Map.of("value", "Refund"), "compensation",
						Map.of("value", 5000, "type", "Integer"))));
		assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
		assertThat(complaintTask(complaint, "Task_ApproveCompensation")).isNotNull();
	}

	@Test
	void aThresholdVariableSetOnTheCaseItselfDoesNotSkipAnApproval() throws Exception {
		// the gateways read the thresholds from the settings: a variable of that name changes nothing
		long leadId = leadAtProposal();
		Task proposal = task(LeadProcess.KEY, leadId, LeadProcess.PREPARE_PROPOSAL);
		runtimeService.setVariable(proposal.getProcessInstanceId(), "discountApprovalThreshold", 100);
		var proposed = send("alice", "POST", "/engine-rest/task/" + proposal.getId() + "/complete",
				Map.of("variables", proposal(40, Map.of())));
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(204);
		assertThat(task(LeadProcess.KEY, leadId, LeadProcess.APPROVE_DISCOUNT)).isNotNull();
		assertThat(task(LeadProcess.KEY, leadId, LeadProcess.NEGOTIATE_DEAL)).isNull();

		Complaint complaint = complaintAtInvestigation();
		Task investigate = complaintTask(complaint, "Task_Investigate");
		runtimeService.setVariable(investigate.getProcessInstanceId(), "compensationApprovalThreshold", 1_000_000);
		var investigated = send("carol", "POST", "/engine-rest/task/" + investigate.getId() + "/complete",
				Map.of("variables", Map.of("resolution", Map.of("value", "Refund"), "compensation",
						Map.of("value", 5000, "type", "Integer"))));
		assertThat(investigated.statusCode()).as(investigated.body()).isEqualTo(204);
		assertThat(complaintTask(complaint, "Task_ApproveCompensation")).isNotNull();
		assertThat(complaintTask(complaint, "Task_ResolveComplaint")).isNull();
	}

	@Test
	void aManagerCannotChangeTheReadOnlyCompensationSheApproves() throws Exception {
		Complaint complaint = complaintAtApproval(5000);
		Task approve = complaintTask(complaint, "Task_ApproveCompensation");
		String path = "/engine-rest/task/" + approve.getId();
		assertThat(send("dave", "POST", path + "/claim", Map.of("userId", "dave")).statusCode()).isEqualTo(204);

		// before: 204, and the customer was promised 5,000 while the case went on with 50
		var changed = send("dave", "POST", path + "/complete", Map.of("variables", Map.of("compensation",
				Map.of("value", 50, "type", "Integer"), "compensationApproved", Map.of("value", true, "type", "Boolean"))));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
		assertThat(json.readTree(changed.body()).path("errors").findValuesAsText("field")).containsExactly("compensation");
		assertThat(changed.body()).contains("read-only");
		assertThat(taskService.createTaskQuery().taskId(approve.getId()).count()).isEqualTo(1);
		assertThat(((Number) runtimeService.getVariable(approve.getProcessInstanceId(), "compensation")).intValue())
			.isEqualTo(5000);

		// the value it holds, passed back as a form would (a number of another type), is fine
		var kept = send("dave", "POST", path + "/complete", Map.of("variables", Map.of("compensation",
				Map.of("value", 5000.0, "type", "Double"), "compensationApproved", Map.of("value", true, "type", "Boolean"))));
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(approve.getId()).count()).isZero();
	}

	// ---- resolve, BPMN error, BPMN escalation -----------------------------------------------------

	@Test
	void aWorkerCannotResolveOrEndHerTaskWithABpmnErrorOrEscalation() throws Exception {
		long leadId = leadAtProposal();
		Task proposal = task(LeadProcess.KEY, leadId, LeadProcess.PREPARE_PROPOSAL);
		String path = "/engine-rest/task/" + proposal.getId();
		Map<String, Object> threshold = Map.of("discountApprovalThreshold", Map.of("value", 100, "type", "Integer"));

		// before: 204 each, the variable written (and with the error, the case ended without a trace)
		var resolved = send("alice", "POST", path + "/resolve", Map.of("variables", threshold));
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(403);
		assertThat(resolved.body()).contains("camunda-admin");
		var error = send("alice", "POST", path + "/bpmnError", Map.of("errorCode", "skip-approval", "variables", threshold));
		assertThat(error.statusCode()).as(error.body()).isEqualTo(403);
		var escalation = send("alice", "POST", path + "/bpmnEscalation",
				Map.of("escalationCode", "skip-approval", "variables", threshold));
		assertThat(escalation.statusCode()).as(escalation.body()).isEqualTo(403);

		assertThat(taskService.createTaskQuery().taskId(proposal.getId()).singleResult().getAssignee()).isEqualTo("alice");
		assertThat(runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(proposal.getProcessInstanceId())
			.variableName("discountApprovalThreshold")
			.count()).isZero();
		assertThat(runtimeService.createProcessInstanceQuery()
			.processInstanceId(proposal.getProcessInstanceId())
			.active()
			.count()).isEqualTo(1);
	}

	@Test
	void aBpmnErrorThatNoModelCatchesFailsInsteadOfEndingTheCase() throws Exception {
		long leadId = leadAtProposal();
		Task proposal = task(LeadProcess.KEY, leadId, LeadProcess.PREPARE_PROPOSAL);
		// even the administrator, who may throw one, cannot end a case with it by mistake
		var error = send("admin", "POST", "/engine-rest/task/" + proposal.getId() + "/bpmnError",
				Map.of("errorCode", "no-such-error"));
		assertThat(error.statusCode()).as(error.body()).isEqualTo(400);
		assertThat(error.body()).doesNotContain("Exception");
		assertThat(taskService.createTaskQuery().taskId(proposal.getId()).count()).isEqualTo(1);
		assertThat(runtimeService.createProcessInstanceQuery()
			.processInstanceId(proposal.getProcessInstanceId())
			.active()
			.count()).isEqualTo(1);
	}

	// ---- reassignment ---------------------------------------------------------------------------

	@Test
	void onlyAManagerOfTheRoleReassignsAndOnlyToAMemberOfIt() throws Exception {
		long leadId = capture.capture(new NewLead("Reassign " + UUID.randomUUID(), "Pat Doe", null, null, "WEB", "NA",
				null, null, null), "alice").id();
		Task qualify = task(LeadProcess.KEY, leadId, LeadProcess.QUALIFY_LEAD);
		String path = "/engine-rest/task/" + qualify.getId() + "/assignee";

		assertThat(send("alice", "POST", path, Map.of("userId", "alice")).statusCode()).isEqualTo(403);
		assertThat(send("carol", "POST", path, Map.of("userId", "carol")).statusCode()).isIn(403, 404);
		var unknown = send("bob", "POST", path, Map.of("userId", "nobody-" + UUID.randomUUID()));
		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
		assertThat(unknown.body()).contains("assignee");
		var outsider = send("bob", "POST", path, Map.of("userId", "carol"));
		assertThat(outsider.statusCode()).as(outsider.body()).isEqualTo(400);
		var member = send("bob", "POST", path, Map.of("userId", "alice"));
		assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(qualify.getId()).singleResult().getAssignee()).isEqualTo("alice");

		// the same rule on Lodestar's own API
		String api = "/api/tasks/" + qualify.getId() + "/assignee";
		assertThat(send("alice", "PUT", api, Map.of("userId", "alice")).statusCode()).isEqualTo(403);
		assertThat(send("bob", "PUT", api, Map.of("userId", "nobody-" + UUID.randomUUID())).statusCode()).isEqualTo(400);
	}

	// ---- strict input -----------------------------------------------------------------------------

	@Test
	void hostileFormValuesAnswer400WithTheFieldNamedAndChangeNothing() throws Exception {
		long leadId = capture.capture(new NewLead("Strict " + UUID.randomUUID(), "Pat Doe", null, null, "WEB", "NA", null,
				null, null), "alice").id();
		Task qualify = task(LeadProcess.KEY, leadId, LeadProcess.QUALIFY_LEAD);
		String complete = "/api/tasks/" + qualify.getId() + "/complete";
		assertField(send("alice", "POST", complete, Map.of("qualified", "yes")), "qualified");
		assertField(send("alice", "POST", complete, Map.of("qualified", true, "budget", "x".repeat(100_000),
				"decisionMaker", "CFO", "need", "CRM", "timeline", "Q1")), "budget");
		assertField(send("alice", "POST", complete, Map.of("qualified", true, "budget", "10k\u0000",
				"decisionMaker", "CFO", "need", "CRM", "timeline", "Q1")), "budget");
		assertField(send("alice", "POST", complete, Map.of("qualified", false, "disqualifyReason", "none",
				"discountApprovalThreshold", 100)), "discountApprovalThreshold");
		Task still = taskService.createTaskQuery().taskId(qualify.getId()).singleResult();
		assertThat(still).isNotNull();
		assertThat(still.getAssignee()).isNull();
		assertThat(pipeline.get(leadId).stage().name()).isEqualTo("QUALIFYING");

		long proposing = leadAtProposal();
		Task proposal = task(LeadProcess.KEY, proposing, LeadProcess.PREPARE_PROPOSAL);
		var huge = new java.util.HashMap<String, Object>(Map.of("amount", 1e20, "decisionMaker", "CFO", "nextFollowUp",
				Instant.now().plus(3, ChronoUnit.DAYS).toString()));
		assertField(send("alice", "POST", "/api/tasks/" + proposal.getId() + "/complete", huge), "amount");
		assertField(send("alice", "POST", "/api/leads/" + proposing + "/proposal", Map.of("amount", 1e20,
				"discountPercent", 5, "decisionMaker", "CFO", "nextFollowUp",
				Instant.now().plus(3, ChronoUnit.DAYS).toString())), "amount");
		assertThat(pipeline.get(proposing).opportunity().amount()).isNull();
	}

	private void assertField(HttpResponse<String> response, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("errors").findValuesAsText("field")).contains(field);
	}

	// ---- data by role ---------------------------------------------------------------------------

	@Test
	void complaintInteractionsAreComplaintDataAndHiddenFromSales() throws Exception {
		Complaint complaint = complaints.register(new ComplaintIntake("Interactions " + UUID.randomUUID(),
				"i" + UUID.randomUUID() + "@example.com", null, "EMAIL", "BILLING", "Billed twice, secret details.", null,
				null), "carol");
		String path = "/api/customers/" + complaint.getCustomerId() + "/interactions";
		var forService = send("carol", "GET", path, null);
		assertThat(forService.statusCode()).isEqualTo(200);
		assertThat(forService.body()).contains("Billed twice");
		var forSales = send("alice", "GET", path, null);
		assertThat(forSales.statusCode()).isEqualTo(200);
		assertThat(forSales.body()).doesNotContain("Billed twice").doesNotContain("\"complaint\"");
		var view = send("alice", "GET", "/api/customers/" + complaint.getCustomerId() + "/view", null);
		assertThat(view.body()).doesNotContain("Billed twice");
	}

	// ---- clean errors on /engine-rest -------------------------------------------------------------

	@Test
	void aBadStartThroughTheEngineRestApiIsA4xxWithoutExceptionNames() throws Exception {
		var bare = send("frank", "POST", "/engine-rest/process-definition/key/lead-to-sale/start", Map.of());
		assertThat(bare.statusCode()).as(bare.body()).isBetween(400, 499);
		assertThat(bare.body()).contains("message").doesNotContain("Exception").doesNotContain("java.")
			.doesNotContain("\tat ");
		assertThat(send("alice", "POST", "/engine-rest/process-definition/key/lead-to-sale/start", Map.of()).statusCode())
			.isEqualTo(403);
		var unknown = send("frank", "POST", "/engine-rest/process-definition/key/x/start", Map.of());
		assertThat(unknown.statusCode()).isBetween(400, 499);
		assertThat(unknown.body()).doesNotContain("Exception");
		var garbage = sendRaw("frank", "POST", "/engine-rest/process-definition/key/lead-to-sale/start", "{not json");
		assertThat(garbage.statusCode()).isEqualTo(400);
		assertThat(garbage.body()).doesNotContain("Exception");
	}

	// ---- web hardening ---------------------------------------------------------------------------

	@Test
	void lodestarPagesCarryAContentSecurityPolicyAndCamundasAppsKeepTheirOwn() throws Exception {
		var login = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'").contains("object-src 'none'").doesNotContain("unsafe-eval"));
		var cockpit = http.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cockpit.headers().firstValue("Content-Security-Policy").orElse(""))
			.doesNotContain("script-src 'self';");
	}

	@Test
	void theSessionCookieIsSameSiteLax() throws Exception {
		var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
		var page = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
		String token = csrfCookie(client);
		var login = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).matches("(SESSION|JSESSIONID)=.*").containsIgnoringCase("SameSite=Lax")
				.containsIgnoringCase("HttpOnly"));
	}

	@Test
	void aSessionRequestWithAnyAuthorizationHeaderStillNeedsTheCsrfTokenAndHearsWhy() throws Exception {
		var client = signedIn("alice");
		var forged = client.send(HttpRequest.newBuilder(uri("/api/task-filters"))
			.header("Authorization", "Bearer anything")
			.header("Content-Type", "application/json")
			.header("Accept-Language", "zh-CN")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("刷新页面");
		var english = client.send(HttpRequest.newBuilder(uri("/api/task-filters"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(english.statusCode()).isEqualTo(403);
		assertThat(english.body()).contains("Reload the page");
		// a program that sends its own Basic credentials needs no token
		assertThat(send("alice", "POST", "/api/task-filters", Map.of("name", "basic " + UUID.randomUUID())).statusCode())
			.isEqualTo(201);
	}

	@Test
	void basicCredentialsWithTheSessionUsersNameButAWrongPasswordDoNotExemptFromTheCsrfToken() throws Exception {
		var client = signedIn("alice");
		String name = "wrong password " + UUID.randomUUID();
		// before: 201; Spring's Basic filter does not check a password again for the session's own
		// user, and the exemption only compared the names
		var forged = client.send(HttpRequest.newBuilder(uri("/api/task-filters"))
			.header("Authorization", basic("alice", "not-her-password"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name", name))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
		assertThat(forged.body()).contains("Reload the page");
		var saved = send("alice", "GET", "/api/task-filters", null);
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).doesNotContain(name);
		// the session itself, with its token, still works: only the exemption is gone
		var withToken = client.send(HttpRequest.newBuilder(uri("/api/task-filters"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfCookie(client))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name", name))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
	}

	@Test
	void repeatedFailedLoginsFromOneAddressAreThrottledWithAMessageThatSaysSo() throws Exception {
		try {
			HttpResponse<String> last = null;
			for (int i = 0; i < 60; i++) {
				last = http.send(HttpRequest.newBuilder(uri("/api/tasks"))
					.header("Authorization", basic("alice", "wrong-" + i))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (last.statusCode() == 429) {
					break;
				}
				assertThat(last.statusCode()).isEqualTo(401);
			}
			assertThat(last.statusCode()).isEqualTo(429);
			assertThat(last.body()).contains("network address");
			// even the right password waits: the lock is on the address, and says so
			var right = http.send(HttpRequest.newBuilder(uri("/api/tasks")).header("Authorization", basic("alice", "alice"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(right.statusCode()).isEqualTo(429);
		}
		finally {
			throttle.forget("127.0.0.1");
			throttle.forget("0:0:0:0:0:0:0:1");
		}
		assertThat(send("alice", "GET", "/api/tasks", null).statusCode()).isEqualTo(200);
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private long leadAtProposal() {
		long leadId = capture.capture(new NewLead("Bypass " + UUID.randomUUID(), "Pat Doe", null, null, "WEB", "NA", null,
				null, null), "alice").id();
		steps.completeStep(leadId, LeadProcess.QUALIFY_LEAD, "alice", java.util.Set.copyOf(REP),
				Map.of("qualified", true, "budget", "approved", "decisionMaker", "CFO", "need", "one view", "timeline",
						"this quarter"));
		return leadId;
	}

	/** A complaint whose first response carol has given: its investigation is hers. */
	private Complaint complaintAtInvestigation() throws Exception {
		Complaint complaint = complaints.register(new ComplaintIntake("Hardening " + UUID.randomUUID(),
				null, "+49 30 1234567", "PHONE", "SERVICE", "The technician never came.", null, null), "carol");
		Task respond = complaintTask(complaint, "Task_RespondToCustomer");
		assertThat(send("carol", "POST", "/engine-rest/task/" + respond.getId() + "/claim", Map.of("userId", "carol"))
			.statusCode()).isEqualTo(204);
		assertThat(send("carol", "POST", "/engine-rest/task/" + respond.getId() + "/complete",
				Map.of("variables", Map.of("contactNote", Map.of("value", "Called back")))).statusCode()).isEqualTo(204);
		return complaint;
	}

	/** A complaint whose resolution proposes {@code compensation}, waiting for a manager's approval. */
	private Complaint complaintAtApproval(int compensation) throws Exception {
		Complaint complaint = complaintAtInvestigation();
		Task investigate = complaintTask(complaint, "Task_Investigate");
		var proposed = send("carol", "POST", "/engine-rest/task/" + investigate.getId() + "/complete",
				Map.of("variables", Map.of("resolution", Map.of("value", "Refund"), "compensation",
						Map.of("value", compensation, "type", "Integer"))));
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(204);
		assertThat(complaintTask(complaint, "Task_ApproveCompensation")).isNotNull();
		return complaint;
	}

	/** A browser's client, signed in through the login form (session cookie and CSRF cookie). */
	private HttpClient signedIn(String user) throws Exception {
		var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
		client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
		String token = csrfCookie(client);
		var login = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return client;
	}

	private static Map<String, Object> proposal(int discount, Map<String, Object> extra) {
		var variables = new java.util.HashMap<String, Object>();
		variables.put("amount", Map.of("value", 10000, "type", "Integer"));
		variables.put("discountPercent", Map.of("value", discount, "type", "Integer"));
		variables.put("decisionMaker", Map.of("value", "CFO"));
		variables.put("nextFollowUp", Map.of("value", Instant.now().plus(5, ChronoUnit.DAYS).toString()));
		variables.putAll(extra);
		return variables;
	}

	private Task task(String processKey, long businessKey, String taskKey) {
		return taskService.createTaskQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(String.valueOf(businessKey))
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private Task complaintTask(Complaint complaint, String taskKey) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(complaint.getId().toString())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
		return sendRaw(user, method, path, body == null ? null : json.writeValueAsString(body));
	}

	private HttpResponse<String> sendRaw(String user, String method, String path, String body) throws Exception {
		String target = path.startsWith("/engine-rest/") && !path.startsWith("/engine-rest/engine/")
				? "/engine-rest/engine/" + engine.getName() + path.substring("/engine-rest".length()) : path;
		var request = HttpRequest.newBuilder(uri(target))
			.header("Authorization", basic(user, user))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String csrfCookie(HttpClient client) {
		return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
