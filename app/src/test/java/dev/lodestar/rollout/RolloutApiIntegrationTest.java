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
		assertThat(context.facts()).extracting(f -> f.label()).contains("case.rollout.phaseUnderWay", "case.rollout.openBarrierPoints");
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
	void everyWaveHasItsMaterialWithAKnowledgeCheck() throws Exception {
		var folders = http.get("/api/training-material", "alice").json();
		assertThat(folders).hasSize(4);
		for (var folder : folders) {
			assertThat(folder.get("documents").toString()).contains("knowledge-check.md");
		}
		var check = http.get("/api/training-material/04-all-staff/knowledge-check.md", "alice");
		assertThat(check.status()).isEqualTo(200);
		assertThat(check.body()).contains("Answer");
		assertThat(http.get("/api/training-material/04-all-staff/..%2Fsecret.md", "alice").status()).isIn(400, 404);
	}

}
