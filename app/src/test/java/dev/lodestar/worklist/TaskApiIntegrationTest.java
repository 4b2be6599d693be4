package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/** My work's JSON API, as alice (sales-rep), bob (sales-manager) and carol (service-agent) use it. */
@LodestarIntegrationTest
class TaskApiIntegrationTest {

	static final String LEAD_PROCESS = "test-lead-qualification";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	ApiClient api;

	final List<String> instances = new ArrayList<>();

	@BeforeEach
	void client() {
		api = new ApiClient(port, json);
	}

	@AfterEach
	void deleteInstances() {
		for (String id : instances) {
			if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
				runtimeService.deleteProcessInstance(id, "test over");
			}
		}
	}

	@Test
	void aSalesRepSeesTheLeadTaskAndAServiceAgentDoesNot() {
		String key = uniqueKey();
		String taskId = startLead(key, Duration.ofDays(2), Duration.ofDays(1), "Visible Ltd " + key);

		JsonNode alices = api.get("alice", "/api/tasks?process=" + LEAD_PROCESS + "&customer=" + key).body();
		assertThat(alices.path("items")).hasSize(1);
		JsonNode row = alices.path("items").get(0);
		assertThat(row.path("id").asText()).isEqualTo(taskId);
		assertThat(row.path("name").asText()).isEqualTo("Qualify the lead");
		assertThat(row.path("businessKey").asText()).isEqualTo(key);
		assertThat(row.path("customer").asText()).isEqualTo("Visible Ltd " + key);
		assertThat(row.path("sla").asText()).isEqualTo("ON_TIME");

		assertThat(api.get("carol", "/api/tasks?process=" + LEAD_PROCESS + "&customer=" + key).body().path("items"))
			.isEmpty();
		assertThat(api.get("carol", "/api/tasks/" + taskId).status()).isEqualTo(404);
		assertThat(api.post("carol", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(404);
		assertThat(api.post("carol", "/api/tasks/" + taskId + "/complete", Map.of("budget", 10)).status()).isEqualTo(404);
		assertThat(api.get("carol", "/api/tasks?queue=role:sales-rep").status()).isEqualTo(403);
		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
	}

	@Test
	void completingAgainstTheFormsConstraintsNamesEachBadFieldAndCompletesNothing() {
		String taskId = startLead(uniqueKey(), Duration.ofDays(2), Duration.ofDays(1), "Strict Co");
		assertThat(api.post("alice", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);

		var missing = api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(fields(missing.body())).containsExactly("budget");
		assertThat(missing.body().path("errors").get(0).path("message").asText()).isEqualTo("is required");

		var wrong = api.post("alice", "/api/tasks/" + taskId + "/complete",
				Map.of("budget", -5, "contactPhone", "call me maybe", "qualificationNotes", "x"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(fields(wrong.body())).containsExactly("budget", "contactPhone", "qualificationNotes");
		assertThat(messages(wrong.body())).containsExactly("must be at least 0", "does not have the expected format",
				"must have at least 3 characters");

		var tooMuch = api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("budget", 2_000_000));
		assertThat(messages(tooMuch.body())).containsExactly("must be at most 1000000");

		// strict types, and nothing the form does not declare; a number may come as people write it
		// ("12", "50,000": WrittenNumbers), but never as words or an ambiguous "50,00"
		var loose = api.post("alice", "/api/tasks/" + taskId + "/complete",
				Map.of("budget", "50,00", "qualified", "yes", "notAField", "x"));
		assertThat(loose.status()).isEqualTo(400);
		assertThat(fields(loose.body())).containsExactly("budget", "notAField", "qualified");

		// a field shown only for qualified leads is required only then
		var qualified = api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("budget", 10, "qualified", true));
		assertThat(fields(qualified.body())).containsExactly("decisionMaker");

		var chinese = api.send("alice", "POST", "/api/tasks/" + taskId + "/complete", Map.of(), "zh-CN");
		assertThat(messages(chinese.body())).containsExactly("为必填项");

		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(taskId).singleResult()
			.getProcessInstanceId(), "budget")).isNull();
	}

	@Test
	void aStageRuleOfTheCasesModuleRefusesTheCompletionOnItsField() {
		String taskId = startLead(uniqueKey(), Duration.ofDays(2), Duration.ofDays(1), "Small Fish");

		var refused = api.post("alice", "/api/tasks/" + taskId + "/complete",
				Map.of("budget", 500, "qualified", true, "decisionMaker", "Mr Li"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(fields(refused.body())).containsExactly("budget");
		assertThat(messages(refused.body())).containsExactly("must be at least 1000 for a qualified lead");
		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

		assertThat(api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("budget", 500, "qualified", false))
			.status()).isEqualTo(204);
	}

	@Test
	void aRuleBrokenInsideTheEngineReachesTheUserAsAProblemNotAsAServerError() {
		String taskId = startLead(uniqueKey(), Duration.ofDays(2), Duration.ofDays(1), "Guarded Co");

		var conflict = api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("budget", 13));
		assertThat(conflict.status()).as(conflict.text()).isEqualTo(409);
		assertThat(conflict.body().path("detail").asText()).contains("unlucky budget");
		var invalid = api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("budget", 14));
		assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
		assertThat(fields(invalid.body())).containsExactly("budget");
		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		// nothing half-written: the claim on the way was rolled back with the completion
		assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
	}

	@Test
	void completingMovesTheCaseIntoTheManagersQueueWithTheFormsValues() {
		String key = uniqueKey();
		String taskId = startLead(key, Duration.ofDays(2), Duration.ofDays(1), "Next Step " + key);

		// an unassigned task is claimed on the way
		var done = api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("budget", 25000, "contactPhone",
				"+86 21 5555 0101", "qualificationNotes", "Needs 40 desks", "qualified", true, "decisionMaker", "Ms Wang"));
		assertThat(done.status()).as(done.text()).isEqualTo(204);

		assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
			.isEqualTo("alice");
		String instanceId = instances.get(instances.size() - 1);
		assertThat(runtimeService.getVariable(instanceId, "budget")).isEqualTo(25000L);
		assertThat(runtimeService.getVariable(instanceId, "qualified")).isEqualTo(true);
		assertThat(runtimeService.getVariable(instanceId, "notAField")).isNull();

		assertThat(ids(api.get("alice", "/api/tasks?customer=" + key).body())).isEmpty();
		JsonNode bobs = api.get("bob", "/api/tasks?queue=role:sales-manager&customer=" + key).body();
		assertThat(bobs.path("items")).hasSize(1);
		assertThat(bobs.path("items").get(0).path("name").asText()).isEqualTo("Approve the discount");
		assertThat(api.get("bob", "/api/tasks/counts").body().path("roles").path("sales-manager").asLong())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void aTaskSomeoneElseHoldsIsAConflict() {
		String otherRep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
		var user = identityService.newUser(otherRep);
		user.setPassword(otherRep);
		identityService.saveUser(user);
		identityService.createMembership(otherRep, "sales-rep");
		try {
			String taskId = startLead(uniqueKey(), Duration.ofDays(2), Duration.ofDays(1), "Race Inc");
			assertThat(api.post("alice", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);

			assertThat(api.post(otherRep, "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(409);
			assertThat(api.post(otherRep, "/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(409);
			var complete = api.post(otherRep, "/api/tasks/" + taskId + "/complete", Map.of("budget", 1));
			assertThat(complete.status()).isEqualTo(409);
			assertThat(complete.body().path("detail").asText()).contains("alice");

			assertThat(api.post("alice", "/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(204);
			assertThat(api.post(otherRep, "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);
			assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(otherRep);
		}
		finally {
			identityService.deleteUser(otherRep);
		}
	}

	@Test
	void eachRowShowsItsSlaStateFromTheDueAndFollowUpDates() {
		String key = uniqueKey();
		String onTime = startLead(key + "-a", Duration.ofDays(3), Duration.ofDays(2), "Sla " + key);
		String warning = startLead(key + "-b", Duration.ofHours(5), Duration.ofHours(-1), "Sla " + key);
		String breached = startLead(key + "-c", Duration.ofHours(-2), Duration.ofHours(-10), "Sla " + key);

		JsonNode rows = api.get("alice", "/api/tasks?customer=Sla%20" + key + "&sort=due").body().path("items");
		assertThat(ids(rows)).containsExactly(breached, warning, onTime);
		assertThat(rows.get(0).path("sla").asText()).isEqualTo("BREACHED");
		assertThat(rows.get(1).path("sla").asText()).isEqualTo("WARNING");
		assertThat(rows.get(2).path("sla").asText()).isEqualTo("ON_TIME");
		assertThat(Duration.parse(rows.get(0).path("timeLeft").asText())).isNegative();
		assertThat(Duration.parse(rows.get(2).path("timeLeft").asText())).isGreaterThan(Duration.ofDays(2));

		assertThat(ids(api.get("alice", "/api/tasks?customer=Sla%20" + key + "&overdue=true").body()))
			.containsExactly(breached);
		assertThat(ids(api.get("alice", "/api/tasks?customer=Sla%20" + key + "&dueSoon=true").body()))
			.containsExactly(warning);
		assertThat(ids(api.get("alice", "/api/tasks?customer=Sla%20" + key + "&sort=due&dir=desc").body()))
			.containsExactly(onTime, warning, breached);
	}

	@Test
	void theListIsPagedAndCountedPerQueue() {
		String key = uniqueKey();
		long queuedBefore = api.get("alice", "/api/tasks/counts").body().path("roles").path("sales-rep").asLong();
		List<String> started = new ArrayList<>();
		for (int i = 0; i < 27; i++) {
			started.add(startLead(key + "-" + i, Duration.ofHours(10 + i), Duration.ofHours(5 + i), "Paged " + key));
		}
		JsonNode first = api.get("alice", "/api/tasks?customer=Paged%20" + key).body();
		assertThat(first.path("items")).hasSize(25);
		assertThat(first.path("hasMore").asBoolean()).isTrue();
		JsonNode second = api.get("alice", "/api/tasks?customer=Paged%20" + key + "&page=1").body();
		assertThat(second.path("items")).hasSize(2);
		assertThat(second.path("hasMore").asBoolean()).isFalse();
		List<String> all = new ArrayList<>(ids(first));
		all.addAll(ids(second));
		assertThat(all).containsExactlyElementsOf(started); // by due date, ascending

		taskService.claim(started.get(0), "alice");
		JsonNode counts = api.get("alice", "/api/tasks/counts").body();
		assertThat(counts.path("roles").path("sales-rep").asLong()).isEqualTo(queuedBefore + 26);
		assertThat(counts.path("mine").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(ids(api.get("alice", "/api/tasks?queue=mine&customer=Paged%20" + key).body()))
			.containsExactly(started.get(0));
		assertThat(api.get("alice", "/api/tasks?queue=role:sales-rep&customer=Paged%20" + key).body()
			.path("items")).hasSize(25);
	}

	@Test
	void savedFiltersBelongToTheirOwner() {
		String name = "Overdue leads " + uniqueKey();
		var saved = api.post("alice", "/api/task-filters",
				Map.of("name", name, "filter", Map.of("process", LEAD_PROCESS, "overdue", true)));
		assertThat(saved.status()).isEqualTo(201);
		assertThat(saved.body().path("query").asText()).contains("process=" + LEAD_PROCESS).contains("overdue=true");
		long id = saved.body().path("id").asLong();

		assertThat(api.get("alice", "/api/task-filters").body().findValuesAsText("name")).contains(name);
		assertThat(api.get("bob", "/api/task-filters").body().findValuesAsText("name")).doesNotContain(name);
		assertThat(api.post("alice", "/api/task-filters", Map.of("name", name)).status()).isEqualTo(409);
		assertThat(api.post("alice", "/api/task-filters", Map.of("name", "")).status()).isEqualTo(400);
		assertThat(api.delete("bob", "/api/task-filters/" + id).status()).isEqualTo(404);
		assertThat(api.delete("alice", "/api/task-filters/" + id).status()).isEqualTo(204);
		assertThat(api.get("alice", "/api/task-filters").body().findValuesAsText("name")).doesNotContain(name);
	}

	@Test
	void aManagerSeesTheWorkloadAndReassignsWithinTheRole() {
		String taskId = startLead(uniqueKey(), Duration.ofHours(-1), Duration.ofHours(-3), "Load Ltd");
		assertThat(api.put("bob", "/api/tasks/" + taskId + "/assignee", Map.of("userId", "carol")).status())
			.isEqualTo(400);
		assertThat(api.put("alice", "/api/tasks/" + taskId + "/assignee", Map.of("userId", "alice")).status())
			.isEqualTo(403);
		assertThat(api.put("bob", "/api/tasks/" + taskId + "/assignee", Map.of("userId", "alice")).status())
			.isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("alice");

		var workload = api.get("bob", "/api/workload");
		assertThat(workload.status()).isEqualTo(200);
		JsonNode salesReps = workload.body().get(0);
		assertThat(salesReps.path("role").asText()).isEqualTo("sales-rep");
		JsonNode alice = salesReps.path("members").get(0);
		assertThat(alice.path("userId").asText()).isEqualTo("alice");
		assertThat(alice.path("open").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(alice.path("overdue").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(api.get("alice", "/api/workload").status()).isEqualTo(403);
		assertThat(api.get("carol", "/api/workload").status()).isEqualTo(403);
	}

	@Test
	void theTaskShowsItsCaseEarlierStepsCommentsAndTranslatedForm() {
		String key = uniqueKey();
		String taskId = startLead(key, Duration.ofDays(1), Duration.ofHours(12), "Context AG");
		assertThat(api.post("alice", "/api/tasks/" + taskId + "/comments", Map.of("message", "Called, no answer"))
			.status()).isEqualTo(201);
		assertThat(api.post("alice", "/api/tasks/" + taskId + "/comments", Map.of("message", " ")).status())
			.isEqualTo(400);

		JsonNode view = api.get("alice", "/api/tasks/" + taskId).body();
		assertThat(view.path("cases")).as(view.toString()).hasSize(1);
		assertThat(view.path("comments")).as(view.toString()).hasSize(1);
		assertThat(view.path("cases").get(0).path("customerName").asText()).isEqualTo("Shanghai Lotus Furniture");
		assertThat(view.path("history").findValuesAsText("activityId")).containsExactly("Start_LeadCaptured",
				"Task_QualifyLead");
		assertThat(view.path("comments").get(0).path("who").asText()).isEqualTo("alice");
		assertThat(view.path("comments").get(0).path("text").asText()).isEqualTo("Called, no answer");
		assertThat(view.path("canClaim").asBoolean()).isTrue();
		assertThat(view.path("canReassign").asBoolean()).isFalse();

		JsonNode english = api.get("alice", "/api/tasks/" + taskId + "/form").body();
		assertThat(english.path("schema").path("components").get(0).path("label").asText()).isEqualTo("Budget (EUR)");
		JsonNode chinese = api.send("alice", "GET", "/api/tasks/" + taskId + "/form", null, "zh-CN").body();
		assertThat(chinese.path("schema").path("components").get(0).path("label").asText()).isEqualTo("预算（欧元）");
		assertThat(api.get("alice", "/api/tasks/" + taskId + "/diagram").text()).contains("Task_QualifyLead");
	}

	// ---- helpers ----------------------------------------------------------------------------

	String startLead(String businessKey, Duration dueIn, Duration followUpIn, String customer) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("dueDate", Date.from(Instant.now().plus(dueIn)));
		variables.put("followUpDate", Date.from(Instant.now().plus(followUpIn)));
		variables.put("customerName", customer);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(LEAD_PROCESS, businessKey, variables);
		instances.add(instance.getId());
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		return task.getId();
	}

	static String uniqueKey() {
		return "L" + UUID.randomUUID().toString().substring(0, 8);
	}

	static List<String> ids(JsonNode pageOrItems) {
		JsonNode items = pageOrItems.has("items") ? pageOrItems.path("items") : pageOrItems;
		List<String> ids = new ArrayList<>();
		items.forEach(item -> ids.add(item.path("id").asText()));
		return ids;
	}

	static List<String> fields(JsonNode problem) {
		return problem.path("errors").findValuesAsText("field");
	}

	static List<String> messages(JsonNode problem) {
		return problem.path("errors").findValuesAsText("message");
	}

}
