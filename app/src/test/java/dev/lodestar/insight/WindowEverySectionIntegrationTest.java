package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.rollout.TrainingProgress;

/**
 * The cockpit's window reaches every section: each section's API answers for the window it is
 * given (a window long before the demo rollout, its training and its cases holds none of them;
 * the window that ends today holds them), the board pack prints the window, and a reversed
 * range is refused by every section as problem details naming {@code from}.
 */
@LodestarIntegrationTest
class WindowEverySectionIntegrationTest {

	/** Every section's API of the cockpit, and the print view. */
	static final List<String> SECTIONS = List.of("/api/insight/figures", "/api/insight/lights", "/api/insight/cohorts",
			"/api/insight/weekly?by=department", "/api/insight/rollout", "/api/insight/training",
			"/api/insight/heatmaps/" + KpiServiceIntegrationTest.FIXTURE, "/api/insight/targets",
			"/api/insight/cases?kpi=ADOPTION_TASKS_PER_PERSON");

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	KpiSnapshotJob job;

	@Autowired
	TrainingProgress training;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void everySectionAnswersForTheWindowItIsGiven() throws Exception {
		var today = KpiSnapshotJob.today();
		// cases of today (the heatmap and the figures count them), a target changed today
		for (int i = 0; i < 2; i++) {
			var pi = runtime.startProcessInstanceByKey(KpiServiceIntegrationTest.FIXTURE, "window-" + UUID.randomUUID(),
					Map.of("dueDate", Date.from(Instant.now().plus(Duration.ofHours(4)))));
			for (String who : List.of("alice", "carol")) {
				var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
				tasks.setAssignee(task.getId(), who);
				tasks.complete(task.getId());
			}
		}
		job.refresh(today.minusDays(3), today);
		assertThat(send("PUT", "/api/insight/targets/SALES_CONVERSION_RATE", "erin", "{\"target\": 26, \"reason\": \"window test\"}")
			.statusCode()).isEqualTo(200);
		assertThat(training.participants()).as("the demo's waves have an audience").isNotEmpty();

		String now = "from=" + today.minusDays(6) + "&to=" + today;
		String before = "from=2001-01-01&to=2001-01-31";

		// figures, lights, cohorts: the window's cases, the window's dates
		assertThat(cases(get("/api/insight/figures?" + now))).isPositive();
		assertThat(cases(get("/api/insight/figures?" + before))).isZero();
		JsonNode lights = get("/api/insight/lights?" + before);
		assertThat(lights.get("from").asText() + "/" + lights.get("to").asText()).isEqualTo("2001-01-01/2001-01-31");
		assertThat(cases(get("/api/insight/cohorts?" + now).get("trained")) + cases(get("/api/insight/cohorts?" + now).get("untrained")))
			.isPositive();
		assertThat(cases(get("/api/insight/cohorts?" + before).get("trained"))).isZero();
		// adoption and trends: weeks of the window only
		assertThat(get("/api/insight/weekly?by=department&" + before).toString()).doesNotContain("\"week\"");
		assertThat(get("/api/insight/weekly?by=department&" + now).toString()).contains("\"week\":\"" + today.getYear());

		// rollout: phases, gates, barriers, issues, stakeholders' scores as the window saw them
		JsonNode rolloutNow = get("/api/insight/rollout?" + now);
		JsonNode rolloutBefore = get("/api/insight/rollout?" + before);
		assertThat(rolloutNow.get("phases").size()).as("phases planned or running this week").isPositive();
		assertThat(rolloutBefore.get("phases").size()).as("no phase in 2001").isZero();
		assertThat(rolloutBefore.get("gates").size() + rolloutBefore.get("barriers").size() + rolloutBefore.get("issues").size())
			.isZero();
		assertThat(rolloutBefore.get("stakeholders").size()).as("the same stakeholders").isEqualTo(rolloutNow.get("stakeholders").size());
		rolloutBefore.get("stakeholders").forEach(s -> assertThat(s.get("awareness").isNull()).as("not assessed in 2001").isTrue());

		// the default window's gate decisions state verdict, inputs and reasons; open barrier points their mitigation task
		// (the cockpit shows the latest rollout: the demo's unless a test of this context started another)
		JsonNode rollout = get("/api/insight/rollout");
		boolean demo = "Lodestar CRM rollout".equals(rollout.get("name").asText());
		if (demo) {
			assertThat(rollout.get("gates").size()).as("the demo's gate decision in the last 30 days").isPositive();
			assertThat(rollout.get("barriers").size()).as("the demo's open barrier points").isPositive();
			assertThat(rollout.get("stakeholders").findValues("awareness").stream().anyMatch(v -> !v.isNull()))
				.as("the demo's stakeholders assessed by now").isTrue();
		}
		rollout.get("gates").forEach(g -> {
			assertThat(g.get("inputs").size()).as("figures that went in").isEqualTo(6);
			assertThat(g.get("go").asBoolean()).as("go exactly when no reason").isEqualTo(g.get("outputs").isEmpty());
		});
		rollout.get("barriers").forEach(b -> assertThat(b.get("mitigationTask").isNull() && b.get("mitigation").isNull())
			.as("barrier point %s: its mitigation or the register's open task", b.get("id")).isFalse());

		// training: the audience at the window's end
		assertThat(get("/api/insight/training?" + now).get("waves").size()).isPositive();
		JsonNode trainingBefore = get("/api/insight/training?" + before);
		assertThat(trainingBefore.get("waves").size() + trainingBefore.get("overdue").size()
				+ trainingBefore.get("scores").size()).as("nobody was invited in 2001").isZero();

		// heatmap: the steps that ended in the window
		String heatmap = "/api/insight/heatmaps/" + KpiServiceIntegrationTest.FIXTURE + "?";
		assertThat(get(heatmap + now).get("steps").size()).isPositive();
		assertThat(get(heatmap + before).get("steps").size()).isZero();
		assertThat(get(heatmap + before).get("day").asText()).isEqualTo("2001-01-31");

		// targets: the changes made in the window
		assertThat(get("/api/insight/targets?" + now).get("changes").findValuesAsText("reason")).contains("window test");
		assertThat(get("/api/insight/targets?" + before).get("changes").size()).isZero();

		// the print view (the board pack) prints the window it is given
		var pack = page("/insight/pack?" + before + "&lang=en");
		assertThat(pack.statusCode()).isEqualTo(200);
		assertThat(pack.body()).contains("2001-01-01").contains("2001-01-31");
	}

	@Test
	void aReversedRangeIsRefusedByEverySectionNamingTheField() throws Exception {
		String reversed = "from=2026-03-10&to=2026-03-01";
		for (String section : SECTIONS) {
			var response = send("GET", section + (section.contains("?") ? "&" : "?") + reversed, "erin", null);
			assertThat(response.statusCode()).as(section).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(section).contains("application/problem+json");
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.get("errors").findValuesAsText("field")).as(section + ": the field named").containsExactly("from");
		}
		assertThat(page("/insight/pack?" + reversed).statusCode()).as("the print view").isEqualTo(400);
	}

	/** A page as erin reads it, logged in through the form (pages do not take Basic auth). */
	private HttpResponse<String> page(String path) throws Exception {
		var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
			.version(HttpClient.Version.HTTP_1_1).build();
		String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).as("CSRF token on the login page").isTrue();
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=erin&password=erin&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static long cases(JsonNode figures) {
		long n = 0;
		for (JsonNode f : figures) {
			n += f.get("cases").asLong();
		}
		return n;
	}

	private JsonNode get(String path) throws Exception {
		var response = send("GET", path, "erin", null);
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", path.startsWith("/api") ? "application/json" : "text/html")
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
