package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.demo.DemoCustomers;
import dev.lodestar.lead.LeadLost;
import dev.lodestar.lead.LeadWon;
import dev.lodestar.rollout.TrainingCompleted;

/**
 * The cockpit's figures come from real engine history and the outcomes modules announce: work
 * done here through the engine on a day of its own (the engine's clock moved far ahead, so no
 * other test's work shares the day), the snapshot job run, then the API checked.
 */
@LodestarIntegrationTest
class KpiServiceIntegrationTest {

	static final String FIXTURE = "insight-fixture-steps";

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	KpiSnapshotJob job;

	@Autowired
	org.camunda.bpm.engine.IdentityService identity;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	CaseList caseList;

	@Autowired
	dev.lodestar.notification.NotificationService mail;

	@Autowired
	dev.lodestar.complaint.CustomerConfirmations confirmations;

	@Autowired
	dev.lodestar.complaint.ComplaintService complaints;

	@Autowired
	dev.lodestar.worklist.WorklistService worklist;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void trainedAndUntrainedPeopleAreComparedFromTrainingRecordsAndEngineHistory() throws Exception {
		// two people of their own, so that no demo training record puts them in a cohort
		String trainedRep = person("insight.trained");
		String untrainedRep = person("insight.untrained");
		LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(4000);
		at(day, 8, 0);
		publish(new TrainingCompleted(9001L, "END_USERS", trainedRep, 85));
		await("select count(*) from crm_kpi_trained where participant = 'insight.trained' and wave_ref = '9001'", 1);

		Instant later = time(day, 23, 0);
		Instant early = time(day, 9, 30);
		work(trainedRep, day, 9, 10, later); // on time
		work(trainedRep, day, 10, 11, later); // on time
		work(untrainedRep, day, 9, 10, later); // on time
		work(untrainedRep, day, 10, 11, early); // late

		at(day, 12, 0);
		publish(new LeadWon(9101L, 9101L, null, BigDecimal.TEN, trainedRep));
		publish(new LeadLost(9102L, untrainedRep, false));
		await("select count(*) from crm_kpi_outcome where ref in ('9101', '9102')", 2);

		job.refresh(day, day);

		JsonNode cohorts = get("/api/insight/cohorts?from=" + day + "&to=" + day, "erin");
		JsonNode trained = figure(cohorts.get("trained"), Kpi.ADOPTION_TASKS_ON_TIME);
		JsonNode untrained = figure(cohorts.get("untrained"), Kpi.ADOPTION_TASKS_ON_TIME);
		assertThat(trained.get("value").asDouble()).isEqualTo(100.0);
		assertThat(trained.get("cases").asLong()).isEqualTo(2);
		assertThat(untrained.get("value").asDouble()).isEqualTo(50.0);
		assertThat(untrained.get("cases").asLong()).isEqualTo(2);
		assertThat(figure(cohorts.get("trained"), Kpi.SALES_CONVERSION_RATE).get("value").asDouble()).isEqualTo(100.0);
		assertThat(figure(cohorts.get("untrained"), Kpi.SALES_CONVERSION_RATE).get("value").asDouble()).isEqualTo(0.0);
		assertThat(figure(cohorts.get("untrained"), Kpi.SALES_CONVERSION_RATE).get("cases").asLong()).isEqualTo(1);

		// everybody: 3 of 4 on time; the drill-down lists exactly the cases the figure counts
		JsonNode all = get("/api/insight/figures?from=" + day + "&to=" + day, "frank");
		JsonNode onTime = figure(all, Kpi.ADOPTION_TASKS_ON_TIME);
		assertThat(onTime.get("value").asDouble()).isEqualTo(75.0);
		assertThat(onTime.get("cases").asLong()).isEqualTo(4);
		JsonNode onTimeCases = get(onTime.get("drill").asText().replace("/insight/cases", "/api/insight/cases"), "erin");
		assertThat(onTimeCases.get("cases")).hasSize(4);
		assertThat(onTimeCases.get("total").asLong()).isEqualTo(4);
		assertThat(onTimeCases.get("truncated").asBoolean()).isFalse();
		JsonNode trainedCases = get("/api/insight/cases?kpi=ADOPTION_TASKS_ON_TIME&from=" + day + "&to=" + day
				+ "&slice=cohort:trained", "erin").get("cases");
		assertThat(trainedCases).hasSize(2);
		trainedCases.forEach(c -> assertThat(c.get("who").asText()).isEqualTo(trainedRep));
		// figures of other kinds too: people (active users), the state at the window's end (open
		// cases with a next step), outcomes (conversion): the drill-down lists what the figure counts
		for (Kpi kpi : List.of(Kpi.ADOPTION_ACTIVE_USERS, Kpi.DATA_NEXT_STEP, Kpi.SALES_CONVERSION_RATE)) {
			JsonNode f = figure(all, kpi);
			JsonNode listed = get(f.get("drill").asText().replace("/insight/cases", "/api/insight/cases"), "erin");
			assertThat(f.get("cases").asLong()).as(kpi.name()).isPositive();
			assertThat(listed.get("total").asLong()).as(kpi.name()).isEqualTo(f.get("cases").asLong());
			assertThat(listed.get("cases")).as(kpi.name()).hasSize(f.get("cases").asInt());
		}
		// past the list's limit, the list keeps the first cases and says how many there are
		var capped = caseList.cases(Kpi.ADOPTION_TASKS_ON_TIME, new Cockpit.Window(day, day), "all", java.util.Locale.ENGLISH, 3);
		assertThat(capped.total()).isEqualTo(4);
		assertThat(capped.truncated()).isTrue();
		assertThat(capped.cases()).hasSize(3);
		// in the reader's language
		var chinese = caseList.cases(Kpi.ADOPTION_TASKS_ON_TIME, new Cockpit.Window(day, day), "all",
				java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese.cases()).extracting(CaseList.Case::kind).containsOnly("任务");
		assertThat(chinese.cases()).extracting(CaseList.Case::value).containsExactlyInAnyOrder("按时", "按时", "按时", "逾期");

		// running the job twice (as two nodes might) changes nothing
		job.refresh(day, day);
		assertThat(figure(get("/api/insight/figures?from=" + day + "&to=" + day, "erin"), Kpi.ADOPTION_TASKS_ON_TIME)
			.get("cases").asLong()).isEqualTo(4);
	}

