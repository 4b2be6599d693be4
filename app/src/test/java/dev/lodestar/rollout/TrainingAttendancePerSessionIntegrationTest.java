package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/** Attendance belongs to a session: a list taken at one session changes no other session's list. */
@LodestarIntegrationTest
class TrainingAttendancePerSessionIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	TrainingService training;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void graceTakingAttendanceAtOneSessionChangesNoOtherSession() throws Exception {
		var http = new Http(port, json);
		Long rolloutId = jdbc.queryForObject("select id from crm_rollout where name = ?", Long.class, "Lodestar CRM rollout" /* the demo rollout */);
		var wave = training.createAndStart(rolloutId, WaveKind.PROJECT_TEAM, List.of("project-team", "trainer"), 90,
				Instant.now().plus(Duration.ofDays(20)));
		var pi = training.wave(wave.getId()).getProcessInstanceId();
		var plan = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TrainingWaveProcess.TASK_PLAN_SESSIONS)
			.singleResult();
		tasks.setAssignee(plan.getId(), "grace");
		tasks.complete(plan.getId(), Map.of(TrainingWaveProcess.VAR_SESSION_TITLE, "Town hall",
				TrainingWaveProcess.VAR_SESSION_STARTS_AT, "2030-01-15T09:00:00Z", TrainingWaveProcess.VAR_SESSION_LOCATION,
				"5th floor"));
		long townHall = training.sessionsOf(wave.getId()).get(0).getId();
		var repeat = http.post("/api/training-waves/" + wave.getId() + "/sessions", "grace",
				Map.of("title", "Online repeat", "startsAt", "2030-01-16T15:00:00Z", "location", "https://meet.example.com/r"));
		assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
		long online = repeat.json().get("id").asLong();

		// grace ticks frank present at the online repeat only
		assertThat(http.post("/api/training-waves/" + wave.getId() + "/sessions/" + online + "/attendance", "grace",
				Map.of("present", Map.of("frank", true))).status()).isEqualTo(200);

		var pages = new TrainingFiguresConsistencyIntegrationTest.Pages(port).as("grace");
		String townHallPage = pages.get("/rollouts/" + rolloutId + "/sessions/" + townHall);
		String onlinePage = pages.get("/rollouts/" + rolloutId + "/sessions/" + online);
		assertThat(ticked(townHallPage, "frank")).as("frank at the town hall").isFalse();
		assertThat(ticked(onlinePage, "frank")).as("frank at the online repeat").isTrue();
		assertThat(townHallPage).as("the session's date on its page").contains("2030");
		assertThat(jdbc.queryForObject("select count(*) from crm_training_attendance where session_id = ?", Long.class,
				townHall)).isZero();

		// the town hall's list (frank absent there) leaves the online repeat's line and his attendance alone
		assertThat(http.post("/api/training-waves/" + wave.getId() + "/sessions/" + townHall + "/attendance", "grace",
				Map.of("present", Map.of("frank", false, "grace", true))).status()).isEqualTo(200);
		onlinePage = pages.get("/rollouts/" + rolloutId + "/sessions/" + online);
		assertThat(ticked(onlinePage, "frank")).as("frank at the online repeat, after the town hall's list").isTrue();
		assertThat(ticked(onlinePage, "grace")).as("grace at the online repeat").isFalse();
		assertThat(training.members(training.wave(wave.getId())))
			.filteredOn(m -> m.participant().equals("frank"))
			.singleElement()
			.satisfies(m -> assertThat(m.attended()).as("frank attended a session").isTrue());
	}

	/** Whether the participant's box on a session page is ticked. */
	private static boolean ticked(String html, String participant) {
		var box = Pattern.compile("<input[^>]*id=\"present-" + Pattern.quote(participant) + "\"[^>]*>").matcher(html);
		assertThat(box.find()).as(participant + " on the list").isTrue();
		return box.group().contains("checked");
	}

}
