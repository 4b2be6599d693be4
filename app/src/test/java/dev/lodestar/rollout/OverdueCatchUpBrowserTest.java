package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * An overdue person catches up: {@code sales.07}, in the end users' audience, missed the
 * deadline (the process closed their task), opens /training in Chromium, takes the knowledge
 * check, passes, and is overdue nowhere any more: not on the cockpit, not on the rollout page,
 * not in the training API, not in the KPI's drill-down.
 */
@LodestarIntegrationTest
class OverdueCatchUpBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdentityService identity;

	@Autowired
	TrainingService training;

	@Autowired
	TrainingLibrary library;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void sales07OverdueTakesTheCheckPassesAndStopsBeingOverdueEverywhereAtOnce() throws Exception {
		var http = new Http(port, json);
		if (identity.createUserQuery().userId("sales.07").count() == 0) {
			var user = identity.newUser("sales.07");
			user.setFirstName("Sales");
			user.setLastName("07");
			user.setPassword("sales.07");
			identity.saveUser(user);
			identity.createMembership("sales.07", "sales-rep");
			identity.createMembership("sales.07", "employee");
		}
		Long rolloutId = jdbc.queryForObject("select id from crm_rollout where name = ?", Long.class, "Lodestar CRM rollout" /* the demo rollout */);
		var wave = training.createAndStart(rolloutId, WaveKind.END_USERS, List.of("sales-rep"), 80,
				Instant.now().plus(Duration.ofDays(10)));
		String pi = wave.getProcessInstanceId();
		var plan = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TrainingWaveProcess.TASK_PLAN_SESSIONS)
			.singleResult();
		tasks.setAssignee(plan.getId(), "grace");
		tasks.complete(plan.getId(), Map.of(TrainingWaveProcess.VAR_SESSION_TITLE, "Lodestar for sales reps",
				TrainingWaveProcess.VAR_SESSION_STARTS_AT, "2030-01-15T09:00:00Z", TrainingWaveProcess.VAR_SESSION_LOCATION,
				"Training room 2"));
		// the deadline passes: the process takes the open tasks away and asks the project team
		jdbc.update("update crm_training_wave set deadline = ? where id = ?", Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
				wave.getId());
		management.executeJob(management.createJobQuery().processInstanceId(pi).activityId(TrainingWaveProcess.TIMER_DEADLINE)
			.singleResult().getId());
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskAssignee("sales.07").count()).isZero();
		assertThat(overdueOnCockpit(http)).contains(wave.getId() + "/sales.07");
		assertThat(memberOnRolloutPage(rolloutId, wave.getId())).contains("data-overdue=\"true\"");
		long overdueBefore = http.get("/api/training-waves/" + wave.getId(), "frank").json().get("progress").get("overdue").asLong();

		// sales.07 in the browser: the check is open for them, they are told they are overdue
		browser.logIn("sales.07");
		browser.open("/training?lang=en");
		// the end users' check says "open for you"
		browser.waitFor(By.cssSelector("section[data-folder='" + WaveKind.END_USERS.materialFolder() + "'] .check-open"));
		browser.screenshot("overdue-training-index");
		browser.open("/training/" + WaveKind.END_USERS.materialFolder() + "/knowledge-check?lang=en");
		browser.waitFor(By.id("check-overdue"));
		assertThat(browser.driver().findElements(By.id("check-closed"))).isEmpty();
		var check = library.knowledgeCheck(WaveKind.END_USERS.materialFolder(), Locale.ENGLISH).orElseThrow();
		for (var q : check.questions()) {
			for (int i : q.key()) {
				browser.driver().findElement(By.id("q" + q.number() + "-" + i)).click();
			}
		}
		browser.driver().findElement(By.id("submit-check")).click();
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("check-passed")));
		browser.screenshot("overdue-check-passed");

		// overdue nowhere any more, at once
		assertThat(overdueOnCockpit(http)).noneMatch(o -> o.endsWith("/sales.07"));
		String member = memberOnRolloutPage(rolloutId, wave.getId());
		assertThat(member).contains("data-passed=\"true\"").contains("data-overdue=\"false\"");
		assertThat(http.get("/api/training-waves/" + wave.getId(), "frank").json().get("progress").get("overdue").asLong())
			.isEqualTo(overdueBefore - 1);
		JsonNode drill = http.get("/api/insight/cases?kpi=TRAINING_COMPLETION", "erin").json();
		boolean found = false;
		for (JsonNode row : drill.get("cases")) {
			if (row.get("id").asText().equals(wave.getId() + "/sales.07")) {
				assertThat(row.get("value").asText()).startsWith("passed");
				found = true;
			}
		}
		assertThat(found).as("sales.07 in the KPI's drill-down").isTrue();

		// the cockpit and the rollout page at 1280 px in both languages, for people to look at
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		browser.logIn("erin");
		var shots = java.nio.file.Path.of(System.getProperty("lodestar.shots", "target/screenshots/one-truth"));
		for (String lang : List.of("en", "zh-CN")) {
			browser.open("/rollouts/" + rolloutId + "?lang=" + lang);
			browser.waitFor(By.id("waves"));
			browser.script("document.querySelectorAll('details.members').forEach(d => d.open = true)");
			browser.screenshot(shots.resolve("rollout-1280." + lang + ".png"));
			browser.script("document.getElementById('waves').scrollIntoView()");
			browser.screenshot(shots.resolve("rollout-waves-1280." + lang + ".png"));
			browser.open("/insight?lang=" + lang);
			browser.waitFor(By.cssSelector("#chart-waves canvas"));
			browser.screenshot(shots.resolve("insight-1280." + lang + ".png"));
			browser.script("document.getElementById('section-training').scrollIntoView()");
			browser.screenshot(shots.resolve("insight-training-1280." + lang + ".png"));
		}
	}

	private java.util.List<String> overdueOnCockpit(Http http) throws Exception {
		var out = new java.util.ArrayList<String>();
		http.get("/api/insight/training", "erin").json().get("overdue")
			.forEach(o -> out.add(o.get("waveId").asLong() + "/" + o.get("participant").asText()));
		return out;
	}

	private String memberOnRolloutPage(Long rolloutId, Long waveId) throws Exception {
		String html = new TrainingFiguresConsistencyIntegrationTest.Pages(port).as("erin").get("/rollouts/" + rolloutId);
		int row = html.indexOf("data-wave-id=\"" + waveId + "\"");
		int start = html.indexOf("data-participant=\"sales.07\"", row);
		assertThat(start).as("sales.07 on the rollout page").isPositive();
		return html.substring(start, html.indexOf(">", start));
	}

}
