package dev.lodestar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.lead.LeadProcess;
import dev.lodestar.lead.NewLead;

/**
 * No API widens a grant: the findings of issue 19, tried through {@code /engine-rest}, Camunda's
 * web apps' API ({@code /camunda/api/engine}) and Lodestar's {@code /api} and sessions. A task's
 * candidates and owner change only by the rule of assignment, a claimed task is its claimer's,
 * simultaneous claims and completions have one winner and 409s, the engine's metrics, cleanup
 * jobs and job log are the administrator's, and a role taken away counts on the next request.
 * Each test failed on the code before.
 *
 * <p>Runs first, in the first context: Camunda's web apps keep their runtime in JVM-wide
 * statics, set by the context that started last (see {@link AccessIntegrationTest}).
 */
@LodestarIntegrationTest
@Order(1)
class GrantsIntegrationTest {

	/** A second sales rep, so that a task alice claimed has somebody else who may want it. */
	private static final String REP2 = "rep2";

	@LocalServerPort
	int port;

	@Autowired
	dev.lodestar.lead.LeadCapture capture;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadSteps steps;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ObjectMapper json;

	@Autowired
	ComplaintService complaints;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeEach
	void aSecondRep() {
		if (identityService.createUserQuery().userId(REP2).count() == 0) {
			User user = identityService.newUser(REP2);
			user.setPassword(REP2);
			user.setFirstName("Second");
			user.setLastName("Rep");
			identityService.saveUser(user);
			identityService.createMembership(REP2, "sales-rep");
			identityService.createMembership(REP2, Roles.EMPLOYEE);
		}
	}

	@AfterEach
	void noSecondRep() {
		if (identityService.createUserQuery().userId(REP2).count() > 0) {
			identityService.deleteUser(REP2);
		}
	}

	// ---- identity links and the owner -----------------------------------------------------------

	@Test
	void aManagerCannotAddANonMemberAsCandidateOrOwnerNorAnotherRoleThroughEngineRest() throws Exception {
		Task qualify = qualifyTask();
		String links = "/engine-rest/task/" + qualify.getId() + "/identity-links";

		// before: 204 each, and carol (service-agent) could claim and complete the sales task
		assertRefused(send("bob", "POST", links, Map.of("userId", "carol", "type", "candidate")), 400, "userId");
		assertRefused(send("bob", "POST", links, Map.of("groupId", "service-agent", "type", "candidate")), 400,
				"groupId");
		assertRefused(send("bob", "POST", links, Map.of("userId", "carol", "type", "owner")), 400, "userId");
		assertRefused(send("bob", "POST", links, Map.of("userId", "carol", "type", "assignee")), 400, "assignee");
		assertRefused(send("bob", "POST", links, Map.of("userId", "nobody-" + UUID.randomUUID(), "type", "candidate")),
				400, "userId");
		// a task's role is its model's: before, bob could remove sales-rep and leave the task to nobody
		var removed = send("bob", "POST", links + "/delete", Map.of("groupId", "sales-rep", "type", "candidate"));
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(403);
		// saving the task with another owner is the same change
		var task = (ObjectNode) json.readTree(send("bob", "GET", "/engine-rest/task/" + qualify.getId(), null).body());
		task.put("owner", "carol");
		var saved = send("bob", "PUT", "/engine-rest/task/" + qualify.getId(), task);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(400);
		// a rep is no manager: she may not hand her task on by any door
		var byRep = send("alice", "POST", links, Map.of("userId", REP2, "type", "candidate"));
		assertThat(byRep.statusCode()).as(byRep.body()).isEqualTo(403);

		assertThat(candidates(qualify)).containsExactly("group:sales-rep");
		assertThat(taskService.createTaskQuery().taskId(qualify.getId()).singleResult().getOwner()).isNull();
		// so carol still cannot claim it, on either API
		assertThat(send("carol", "POST", "/engine-rest/task/" + qualify.getId() + "/claim", Map.of("userId", "carol"))
			.statusCode()).isIn(403, 404);
		assertThat(send("carol", "POST", "/api/tasks/" + qualify.getId() + "/claim", null).statusCode()).isIn(403, 404);
		assertThat(taskService.createTaskQuery().taskId(qualify.getId()).singleResult().getAssignee()).isNull();
	}