	@Test
	void heatmapTimePerElementMatchesTheEnginesHistory() throws Exception {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(4100);
		var instances = new ArrayList<String>();
		int[][] minutes = { { 60, 30 }, { 120, 60 }, { 360, 180 } };
		for (int[] m : minutes) {
			at(day, 8, 0);
			var pi = runtime.startProcessInstanceByKey(FIXTURE, "heat-" + UUID.randomUUID(),
					Map.of("dueDate", Date.from(time(day, 23, 0))));
			instances.add(pi.getId());
			ClockUtil.setCurrentTime(Date.from(time(day, 8, 0).plus(Duration.ofMinutes(m[0]))));
			complete(pi.getId(), "alice");
			ClockUtil.setCurrentTime(Date.from(time(day, 8, 0).plus(Duration.ofMinutes(m[0] + m[1]))));
			complete(pi.getId(), "carol");
		}
		job.refresh(day, day);

		JsonNode heatmap = get("/api/insight/heatmaps/" + FIXTURE + "?from=" + day + "&to=" + day, "erin");
		assertThat(heatmap.get("bpmnXml").asText()).contains("Task_Intake");
		for (String element : List.of("Task_Intake", "Task_Resolve")) {
			var durations = new ArrayList<Long>();
			for (String id : instances) {
				history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId(element).list().stream()
					.map(HistoricActivityInstance::getDurationInMillis)
					.forEach(durations::add);
			}
			durations.sort(Long::compare);
			double mean = durations.stream().mapToLong(Long::longValue).average().orElseThrow();
			double position = 0.9 * (durations.size() - 1);
			int lower = (int) Math.floor(position);
			double p90 = durations.get(lower)
					+ (position - lower) * (durations.get(Math.min(lower + 1, durations.size() - 1)) - durations.get(lower));
			JsonNode step = null;
			for (JsonNode s : heatmap.get("steps")) {
				if (element.equals(s.get("activityId").asText())) {
					step = s;
				}
			}
			assertThat(step).as(element).isNotNull();
			assertThat(step.get("instances").asLong()).isEqualTo(3);
			assertThat(step.get("meanMs").asDouble()).isCloseTo(mean, within(1.0));
			assertThat(step.get("p90Ms").asDouble()).isCloseTo(p90, within(1.0));
		}
		assertThat(heatmap.get("slowest").get(0).get("activityId").asText()).isEqualTo("Task_Intake");
		assertThat(heatmap.get("slowest").get(0).get("meanMs").asDouble()).isCloseTo(180 * 60_000.0, within(1.0));
	}

