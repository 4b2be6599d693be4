package dev.lodestar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;

// Camunda's web apps keep their runtime in JVM-wide statics, set by the context that started
// last: the classes that log in to Cockpit/Tasklist/Admin run first (junit-platform.properties
// orders classes by @Order), in the first context, instead of each starting a fresh one.
@LodestarIntegrationTest
@Order(1)
class AccessIntegrationTest {

	private static final String SMOKE_BPMN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
			  <bpmn:process id="deploy-check" isExecutable="true" camunda:historyTimeToLive="P1D">
			    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/><bpmn:endEvent id="e"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine processEngine;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtimeService;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new CookieManager())
		.build();

	@Test
	void engineRestRefusesAnonymousCallers() throws Exception {
		var response = get("/engine-rest/engine", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice", "bob", "carol", "dave", "erin", "frank", "grace", "admin" })
	void engineRestAcceptsEveryDemoUser(String user) throws Exception {
		assertThat(get("/engine-rest/engine", user).statusCode()).isEqualTo(200);
	}

	@Test
	void engineRestRefusesAWrongPassword() throws Exception {
		var request = HttpRequest.newBuilder(uri("/engine-rest/engine"))
			.header("Authorization", basic("alice", "not-alice"))
			.build();
		assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	@Test
	void processOwnerMayDeployFromTheModelerButSalesRepMayNot() throws Exception {
		var deployed = deploy("frank");
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		var refused = deploy("alice");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Deployment").contains("CREATE");
	}

	@Test
	void apiAndItsDocumentRequireALogin() throws Exception {
		assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
		var docs = get("/v3/api-docs", "alice");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"openapi\"");
		assertThat(get("/api/notifications/mine", null).statusCode()).isEqualTo(401);
	}

	@Test
	void healthIsOpenButMetricsAreForAdministrators() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "alice").statusCode()).isEqualTo(403);
		var metrics = get("/actuator/prometheus", "admin");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void webPagesSendAnonymousVisitorsToTheLoginPage() throws Exception {
		var response = get("/", null);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void formLoginWithoutCsrfTokenIsRefused() throws Exception {
		var request = HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice"))
			.build();
		assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
	}

	@ParameterizedTest
	@CsvSource({ "admin, cockpit, 200", "frank, cockpit, 200", "erin, cockpit, 200", "alice, cockpit, 403",
			"alice, tasklist, 200", "carol, tasklist, 200", "admin, admin, 200", "bob, admin, 403" })
	void camundaWebAppsShareTheLoginsAndRespectRoles(String user, String app, int expected) throws Exception {
		// Camunda's web apps protect their login with their own XSRF cookie
		String engine = processEngine.getName(); // tests give each engine a unique name
		get("/camunda/app/" + app + "/" + engine + "/", null);
		String xsrf = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValue();
		var login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine + "/login/" + app))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user)))
			.build();
		var response = http.send(login, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "alice, sales-rep", "bob, sales-manager", "carol, service-agent", "dave, service-manager",
			"erin, executive", "frank, project-team", "frank, process-owner", "grace, trainer", "admin, camunda-admin" })
	void demoUsersBelongToTheirRolesAndToEmployee(String user, String role) {
		var groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
		assertThat(groups).contains(role, Roles.EMPLOYEE);
	}

	@Test
	void passwordsAreStoredHashed() {
		User alice = identityService.createUserQuery().userId("alice").singleResult();
		assertThat(alice.getPassword()).isNotEqualTo("alice").doesNotContain("alice");
		assertThat(identityService.checkPassword("alice", "alice")).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "alice, lead-to-sale, true", "alice, complaint-to-resolution, false", "carol, complaint-to-resolution, true",
			"carol, lead-to-sale, false", "dave, complaint-to-resolution, true", "bob, lead-to-sale, true",
			"erin, crm-rollout, true", "erin, kpi-review, true", "frank, crm-rollout, true", "grace, training-wave, true",
			"grace, lead-to-sale, false", "frank, lead-to-sale, true" })
	void eachRoleReadsOnlyItsProcesses(String user, String processKey, boolean allowed) {
		List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
		assertThat(authorizationService.isUserAuthorized(user, groups, Permissions.READ, Resources.PROCESS_DEFINITION,
				processKey))
			.isEqualTo(allowed);
	}

	@Test
	void aRolesTasksAreVisibleToItsMembersOnly() {
		var instance = runtimeService.startProcessInstanceByKey("notify-smoke",
				java.util.Map.of("dueDate", new java.util.Date(System.currentTimeMillis() + 86_400_000L)));
		assertThat(visibleTasks("alice", instance.getId())).isEqualTo(1);
		assertThat(visibleTasks("carol", instance.getId())).isZero();
		assertThat(visibleTasks("erin", instance.getId())).isZero();
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	private long visibleTasks(String user, String processInstanceId) {
		List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
		identityService.setAuthentication(user, groups);
		try {
			return taskService.createTaskQuery().processInstanceId(processInstanceId).count();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	// ---- Tasklist's API uses the same authorizations and the same engine guard ----------------

	@Autowired
	dev.lodestar.lead.LeadCapture capture;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadSteps steps;

	@Autowired
	dev.lodestar.complaint.ComplaintService complaints;

	@Autowired
	dev.lodestar.worklist.WorklistService worklist;

	@Autowired
	LoginThrottle throttle;

	@Test
	void tasklistsApiCannotRewriteAThresholdReassignOrSmuggleAVariableEither() throws Exception {
		var proposal = proposalTask();
		String xsrf = tasklistLogin("alice");
		String engineApi = "/camunda/api/engine/engine/" + processEngine.getName() + "/task/";

		// a completion that sets a variable its form does not declare is refused inside the engine
		var smuggled = tasklist(xsrf, "POST", engineApi + proposal.getId() + "/submit-form",
				proposalForm(", \"discountApprovalThreshold\":{\"value\":100,\"type\":\"Integer\"}"));
		assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(400);
		assertThat(smuggled.body()).contains("discountApprovalThreshold");
		assertThat(taskService.createTaskQuery().taskId(proposal.getId()).count()).isEqualTo(1);
		assertThat(runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(proposal.getProcessInstanceId())
			.variableName("discountApprovalThreshold")
			.count()).isZero();
		// writing a variable of one's own task, or handing it on, is refused too
		// (each check on a fresh log-in: Camunda's web apps drop it after an error answer)
		var other = proposalTask();
		xsrf = tasklistLogin("alice");
		var written = tasklist(xsrf, "PUT", engineApi + other.getId() + "/variables/discountApprovalThreshold",
				"{\"value\":100,\"type\":\"Integer\"}");
		assertThat(written.statusCode()).as(written.body()).isEqualTo(403);
		assertThat(runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(other.getProcessInstanceId())
			.variableName("discountApprovalThreshold")
			.count()).isZero();
		xsrf = tasklistLogin("alice");
		var reassigned = tasklist(xsrf, "POST", engineApi + other.getId() + "/assignee", "{\"userId\":\"bob\"}");
		assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(403);
		assertThat(taskService.createTaskQuery().taskId(other.getId()).singleResult().getAssignee()).isEqualTo("alice");
	}

	@Test
	void tasklistsApiCannotResolveOrEndATaskWithABpmnErrorOrEscalation() throws Exception {
		var proposal = proposalTask();
		String engineApi = "/camunda/api/engine/engine/" + processEngine.getName() + "/task/" + proposal.getId();
		String threshold = "\"variables\":{\"discountApprovalThreshold\":{\"value\":100,\"type\":\"Integer\"}}";
		var resolved = tasklist(tasklistLogin("alice"), "POST", engineApi + "/resolve", "{" + threshold + "}");
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(403);
		var error = tasklist(tasklistLogin("alice"), "POST", engineApi + "/bpmnError",
				"{\"errorCode\":\"skip-approval\"," + threshold + "}");
		assertThat(error.statusCode()).as(error.body()).isEqualTo(403);
		var escalation = tasklist(tasklistLogin("alice"), "POST", engineApi + "/bpmnEscalation",
				"{\"escalationCode\":\"skip-approval\"," + threshold + "}");
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
	void tasklistsApiCannotChangeTheReadOnlyCompensationAManagerApproves() throws Exception {
		var approval = approvalTask(5000);
		worklist.claim(worklist.as("dave"), approval.getId());
		String submit = "/camunda/api/engine/engine/" + processEngine.getName() + "/task/" + approval.getId()
				+ "/submit-form";
		var changed = tasklist(tasklistLogin("dave"), "POST", submit, "{\"variables\":{"
				+ "\"compensation\":{\"value\":50,\"type\":\"Integer\"},"
				+ "\"compensationApproved\":{\"value\":true,\"type\":\"Boolean\"}}}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
		assertThat(changed.body()).contains("compensation").contains("read-only");
		assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
		assertThat(((Number) runtimeService.getVariable(approval.getProcessInstanceId(), "compensation")).intValue())
			.isEqualTo(5000);
		// what Tasklist's form sends back unchanged (the read-only field as it shows it) goes through
		var approved = tasklist(tasklistLogin("dave"), "POST", submit, "{\"variables\":{"
				+ "\"compensation\":{\"value\":5000.0,\"type\":\"Double\"},"
				+ "\"compensationApproved\":{\"value\":true,\"type\":\"Boolean\"}}}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isZero();
	}

	@Test
	void camundaWebAppLogInsAreThrottledPerClientAddressToo() throws Exception {
		var attacker = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
		String here = "http://127.0.0.1:" + port;
		try {
			String xsrf = camundaXsrf(attacker, here);
			HttpResponse<String> last = null;
			for (int i = 0; i < 60; i++) {
				last = camundaLogin(attacker, here, xsrf, "alice", "wrong-" + i);
				if (last.statusCode() == 429) {
					break;
				}
				assertThat(last.statusCode()).as(last.body()).isEqualTo(401);
			}
			// before: 401 for ever, the engine's own lock and delay being off
			assertThat(last.statusCode()).isEqualTo(429);
			assertThat(last.headers().firstValue("Retry-After")).isPresent();
			assertThat(last.body()).contains("network address");
			// the right password waits too, and so does HTTP Basic: one count per address, every way in
			assertThat(camundaLogin(attacker, here, xsrf, "alice", "alice").statusCode()).isEqualTo(429);
			var basicToo = http.send(HttpRequest.newBuilder(URI.create(here + "/api/tasks"))
				.header("Authorization", basic("alice", "alice"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(basicToo.statusCode()).isEqualTo(429);
			// another address is not held up
			var elsewhere = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
			String there = "http://[::1]:" + port;
			assertThat(camundaLogin(elsewhere, there, camundaXsrf(elsewhere, there), "alice", "alice").statusCode())
				.isEqualTo(200);
		}
		finally {
			throttle.forget("127.0.0.1");
			throttle.forget("0:0:0:0:0:0:0:1");
		}
		assertThat(camundaLogin(attacker, here, camundaXsrf(attacker, here), "alice", "alice").statusCode()).isEqualTo(200);
	}

	private String camundaXsrf(HttpClient client, String base) throws Exception {
		client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/" + processEngine.getName() + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
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

	private HttpResponse<String> camundaLogin(HttpClient client, String base, String xsrf, String user, String password)
			throws Exception {
		return client.send(HttpRequest
			.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + processEngine.getName() + "/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A complaint whose agent proposes {@code compensation}: the service manager's approval task. */
	private org.camunda.bpm.engine.task.Task approvalTask(int compensation) {
		var complaint = complaints.register(new dev.lodestar.complaint.ComplaintIntake("Tasklist " + UUID.randomUUID(),
				null, "+49 30 1234567", "PHONE", "SERVICE", "The technician never came.", null, null), "carol");
		String key = complaint.getId().toString();
		var carol = worklist.as("carol");
		worklist.complete(carol, complaintTask(key, "Task_RespondToCustomer").getId(),
				java.util.Map.of("contactNote", "Called back"), java.util.Locale.ENGLISH);
		worklist.complete(carol, complaintTask(key, "Task_Investigate").getId(),
				java.util.Map.of("resolution", "Refund", "compensation", compensation), java.util.Locale.ENGLISH);
		return complaintTask(key, "Task_ApproveCompensation");
	}

	private org.camunda.bpm.engine.task.Task complaintTask(String businessKey, String taskKey) {
		var task = taskService.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as(taskKey).isNotNull();
		return task;
	}

	private org.camunda.bpm.engine.task.Task proposalTask() {
		long leadId = capture.capture(new dev.lodestar.lead.NewLead("Tasklist " + UUID.randomUUID(), "Pat Doe", null, null,
				"WEB", "NA", null, null, null), "alice").id();
		steps.completeStep(leadId, "Task_QualifyLead", "alice", java.util.Set.of("sales-rep"), java.util.Map.of(
				"qualified", true, "budget", "approved", "decisionMaker", "CFO", "need", "one view", "timeline", "Q1"));
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey("Task_PrepareProposal")
			.singleResult();
	}

	private static String proposalForm(String extra) {
		return "{\"variables\":{\"amount\":{\"value\":10000,\"type\":\"Integer\"},"
				+ "\"discountPercent\":{\"value\":40,\"type\":\"Integer\"},"
				+ "\"decisionMaker\":{\"value\":\"CFO\"},"
				+ "\"nextFollowUp\":{\"value\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(5)) + "\"}"
				+ extra + "}}";
	}

	private String tasklistLogin(String user) throws Exception {
		String engine = processEngine.getName();
		get("/camunda/app/tasklist/" + engine + "/", null);
		String xsrf = xsrfCookie();
		var login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine + "/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user)))
			.build();
		assertThat(http.send(login, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		// really logged in: Tasklist's own "who am I" names the user (a refusal later is not a 401)
		var me = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"userId\":\"" + user + "\"");
		return xsrfCookie();
	}

	/** Camunda's own XSRF cookie (path /camunda), not Lodestar's (path /). */
	private String xsrfCookie() {
		var cookies = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore()
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

	private HttpResponse<String> tasklist(String xsrf, String method, String path, String body) throws Exception {
		var request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", xsrf)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> deploy(String user) throws IOException, InterruptedException {
		String boundary = "----lodestar" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncheck-" + user
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"check.bpmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + SMOKE_BPMN + "\r\n--" + boundary + "--\r\n";
		var request = HttpRequest.newBuilder(uri("/engine-rest/engine/" + processEngine.getName() + "/deployment/create"))
			.header("Authorization", basic(user, user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(uri(path));
		if (user != null) {
			request.header("Authorization", basic(user, user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
