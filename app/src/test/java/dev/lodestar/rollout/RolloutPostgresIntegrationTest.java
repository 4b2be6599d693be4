package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.PageLogin;

/**
 * A rollout on the real PostgreSQL server, driven over HTTP only: Lodestar's API for the
 * rollout, the stakeholders, their ADKAR scores and the trainer's results; Camunda's REST API
 * for the remaining tasks, each completed by the user whose role it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class RolloutPostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	DataSource dataSource;

	@Autowired
	ProcessEngine engine;

	@Test
	void aRolloutRunsThroughTheStakeholderAssessmentAndTheExecutiveWaveViaTheApi() throws Exception {
		try (var connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		var http = new Http(port, json);
		var started = http.post("/api/rollouts", "frank", Map.of("name", "PG rollout " + UUID.randomUUID(), "sponsor", "erin"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		long id = started.json().get("id").asLong();
		long executivesWave = started.json().get("waves").get(0).get("waveId").asLong();
		String key = String.valueOf(id);

		long board = http.post("/api/rollouts/" + id + "/stakeholders", "frank", Map.of("name", "Board", "category",
				"DECISION_MAKER", "influence", 5, "interest", 5, "responsibleManager", "erin")).json().get("id").asLong();
		long sales = http.post("/api/rollouts/" + id + "/stakeholders", "frank", Map.of("name", "Sales team", "category",
				"EMPLOYEE", "department", "Sales", "influence", 2, "interest", 5, "responsibleManager", "bob")).json().get("id").asLong();

		completeVia("erin", task("erin", key, RolloutProcess.TASK_SPONSOR), Map.of("strategy", "Employees first"));

		// the stakeholder assessment, called by the rollout
		completeVia("frank", task("frank", null, StakeholderAssessmentProcess.TASK_REVIEW_REGISTER), Map.of("registerComplete", true));
		assertThat(http.post("/api/rollouts/" + id + "/stakeholders/" + board + "/assessment", "frank",
				Map.of("awareness", 5, "desire", 5, "knowledge", 4, "ability", 4, "reinforcement", 4)).status()).isEqualTo(200);
		var salesAssessed = http.post("/api/rollouts/" + id + "/stakeholders/" + sales + "/assessment", "frank",
				Map.of("awareness", 4, "desire", 2, "knowledge", 4, "ability", 4, "reinforcement", 4));
		assertThat(salesAssessed.json().get("quadrant").asText()).isEqualTo("KEEP_INFORMED");
		var mitigation = task("bob", null, StakeholderAssessmentProcess.TASK_MITIGATE);
		completeVia("bob", mitigation, Map.of("mitigation", "Key users show the sales team what they gain"));

		// wave 1: the executives
		completeVia("grace", task("grace", null, TrainingWaveProcess.TASK_PLAN_SESSIONS),
				Map.of("sessionTitle", "Why CRM is about people", "sessionStartsAt", "2030-01-15T09:00:00Z", "sessionLocation", "Board room"));
		// the participant's task declares no answers: the quiz in the app records them (KnowledgeCheck)
		completeVia("erin", task("erin", null, TrainingWaveProcess.TASK_ATTEND), Map.of());
		var recorded = http.post("/api/training-waves/" + executivesWave + "/results/erin", "grace", Map.of("attended", true, "score", 90));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);

		JsonNode rollout = http.get("/api/rollouts/" + id, "erin").json();
		JsonNode wave = rollout.get("waves").get(0);
		assertThat(wave.get("kind").asText()).isEqualTo("EXECUTIVES");
		assertThat(wave.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(wave.get("completionPercent").asDouble()).isEqualTo(100.0);
		assertThat(rollout.get("barrierPoints")).hasSize(1);
		assertThat(rollout.get("barrierPoints").get(0).get("status").asText()).isEqualTo("MITIGATED");
		assertThat(rollout.get("currentActivities").toString()).contains(RolloutProcess.TASK_FORM_TEAM)
			.doesNotContain(RolloutProcess.CALL_STAKEHOLDERS);
		assertThat(rollout.get("phases").get(0).get("status").asText()).isEqualTo("DONE");

		// the gate and the rollout page judge today's figures by the go-live DMN, which records its
		// evaluation: on PostgreSQL a read-only transaction refused that record with a 500
		var gate = http.get("/api/rollouts/" + id + "/gate", "erin");
		assertThat(gate.status()).as(gate.body()).isEqualTo(200);
		var page = PageLogin.as(port, "erin").get("/rollouts/" + id);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"gate-verdict\"");
	}

	/** Tests give each engine a unique name, so Camunda's REST API is addressed by engine. */
	private String rest() {
		return "/engine-rest/engine/" + engine.getName();
	}

	/** The one open task with this definition key the user can see (of this rollout, when given). */
	private String task(String user, String businessKey, String definitionKey) throws Exception {
		String query = rest() + "/task?taskDefinitionKey=" + definitionKey
				+ (businessKey == null ? "" : "&processInstanceBusinessKey=" + businessKey) + "&sortBy=created&sortOrder=desc";
		var found = new Http(port, json).get(query, user);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json().size()).as("open %s tasks visible to %s", definitionKey, user).isPositive();
		return found.json().get(0).get("id").asText();
	}

	private void completeVia(String user, String taskId, Map<String, Object> variables) throws Exception {
		var http = new Http(port, json);
		var typed = new java.util.HashMap<String, Object>();
		variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
		assertThat(http.post(rest() + "/task/" + taskId + "/claim", user, Map.of("userId", user)).status()).isIn(204, 500);
		var completed = http.post(rest() + "/task/" + taskId + "/complete", user, Map.of("variables", typed));
		assertThat(completed.status()).as(completed.body()).isIn(200, 204);
	}

}