	@Test
	void executivesSetTargetsTheProjectTeamReadsAndASalesRepIsRefused() throws Exception {
		assertThat(status("GET", "/api/insight/figures", "alice", null)).isEqualTo(403);
		assertThat(status("GET", "/api/insight/cases?kpi=ADOPTION_ACTIVE_USERS", "alice", null)).isEqualTo(403);
		assertThat(status("GET", "/api/insight/figures", "frank", null)).isEqualTo(200);
		assertThat(status("PUT", "/api/insight/targets/SERVICE_SLA_COMPLIANCE", "frank", "{\"target\": 80}")).isEqualTo(403);
		assertThat(status("PUT", "/api/insight/targets/SERVICE_SLA_COMPLIANCE", "erin", "{\"target\": 101}")).isEqualTo(400);
		assertThat(status("PUT", "/api/insight/targets/SERVICE_SLA_COMPLIANCE", "erin",
				"{\"target\": 92.5, \"reason\": \"Board asked for more\"}")).isEqualTo(200);
		JsonNode targets = get("/api/insight/targets", "frank");
		JsonNode change = targets.get("changes").get(0);
		assertThat(change.get("kpi").asText()).isEqualTo("SERVICE_SLA_COMPLIANCE");
		assertThat(change.get("oldTarget").asDouble()).isEqualTo(90.0);
		assertThat(change.get("newTarget").asDouble()).isEqualTo(92.5);
		assertThat(change.get("changedBy").asText()).isEqualTo("erin");
		assertThat(change.get("reason").asText()).isEqualTo("Board asked for more");
		assertThat(figure(get("/api/insight/figures", "erin"), Kpi.SERVICE_SLA_COMPLIANCE).get("target").asDouble())
			.isEqualTo(92.5);
	}

