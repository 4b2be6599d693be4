package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/**
 * A tile and its drill-down count the same cases, and say when they were counted: every KPI's
 * {@code n} equals the rows of its list, a window that ends today is counted live, and the
 * window reaches the weekly sections too.
 */
@LodestarIntegrationTest
class FigureDrillDownIntegrationTest {

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

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void everyTilesCountEqualsTheRowsOfItsDrillDownEvenWithWorkDoneAfterTheSnapshot() throws Exception {
		var today = KpiSnapshotJob.today();
		job.refresh(today.minusDays(31), today);
		// work done after the snapshot: the tile of a window that ends today must still match its live list
		for (int i = 0; i < 3; i++) {
			var pi = runtime.startProcessInstanceByKey(KpiServiceIntegrationTest.FIXTURE, "drill-" + UUID.randomUUID(),
					Map.of("dueDate", Date.from(Instant.now().plus(Duration.ofHours(4)))));
			var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
			tasks.setAssignee(task.getId(), "alice");
			tasks.complete(task.getId());
		}
		// every tile the cockpit shows: the figures, the cohort table's two columns; live and from the snapshots
		var yesterday = today.minusDays(1);
		int tiles = 0;
		for (String query : List.of("", "?slice=cohort:trained", "?slice=cohort:untrained",
				"?from=" + yesterday.minusDays(13) + "&to=" + yesterday, "?from=" + yesterday.minusDays(13) + "&to=" + yesterday
						+ "&slice=cohort:untrained")) {
			boolean live = !query.contains("to=");
			for (JsonNode f : get("/api/insight/figures" + query, "erin")) {
				String kpi = f.get("code").asText() + " " + query;
				assertThat(f.get("live").asBoolean()).as(kpi + " counted live").isEqualTo(live);
				assertThat(f.get("computedAt").isNull()).as(kpi + " says when").isFalse();
				tiles++;
				if (f.get("drill").isNull()) { // kept for everybody only: no list per slice, so no count either
					assertThat(query).as(kpi + " without a drill-down").contains("slice=");
					assertThat(f.get("cases").asLong()).as(kpi + ": nothing counted without a list").isZero();
					continue;
				}
				String drill = f.get("drill").asText().replace("/insight/cases", "/api/insight/cases");
				JsonNode list = get(drill, "erin");
				assertThat(list.get("total").asLong()).as(kpi + ": n of the tile vs rows of its drill-down")
					.isEqualTo(f.get("cases").asLong());
				if (!list.get("truncated").asBoolean()) {
					assertThat(list.get("cases").size()).as(kpi + ": rows listed").isEqualTo(f.get("cases").asLong());
				}
				list.get("cases").forEach(row -> assertThat(row.get("value").isNull() || row.get("value").asText().isBlank())
					.as(kpi + ": why it counts (the result column)").isFalse());
			}
		}
		assertThat(tiles).as("every KPI in every slice and window").isEqualTo(5 * Kpi.values().length);
	}

	@Test
	void theWindowReachesTheWeeklySections() throws Exception {
		var to = KpiSnapshotJob.today();
		var from = to.minusDays(13);
		job.refresh(to.minusDays(40), to);
		JsonNode weekly = get("/api/insight/weekly?by=all&from=" + from + "&to=" + to, "erin");
		LocalDate firstWeek = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		weekly.forEach(bySlice -> bySlice.forEach(points -> points.forEach(p -> assertThat(LocalDate.parse(p.get("week").asText()))
			.as("a week inside the window").isAfterOrEqualTo(firstWeek).isBeforeOrEqualTo(to))));
		assertThat(status("/api/insight/figures?from=" + to + "&to=" + from, "erin")).isEqualTo(400);
	}

	private JsonNode get(String path, String user) throws Exception {
		var response = http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private int status(String path, String user) throws Exception {
		return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

}