	@Test
	void aManagerMayNameMembersOfTheRoleAndAnAdministratorMayDoAnything() throws Exception {
		Task qualify = qualifyTask();
		String links = "/engine-rest/task/" + qualify.getId() + "/identity-links";
		assertThat(send("bob", "POST", links, Map.of("userId", REP2, "type", "candidate")).statusCode()).isEqualTo(204);
		assertThat(send("bob", "POST", links, Map.of("userId", "alice", "type", "owner")).statusCode()).isEqualTo(204);
		assertThat(candidates(qualify)).containsExactlyInAnyOrder("group:sales-rep", "user:" + REP2);
		assertThat(taskService.createTaskQuery().taskId(qualify.getId()).singleResult().getOwner()).isEqualTo("alice");
		assertThat(send("bob", "POST", links + "/delete", Map.of("userId", REP2, "type", "candidate")).statusCode())
			.isEqualTo(204);
		assertThat(candidates(qualify)).containsExactly("group:sales-rep");

		assertThat(send("admin", "POST", links, Map.of("groupId", "service-agent", "type", "candidate")).statusCode())
			.isEqualTo(204);
		assertThat(send("admin", "POST", links + "/delete", Map.of("groupId", "service-agent", "type", "candidate"))
			.statusCode()).isEqualTo(204);
		assertThat(candidates(qualify)).containsExactly("group:sales-rep");
	}

	@Test
	void tasklistsApiCannotWidenATasksCandidatesEither() throws Exception {
		Task qualify = qualifyTask();
		String links = "/camunda/api/engine/engine/" + engine.getName() + "/task/" + qualify.getId() + "/identity-links";
		var tasklist = new Tasklist("bob");
		// each on a fresh log-in: Camunda's web apps drop it after an error answer
		var candidate = tasklist.send("POST", links, "{\"userId\":\"carol\",\"type\":\"candidate\"}");
		assertThat(candidate.statusCode()).as(candidate.body()).isEqualTo(400);
		var group = new Tasklist("bob").send("POST", links, "{\"groupId\":\"service-agent\",\"type\":\"candidate\"}");
		assertThat(group.statusCode()).as(group.body()).isEqualTo(400);
		var owner = new Tasklist("bob").send("POST", links, "{\"userId\":\"carol\",\"type\":\"owner\"}");
		assertThat(owner.statusCode()).as(owner.body()).isEqualTo(400);
		var removed = new Tasklist("bob").send("POST", links + "/delete",
				"{\"groupId\":\"sales-rep\",\"type\":\"candidate\"}");
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(403);
		assertThat(candidates(qualify)).containsExactly("group:sales-rep");
		assertThat(taskService.createTaskQuery().taskId(qualify.getId()).singleResult().getOwner()).isNull();
	}

	// ---- somebody else's claim ------------------------------------------------------------------

	@Test
	void aTaskClaimedByOneRepIsCompletedByHerOnlyOnEveryApi() throws Exception {
		Task qualify = qualifyTask();
		String path = "/engine-rest/task/" + qualify.getId();
		assertThat(send("alice", "POST", path + "/claim", Map.of("userId", "alice")).statusCode()).isEqualTo(204);
		Map<String, Object> disqualify = Map.of("variables", Map.of("qualified", Map.of("value", false), "disqualifyReason",
				Map.of("value", "No budget")));

		// before: 204, and the history said alice did it
		assertRefused(send(REP2, "POST", path + "/complete", disqualify), 409, null);
		assertRefused(send("bob", "POST", path + "/complete", disqualify), 409, null);
		var submitted = new Tasklist(REP2).send("POST", "/camunda/api/engine/engine/" + engine.getName() + "/task/"
				+ qualify.getId() + "/submit-form", json.writeValueAsString(disqualify));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(409);
		assertRefused(send(REP2, "POST", "/api/tasks/" + qualify.getId() + "/complete",
				Map.of("qualified", false, "disqualifyReason", "No budget")), 409, null);
		assertThat(taskService.createTaskQuery().taskId(qualify.getId()).count()).isEqualTo(1);

		assertThat(send("alice", "POST", path + "/complete", disqualify).statusCode()).isEqualTo(204);
		// a completion that comes after hers hears that it came too late, not that the task never was
		assertRefused(send(REP2, "POST", path + "/complete", disqualify), 409, null);
		assertRefused(send(REP2, "POST", "/api/tasks/" + qualify.getId() + "/complete",
				Map.of("qualified", false, "disqualifyReason", "No budget")), 409, null);
		// a stranger still learns nothing of it: the answer of a task that never was
		int never = send("carol", "POST", "/engine-rest/task/" + UUID.randomUUID() + "/complete", disqualify).statusCode();
		assertThat(send("carol", "POST", path + "/complete", disqualify).statusCode()).isEqualTo(never);
	}