	@Test
	void demoCustomersAnswerTheResolutionMailThroughItsLinkAndFeedSatisfactionAndTheReopenRate() throws Exception {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(4200);
		at(day, 9, 0);
		String happy = "happy-" + UUID.randomUUID() + "@demo-history.example";
		String unhappy = "unhappy-" + UUID.randomUUID() + "@demo-history.example";
		long satisfied = resolvedComplaint(happy, day);
		long rejected = resolvedComplaint(unhappy, day);
		var customers = new DemoCustomers(mail, confirmations);

		at(day, 15, 0);
		assertThat(customers.answer(happy, true, 5, null)).isTrue();
		assertThat(customers.answer(unhappy, false, 2, "Same fault again")).isTrue();
		assertThat(customers.answer("nobody-" + UUID.randomUUID() + "@demo-history.example", true, 5, null)).isFalse();
		await("select count(*) from crm_kpi_outcome where kind = 'SATISFACTION' and ref in ('" + satisfied + "', '" + rejected + "')", 2);
		await("select count(*) from crm_kpi_outcome where kind = 'COMPLAINT_REOPENED' and ref = '" + rejected + "'", 1);
		// the answers land on the engine's (simulated) day, and the rejected complaint is open again
		assertThat(jdbc.queryForObject("select occurred_at from crm_kpi_outcome where kind = 'COMPLAINT_REOPENED' and ref = ?",
				java.sql.Timestamp.class, String.valueOf(rejected)).toInstant()).isEqualTo(time(day, 15, 0));
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(rejected))
			.taskDefinitionKey("Task_Investigate").count()).isEqualTo(1);
		// a link answers once
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> customers.answer(happy, false, 1, null))
			.isInstanceOf(RuntimeException.class);

		job.refresh(day, day);
		JsonNode figures = get("/api/insight/figures?from=" + day + "&to=" + day, "erin");
		assertThat(figure(figures, Kpi.SERVICE_SATISFACTION).get("value").asDouble()).isEqualTo(3.5);
		assertThat(figure(figures, Kpi.SERVICE_SATISFACTION).get("cases").asLong()).isEqualTo(2);
		assertThat(figure(figures, Kpi.SERVICE_REOPEN_RATE).get("value").asDouble()).isEqualTo(50.0);
		assertThat(figure(figures, Kpi.SERVICE_REOPEN_RATE).get("cases").asLong()).isEqualTo(2);
	}

	@Test
	void readingTheKpisWritesNoSnapshotAndOnlyExecutivesStartAReview() throws Exception {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(4300);
		at(day, 12, 0);
		JsonNode kpis = get("/api/insight/kpis", "frank");
		assertThat(kpis).hasSize(Kpi.values().length);
		assertThat(jdbc.queryForObject("select count(*) from crm_kpi_daily where snapshot_day = ?", Long.class,
				java.sql.Date.valueOf(day))).as("rows the read wrote").isZero();

		assertThat(status("POST", "/api/insight/kpi-reviews", "frank", null)).isEqualTo(403);
		assertThat(status("POST", "/api/insight/kpi-reviews", "erin", null)).isEqualTo(201);
		// the review itself brings the day's snapshot up to date before it gathers
		assertThat(jdbc.queryForObject("select count(*) from crm_kpi_daily where snapshot_day = ?", Long.class,
				java.sql.Date.valueOf(day))).isPositive();
	}

	// ------------------------------------------------------------------ helpers

	/** A complaint registered, answered and resolved by carol through the real process: its resolution e-mail is queued. */
	private long resolvedComplaint(String email, LocalDate day) {
		var complaint = complaints.register(new dev.lodestar.complaint.ComplaintIntake("Customer " + email, email, null,
				"EMAIL", "DELIVERY", "The parcel never came.", null, null), "carol");
		String pi = runtime.createProcessInstanceQuery().processDefinitionKey("complaint-to-resolution")
			.processInstanceBusinessKey(complaint.getId().toString()).singleResult().getId();
		at(day, 10, 0);
		workAs("carol", pi, "Task_RespondToCustomer", Map.of("contactNote", "Called back"));
		at(day, 11, 0);
		workAs("carol", pi, "Task_Investigate", Map.of("resolution", "A new parcel is on its way", "compensation", 0));
		return complaint.getId();
	}

	private void workAs(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
		var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
		assertThat(task).as(taskKey).isNotNull();
		worklist.complete(worklist.as(user), task.getId(), new java.util.HashMap<>(variables), java.util.Locale.ENGLISH);
	}

	private String person(String id) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			var user = identity.newUser(id);
			user.setPassword(id);
			identity.saveUser(user);
			identity.createMembership(id, "sales-rep");
			identity.setUserInfo(id, People.DEPARTMENT_INFO, "sales");
		}
		return id;
	}

	private void work(String user, LocalDate day, int startHour, int doneHour, Instant due) {
		at(day, startHour, 0);
		var pi = runtime.startProcessInstanceByKey(FIXTURE, "cohort-" + UUID.randomUUID(), Map.of("dueDate", Date.from(due)));
		at(day, doneHour, 0);
		complete(pi.getId(), user);
	}

	private void complete(String processInstanceId, String user) {
		var task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		tasks.setAssignee(task.getId(), user);
		tasks.complete(task.getId());
	}

	private void publish(Object event) {
		tx.executeWithoutResult(s -> events.publishEvent(event));
	}

	private void await(String countSql, long expected) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (jdbc.queryForObject(countSql, Long.class) < expected) {
			assertThat(System.currentTimeMillis()).as("waited for " + countSql).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static void at(LocalDate day, int hour, int minute) {
		ClockUtil.setCurrentTime(Date.from(time(day, hour, minute)));
	}

	private static Instant time(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
	}

	private static JsonNode figure(JsonNode figures, Kpi kpi) {
		for (JsonNode f : figures) {
			if (kpi.name().equals(f.get("code").asText())) {
				return f;
			}
		}
		throw new AssertionError("no figure " + kpi);
	}

	private JsonNode get(String path, String user) throws Exception {
		var response = http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private int status(String method, String path, String user, String body) throws Exception {
		var builder = request(path, user).header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

}
