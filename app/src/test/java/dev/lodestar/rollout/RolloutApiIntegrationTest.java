package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/** The rollout API: who may start a rollout, and invalid input refused with nothing changed. */
@LodestarIntegrationTest
class RolloutApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	List<dev.lodestar.worklist.CaseContextProvider> caseContexts;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port, json);
	}

	@Test
	void projectTeamMayStartARolloutButASalesRepMayNot() throws Exception {
		String name = "Rollout " + UUID.randomUUID();
		var started = http.post("/api/rollouts", "frank", Map.of("name", name, "sponsor", "erin"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat(started.json().get("phases")).hasSize(Phase.values().length);
		assertThat(started.json().get("waves")).hasSize(4);
		assertThat(started.json().get("currentActivities").toString()).contains(RolloutProcess.TASK_SPONSOR);

		var refused = http.post("/api/rollouts", "alice", Map.of("name", "Not mine " + UUID.randomUUID(), "sponsor", "erin"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(http.get("/api/rollouts", "alice").status()).isEqualTo(403);
	}

	@Test
	void theTaskPageShowsTheRolloutBesideTheForm() throws Exception {
		String name = "Context " + UUID.randomUUID();
		long id = http.post("/api/rollouts", "frank", Map.of("name", name, "sponsor", "erin")).json().get("id").asLong();
		var provider = caseContexts.stream().filter(p -> p.supports(RolloutProcess.KEY)).findFirst().orElseThrow();
		var context = provider.describe(RolloutProcess.KEY, String.valueOf(id), "erin").orElseThrow();
		assertThat(context.title()).contains(name);
		assertThat(context.facts()).anySatisfy(f -> {
			assertThat(f.label()).isEqualTo("case.rollout.sponsor");
			assertThat(f.value()).isEqualTo("erin");
		});
		assertThat(context.facts()).extracting(f -> f.label()).containsOnlyOnce("case.rollout.currentPhase")
			.contains("case.rollout.openBarrierPoints");
		assertThat(context.link()).isEqualTo("/rollouts/" + id);
		assertThat(provider.describe(RolloutProcess.KEY, "999999999", "erin")).isEmpty();
	}

	@Test
	void aSponsorWhoIsNoExecutiveIsRefusedAndNothingIsStarted() throws Exception {
		String name = "Bottom-up " + UUID.randomUUID();
		long instances = jdbc.queryForObject("select count(*) from act_ru_execution where parent_id_ is null", Long.class);
		var refused = http.post("/api/rollouts", "frank", Map.of("name", name, "sponsor", "alice"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("sponsor");
		assertThat(jdbc.queryForObject("select count(*) from crm_rollout where name = ?", Long.class, name)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where parent_id_ is null", Long.class)).isEqualTo(instances);
	}

	@Test
	void anAdkarScoreOfSevenIsRefusedAndTheAssessmentStaysOpen() throws Exception {
		var rollout = http.post("/api/rollouts", "frank", Map.of("name", "ADKAR " + UUID.randomUUID(), "sponsor", "erin")).json();
		long id = rollout.get("id").asLong();
		var stakeholder = http.post("/api/rollouts/" + id + "/stakeholders", "frank", Map.of("name", "Sales", "category",
				"EMPLOYEE", "department", "Sales", "influence", 2, "interest", 4)).json();
		long stakeholderId = stakeholder.get("id").asLong();
		var unknownManager = http.post("/api/rollouts/" + id + "/stakeholders", "frank", Map.of("name", "Ops", "category",
				"MIDDLE_MANAGER", "influence", 3, "interest", 3, "responsibleManager", "nobody-" + UUID.randomUUID()));
		assertThat(unknownManager.status()).isEqualTo(400);
		assertThat(unknownManager.body()).contains("responsibleManager");
		var invalidScale = http.post("/api/rollouts/" + id + "/stakeholders", "frank", Map.of("name", "Ops", "category",
				"MIDDLE_MANAGER", "influence", 6, "interest", 3));
		assertThat(invalidScale.status()).isEqualTo(400);
		assertThat(invalidScale.body()).contains("influence");
		var assessment = http.post("/api/rollouts/" + id + "/stakeholder-assessments", "frank", Map.of());
		assertThat(assessment.status()).isEqualTo(201);
		String assessmentId = assessment.json().get("processInstanceId").asText();
		var register = tasks.createTaskQuery().processInstanceId(assessmentId).singleResult();
		tasks.complete(register.getId());

		var refused = http.post("/api/rollouts/" + id + "/stakeholders/" + stakeholderId + "/assessment", "frank",
				Map.of("awareness", 7, "desire", 4, "knowledge", 4, "ability", 4, "reinforcement", 4));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("awareness");
		assertThat(http.get("/api/rollouts/" + id + "/stakeholders", "frank").json().get(0).get("assessedAt").isNull()).isTrue();
		assertThat(tasks.createTaskQuery().processInstanceId(assessmentId).taskDefinitionKey(StakeholderAssessmentProcess.TASK_ASSESS_ADKAR).count()).isEqualTo(1);

		var assessed = http.post("/api/rollouts/" + id + "/stakeholders/" + stakeholderId + "/assessment", "frank",
				Map.of("awareness", 4, "desire", 2, "knowledge", 4, "ability", 4, "reinforcement", 4));
		assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
		assertThat(assessed.json().get("quadrant").asText()).isEqualTo("KEEP_INFORMED");
		var view = http.get("/api/rollouts/" + id, "erin").json();
		assertThat(view.get("barrierPoints")).hasSize(1);
		assertThat(view.get("barrierPoints").get(0).get("dimension").asText()).isEqualTo("desire");
	}

	@Test
	void aWaveWithoutAnAudienceIsRefusedAndNothingIsCreated() throws Exception {
		long waves = jdbc.queryForObject("select count(*) from crm_training_wave", Long.class);
		var refused = http.post("/api/training-waves", "frank", Map.of("kind", "ALL_STAFF", "audience", List.of(),
				"deadline", Instant.now().plus(Duration.ofDays(14)).toString()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("audience");
		var blank = http.post("/api/training-waves", "frank", Map.of("kind", "ALL_STAFF", "audience", List.of(" "),
				"deadline", Instant.now().plus(Duration.ofDays(14)).toString()));
		assertThat(blank.status()).isEqualTo(400);
		var unknownRollout = http.post("/api/training-waves", "frank", Map.of("rolloutId", 987654321, "kind", "ALL_STAFF",
				"audience", List.of("employee"), "deadline", Instant.now().plus(Duration.ofDays(14)).toString()));
		assertThat(unknownRollout.status()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from crm_training_wave", Long.class)).isEqualTo(waves);
	}

	@Test
	void everyWaveHasItsMaterialAndAKnowledgeCheckWhoseKeyIsNeverServed() throws Exception {
		var folders = http.get("/api/training-material", "alice").json();
		assertThat(folders).hasSize(4);
		for (var folder : folders) {
			assertThat(folder.get("documents")).isNotEmpty();
			assertThat(folder.get("documents").toString()).doesNotContain("knowledge-check");
			var check = http.get("/api/training/knowledge-checks/" + folder.get("folder").asText(), "alice");
			assertThat(check.status()).isEqualTo(200);
			assertThat(check.json().get("questions").size()).isGreaterThanOrEqualTo(10);
			assertThat(check.body()).doesNotContain("[x]").doesNotContain("\"key\"");
		}
		assertThat(http.get("/api/training-material/04-all-staff/knowledge-check.md", "alice").status()).isEqualTo(404);
		assertThat(http.get("/api/training-material/04-all-staff/..%2Fsecret.md", "alice").status()).isIn(400, 404);
		// nobody can take a check that is not open for them
		var taken = http.post("/api/training/knowledge-checks/01-executives", "carol", Map.of("answers", Map.of("1", List.of(2))));
		assertThat(taken.status()).isEqualTo(409);
	}

	@Test
	void theIssueLogSetsSeverityAndAssigneeAndAnOpenCriticalIssueTurnsTheGateToNoGo() throws Exception {
		long id = http.post("/api/rollouts", "frank", Map.of("name", "Issues " + UUID.randomUUID(), "sponsor", "erin")).json().get("id").asLong();
		var logged = http.post("/api/rollouts/" + id + "/issues", "frank", Map.of("title", "Import is slow", "severity", "LOW"));
		assertThat(logged.status()).isEqualTo(201);
		long issue = logged.json().get("id").asLong();
		assertThat(http.post("/api/rollouts/" + id + "/issues", "frank", Map.of("title", "x", "assignee", "nobody-" + UUID.randomUUID())).status()).isEqualTo(400);
		assertThat(http.post("/api/rollouts/" + id + "/issues", "erin", Map.of("title", "not mine")).status()).isEqualTo(403);

		var gateBefore = http.get("/api/rollouts/" + id + "/gate", "erin").json();
		assertThat(gateBefore.get("figures").get("openCriticalIssues").asInt()).isZero();
		var critical = http.put("/api/rollouts/" + id + "/issues/" + issue, "frank", Map.of("severity", "CRITICAL", "assignee", "frank"));
		assertThat(critical.status()).as(critical.body()).isEqualTo(200);
		assertThat(critical.json().get("assignee").asText()).isEqualTo("frank");
		var gate = http.get("/api/rollouts/" + id + "/gate", "erin").json();
		assertThat(gate.get("go").asBoolean()).isFalse();
		assertThat(gate.get("figures").get("openCriticalIssues").asInt()).isEqualTo(1);
		assertThat(gate.get("reasons").toString()).contains("Critical issues are still open");

		assertThat(http.post("/api/rollouts/" + id + "/issues/" + issue + "/close", "frank", Map.of()).status()).isEqualTo(200);
		assertThat(http.get("/api/rollouts/" + id + "/gate", "erin").json().get("reasons").toString()).doesNotContain("Critical");
		assertThat(http.put("/api/rollouts/" + id + "/issues/" + issue, "frank", Map.of("severity", "LOW")).status()).isEqualTo(409);
	}

	@Test
	void theCommunicationLogSaysWhatWasSentToWhom() throws Exception {
		long id = http.post("/api/rollouts", "frank", Map.of("name", "Comms " + UUID.randomUUID(), "sponsor", "erin")).json().get("id").asLong();
		var logged = http.post("/api/rollouts/" + id + "/messages", "frank", Map.of("subject", "Why CRM", "audience", "Sales team",
				"recipients", 12, "channel", "team meeting"));
		assertThat(logged.status()).isEqualTo(201);
		assertThat(http.post("/api/rollouts/" + id + "/messages", "frank", Map.of("subject", "", "audience", "x")).status()).isEqualTo(400);
		var log = http.get("/api/rollouts/" + id + "/messages", "erin").json();
		assertThat(log).hasSize(1);
		assertThat(log.get(0).get("audience").asText()).isEqualTo("Sales team");
		assertThat(log.get(0).get("sentBy").asText()).isEqualTo("frank");
	}

	@Test
	void onlyATrainerTakesAttendanceAndRemindersReachThoseNotFinished() throws Exception {
		var wave = http.post("/api/training-waves", "grace", Map.of("kind", "END_USERS", "audience", List.of("sales-rep"),
				"deadline", Instant.now().plus(Duration.ofDays(14)).toString())).json();
		long waveId = wave.get("progress").get("waveId").asLong();
		var session = http.post("/api/training-waves/" + waveId + "/sessions", "grace", Map.of("title", "Online repeat",
				"startsAt", Instant.now().plus(Duration.ofDays(1)).toString(), "location", "https://meet.example.com/x"));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		assertThat(session.json().get("trainer").asText()).isEqualTo("grace");
		long sessionId = session.json().get("id").asLong();
		assertThat(http.post("/api/training-waves/" + waveId + "/sessions", "alice", Map.of("title", "x",
				"startsAt", Instant.now().toString())).status()).isEqualTo(403);
		assertThat(http.post("/api/training-waves/" + waveId + "/sessions/" + sessionId + "/attendance", "frank",
				Map.of("present", Map.of("alice", true))).status()).isEqualTo(403);
		// before the trainer planned the wave nobody is invited: attendance of a stranger is refused
		assertThat(http.post("/api/training-waves/" + waveId + "/sessions/" + sessionId + "/attendance", "grace",
				Map.of("present", Map.of("carol", true))).status()).isEqualTo(400);
		assertThat(http.post("/api/training-waves/" + waveId + "/reminders", "grace", Map.of()).json().get("reminded").asInt()).isZero();
	}

}