	// ---- concurrency ----------------------------------------------------------------------------

	@Test
	void simultaneousClaimsByOneUserGiveNoServerErrorOnEitherApi() throws Exception {
		for (String api : List.of("/engine-rest", "/api")) {
			Task qualify = qualifyTask();
			Map<Integer, Integer> counts = race(4, i -> api.equals("/api")
					? send("alice", "POST", "/api/tasks/" + qualify.getId() + "/claim", null)
					: send("alice", "POST", "/engine-rest/task/" + qualify.getId() + "/claim", Map.of("userId", "alice")));
			System.out.printf("4 simultaneous claims by alice through %s: %s%n", api, counts);
			// before: 1 x 204, 3 x 500 (the task's permission row for alice, inserted four times)
			assertThat(counts.keySet()).as(api + " " + counts).allMatch(status -> status == 204 || status == 200
					|| status == 409);
			assertThat(counts.getOrDefault(204, 0) + counts.getOrDefault(200, 0)).as(api + " " + counts)
				.isGreaterThanOrEqualTo(1);
			assertThat(taskService.createTaskQuery().taskId(qualify.getId()).singleResult().getAssignee())
				.isEqualTo("alice");
		}
	}

	@Test
	void simultaneousClaimsByTwoRepsHaveOneWinner() throws Exception {
		Task qualify = qualifyTask();
		List<String> users = List.of("alice", REP2, "alice", REP2);
		Map<Integer, Integer> counts = race(4, i -> send(users.get(i), "POST", "/engine-rest/task/" + qualify.getId()
				+ "/claim", Map.of("userId", users.get(i))));
		System.out.printf("4 simultaneous claims by alice and %s through /engine-rest: %s%n", REP2, counts);
		assertThat(counts.keySet()).as(counts.toString()).allMatch(status -> status == 204 || status == 409);
		String winner = taskService.createTaskQuery().taskId(qualify.getId()).singleResult().getAssignee();
		assertThat(winner).isIn("alice", REP2);
		// the winner's second claim is a no-op (204); the other rep's claims are 409
		assertThat(counts.getOrDefault(409, 0)).as(counts.toString()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void simultaneousCompletionsGiveOneWinnerAnd409sOnEveryApi() throws Exception {
		for (String api : List.of("/engine-rest", "/api")) {
			Task qualify = qualifyTask();
			assertThat(send("alice", "POST", "/api/tasks/" + qualify.getId() + "/claim", null).statusCode())
				.isIn(200, 204);
			Map<Integer, Integer> counts = race(8, i -> api.equals("/api")
					? send("alice", "POST", "/api/tasks/" + qualify.getId() + "/complete",
							Map.of("qualified", false, "disqualifyReason", "No budget"))
					: send("alice", "POST", "/engine-rest/task/" + qualify.getId() + "/complete",
							Map.of("variables", Map.of("qualified", Map.of("value", false), "disqualifyReason",
									Map.of("value", "No budget")))));
			System.out.printf("8 simultaneous completions by alice through %s: %s%n", api, counts);
			// before, through /engine-rest: 1 x 204, 7 x 500
			int won = counts.getOrDefault(204, 0) + counts.getOrDefault(200, 0);
			assertThat(won).as(api + " " + counts).isEqualTo(1);
			assertThat(counts.getOrDefault(409, 0)).as(api + " " + counts).isEqualTo(7);
			assertThat(taskService.createTaskQuery().taskId(qualify.getId()).count()).isZero();
		}
	}

	@Test
	void simultaneousClaimsAndCompletionsThroughTasklistsApiGiveOneWinnerAnd409s() throws Exception {
		String api = "/camunda/api/engine/engine/" + engine.getName() + "/task/";
		// a session each, signed in before the start: Tasklist serialises the calls of one session
		List<Tasklist> claimers = new ArrayList<>();
		List<String> users = List.of("alice", REP2, "alice", REP2);
		for (String user : users) {
			claimers.add(new Tasklist(user));
		}
		Task claimed = qualifyTask();
		Map<Integer, Integer> claims = race(4, i -> claimers.get(i).send("POST", api + claimed.getId() + "/claim",
				json.writeValueAsString(Map.of("userId", users.get(i)))));
		System.out.printf("4 simultaneous claims by alice and %s through Tasklist's API: %s%n", REP2, claims);
		assertThat(claims.keySet()).as(claims.toString()).allMatch(status -> status == 204 || status == 409);
		assertThat(taskService.createTaskQuery().taskId(claimed.getId()).singleResult().getAssignee()).isIn("alice", REP2);
		assertThat(claims.getOrDefault(409, 0)).as(claims.toString()).isGreaterThanOrEqualTo(2);

		List<Tasklist> completers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			completers.add(new Tasklist("alice"));
		}
		Task completed = qualifyTask();
		assertThat(send("alice", "POST", "/api/tasks/" + completed.getId() + "/claim", null).statusCode()).isIn(200, 204);
		String disqualify = json.writeValueAsString(Map.of("variables", Map.of("qualified", Map.of("value", false),
				"disqualifyReason", Map.of("value", "No budget"))));
		for (String call : List.of("/complete", "/submit-form")) {
			Task task = call.equals("/complete") ? completed : qualifyTask();
			if (call.equals("/submit-form")) {
				assertThat(send("alice", "POST", "/api/tasks/" + task.getId() + "/claim", null).statusCode()).isIn(200, 204);
			}
			Map<Integer, Integer> counts = race(8, i -> completers.get(i).send("POST", api + task.getId() + call, disqualify));
			System.out.printf("8 simultaneous %s by alice through Tasklist's API: %s%n", call, counts);
			assertThat(counts.getOrDefault(204, 0) + counts.getOrDefault(200, 0)).as(call + " " + counts).isEqualTo(1);
			assertThat(counts.getOrDefault(409, 0)).as(call + " " + counts).isEqualTo(7);
			assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
		}
	}

	/** {@code n} calls at once (a start latch), and how often each status came back. */
	private Map<Integer, Integer> race(int n, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch ready = new CountDownLatch(n);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> results = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				results.add(pool.submit(() -> {
					ready.countDown();
					start.await();
					return call.apply(index);
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			start.countDown();
			Map<Integer, Integer> counts = new TreeMap<>();
			for (var result : results) {
				var response = result.get(60, TimeUnit.SECONDS);
				if (response.statusCode() >= 500) {
					System.out.println("  " + response.statusCode() + " " + response.body());
				}
				counts.merge(response.statusCode(), 1, Integer::sum);
			}
			return counts;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface Call {
		HttpResponse<String> apply(int index) throws Exception;
	}

	// ---- the engine's own data ------------------------------------------------------------------

	@Test
	void theEnginesMetricsCleanupJobsAndJobLogAreForAdministratorsOnly() throws Exception {
		List<String> paths = List.of("/engine-rest/metrics/activity-instance-start/sum",
				"/engine-rest/metrics?name=activity-instance-start&interval=900", "/engine-rest/history/cleanup/jobs",
				"/engine-rest/history/job-log", "/engine-rest/history/job-log/count");
		var wrong = new ArrayList<String>();
		for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "admin")) {
			for (String path : paths) {
				int status = send(user, "GET", path, null).statusCode();
				// before: 200 for every user
				if (user.equals("admin") ? status != 200 : status != 403) {
					wrong.add(user + " GET " + path + ": " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
		// the same through Camunda's web apps (frank and erin use Cockpit)
		String api = "/camunda/api/engine/engine/" + engine.getName();
		for (String path : List.of("/metrics/activity-instance-start/sum", "/history/job-log", "/history/cleanup/jobs")) {
			var refused = new Cockpit("frank").send("GET", api + path);
			assertThat(refused.statusCode()).as(path + " " + refused.body()).isEqualTo(403);
			var answered = new Cockpit("admin").send("GET", api + path);
			assertThat(answered.statusCode()).as(path + " " + answered.body()).isEqualTo(200);
		}
	}

	// ---- role changes ----------------------------------------------------------------------------

	@Test
	void aRoleTakenAwayCountsOnTheNextRequestOfEveryOpenSession() throws Exception {
		var complaint = complaints.register(new ComplaintIntake("Roles " + UUID.randomUUID(), null, "+49 30 7654321",
				"PHONE", "SERVICE", "Nobody called back.", null, null), "carol");
		Task respond = taskService.createTaskQuery()
			.processInstanceBusinessKey(complaint.getId().toString())
			.taskDefinitionKey("Task_RespondToCustomer")
			.singleResult();
		var page = signedIn("carol");
		var tasklist = new Tasklist("carol");
		String tasklistTask = "/camunda/api/engine/engine/" + engine.getName() + "/task/" + respond.getId();
		assertThat(get(page, "/api/complaints").statusCode()).isEqualTo(200);
		assertThat(send("carol", "GET", "/api/complaints", null).statusCode()).isEqualTo(200);
		assertThat(tasklist.send("GET", tasklistTask).statusCode()).isEqualTo(200);
		try {
			var removed = send("admin", "DELETE", "/engine-rest/group/service-agent/members/carol", null);
			assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);

			// before: 200 on each until she logged out (or a minute passed, for HTTP Basic)
			assertThat(get(page, "/api/complaints").statusCode()).isEqualTo(403);
			assertThat(get(page, "/complaints").statusCode()).isIn(403, 302);
			assertThat(send("carol", "GET", "/api/complaints", null).statusCode()).isEqualTo(403);
			assertThat(tasklist.send("GET", tasklistTask).statusCode()).isIn(403, 404);
			// what she still is (an employee) she still may
			assertThat(get(page, "/api/tasks").statusCode()).isEqualTo(200);
		}
		finally {
			identityService.createMembership("carol", "service-agent");
		}
		assertThat(get(page, "/api/complaints").statusCode()).isEqualTo(200);
	}

	@Test
	void aDeletedUsersOpenSessionEndsOnItsNextRequest() throws Exception {
		var page = signedIn(REP2);
		assertThat(get(page, "/api/tasks").statusCode()).isEqualTo(200);
		identityService.deleteUser(REP2);
		assertThat(get(page, "/api/tasks").statusCode()).isEqualTo(401);
	}

		// ---- helpers ---------------------------------------------------------------------------------

	private Task qualifyTask() {
		long leadId = capture.capture(new NewLead("Grants " + UUID.randomUUID(), "Pat Doe", null, null, "WEB", "NA", null,
				null, null), "alice").id();
		return taskService.createTaskQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult();
	}

	private List<String> candidates(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()))
			.map(GrantsIntegrationTest::describe)
			.toList();
	}

	private static String describe(IdentityLink link) {
		return link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId();
	}

	private void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
		if (field != null) {
			assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field")).contains(field);
		}
	}

	/** A browser's client, signed in to Lodestar through the login form (session and CSRF cookie). */
	private HttpClient signedIn(String user) throws Exception {
		var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
		client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
		String token = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValue();
		var login = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return client;
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
		String target = path.startsWith("/engine-rest/") ? "/engine-rest/engine/" + engine.getName()
				+ path.substring("/engine-rest".length()) : path;
		var request = HttpRequest.newBuilder(uri(target))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** A browser signed in to Camunda Tasklist (its own session and XSRF cookie). */
	private final class Tasklist extends WebApp {

		Tasklist(String user) throws Exception {
			super(user, "tasklist");
		}

	}

	/** A browser signed in to Camunda Cockpit. */
	private final class Cockpit extends WebApp {

		Cockpit(String user) throws Exception {
			super(user, "cockpit");
		}

	}

	/** A browser signed in to one of Camunda's web apps (their own session and XSRF cookie). */
	private class WebApp {

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();

		private final String xsrf;

		WebApp(String user, String app) throws Exception {
			String name = engine.getName();
			client.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/" + name + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			var login = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + name + "/login/" + app))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", cookie())
				.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			// the first read after the log-in hands out the new session's XSRF token
			var me = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + name))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(me.body()).contains("\"userId\":\"" + user + "\"");
			this.xsrf = cookie();
		}

		HttpResponse<String> send(String method, String path) throws Exception {
			return client.send(HttpRequest.newBuilder(uri(path))
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", xsrf)
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> send(String method, String path, String body) throws Exception {
			return client.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", xsrf)
				.method(method, HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private String cookie() {
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

	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
