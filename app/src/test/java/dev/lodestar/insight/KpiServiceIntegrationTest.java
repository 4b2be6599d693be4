package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/**
 * The KPI figures come from real engine history: processes started and tasks completed on time
 * and late here, through the engine, then the figures checked. Fixture processes stand in for
 * lead-to-sale and complaint-to-resolution with the same end-event ids and variable names.
 */
@LodestarIntegrationTest
class KpiServiceIntegrationTest {

	@Autowired
	KpiService kpis;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	@Test
	void figuresAreComputedFromTheEnginesHistory() throws InterruptedException {
		Date since = new Date(System.currentTimeMillis() - 1);
		Thread.sleep(5);
		Date future = Date.from(Instant.now().plus(Duration.ofHours(2)));
		Date past = Date.from(Instant.now().minus(Duration.ofHours(2)));
		sale("won", future);
		sale("won", future);
		sale("lost", future);
		sale("disqualified", future);
		complaint(5, future);
		complaint(4, future);
		complaint(2, past); // breached its SLA

		var figures = kpis.compute("kpi-fixture-sales", "kpi-fixture-service", since);
		assertThat(figures).extracting(KpiFigure::code).containsExactly(java.util.Arrays.stream(Kpi.values()).map(Kpi::name).toArray(String[]::new));

		var conversion = figures.get(Kpi.SALES_CONVERSION_RATE.ordinal());
		assertThat(conversion.value()).isEqualTo(50.0);
		assertThat(conversion.sampleSize()).isEqualTo(4);
		assertThat(conversion.onTarget()).isTrue();
		assertThat(figures.get(Kpi.SALES_CYCLE_TIME.ordinal()).sampleSize()).isEqualTo(4);
		assertThat(figures.get(Kpi.SALES_CYCLE_TIME.ordinal()).value()).isLessThan(1.0);

		var sla = figures.get(Kpi.SERVICE_SLA_COMPLIANCE.ordinal());
		assertThat(sla.value()).isCloseTo(66.7, within(0.05));
		assertThat(sla.sampleSize()).isEqualTo(3);
		assertThat(sla.onTarget()).isFalse();

		var satisfaction = figures.get(Kpi.SERVICE_SATISFACTION.ordinal());
		assertThat(satisfaction.value()).isCloseTo(3.7, within(0.05));
		assertThat(satisfaction.onTarget()).isFalse();

		// every task of every process completed in the window: 6 of 7 by their due date
		var onTime = figures.get(Kpi.ADOPTION_TASKS_ON_TIME.ordinal());
		assertThat(onTime.sampleSize()).isEqualTo(7);
		assertThat(onTime.value()).isCloseTo(85.7, within(0.05));

		// alice and carol did the work; everybody else in the business roles did not
		Set<String> members = new HashSet<>();
		for (String role : KpiService.BUSINESS_ROLES) {
			identity.createUserQuery().memberOfGroup(role).list().stream().map(User::getId).forEach(members::add);
		}
		var active = figures.get(Kpi.ADOPTION_ACTIVE_USERS.ordinal());
		assertThat(active.sampleSize()).isEqualTo(members.size());
		assertThat(active.value()).isCloseTo(Math.round(1000.0 * 2 / members.size()) / 10.0, within(0.05));
		assertThat(active.detail()).contains("sales-rep 1/", "service-agent 1/");
	}

	@Test
	void windowWithoutWorkHasNoFiguresRatherThanZeros() {
		var figures = kpis.compute("kpi-fixture-sales", "kpi-fixture-service", Date.from(Instant.now().plus(Duration.ofDays(1))));
		assertThat(figures.get(Kpi.SALES_CONVERSION_RATE.ordinal()).value()).isNull();
		assertThat(figures.get(Kpi.SALES_CONVERSION_RATE.ordinal()).onTarget()).isNull();
		assertThat(figures.get(Kpi.SERVICE_SATISFACTION.ordinal()).value()).isNull();
	}

	@Test
	void leadershipReadsTheDashboardButASalesRepMayNot() throws Exception {
		var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		var erin = http.send(get("/api/insight/dashboard", "erin"), HttpResponse.BodyHandlers.ofString());
		assertThat(erin.statusCode()).isEqualTo(200);
		JsonNode dashboard = json.readTree(erin.body());
		assertThat(dashboard.get("kpis")).hasSize(Kpi.values().length);
		assertThat(dashboard.get("kpis").get(0).get("formula").asText()).contains("End_CustomerOnboarded");
		var definitions = http.send(get("/api/insight/kpi-definitions", "frank"), HttpResponse.BodyHandlers.ofString());
		assertThat(definitions.statusCode()).isEqualTo(200);
		assertThat(http.send(get("/api/insight/kpis", "alice"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
	}

	private HttpRequest get(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.build();
	}

	private void sale(String outcome, Date due) {
		var pi = runtime.startProcessInstanceByKey("kpi-fixture-sales", "sale-" + UUID.randomUUID(), Map.of("dueDate", due));
		var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		tasks.setAssignee(task.getId(), "alice");
		tasks.complete(task.getId(), Map.of("outcome", outcome));
	}

	private void complaint(int satisfaction, Date due) {
		var pi = runtime.startProcessInstanceByKey("kpi-fixture-service", "complaint-" + UUID.randomUUID(), Map.of("dueDate", due));
		var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		tasks.setAssignee(task.getId(), "carol");
		tasks.complete(task.getId(), Map.of("satisfactionScore", satisfaction));
	}

}
