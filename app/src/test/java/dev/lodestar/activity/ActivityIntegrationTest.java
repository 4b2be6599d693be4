package dev.lodestar.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionEntry;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.NewLead;
import dev.lodestar.system.SystemTexts;

/**
 * Activities over the API: alice plans on her lead and marks it done once (the second time is a
 * 409, and the customer's timeline holds one entry, a code in the reader's language); bob plans
 * for alice, nobody else works it; bad input is a 400 naming the field; two people marking the
 * same activity done at the same moment: one wins, the other hears 409.
 */
@LodestarIntegrationTest
class ActivityIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	LeadCapture capture;

	@Autowired
	CustomerService customers;

	@Autowired
	SystemTexts texts;

	@Autowired
	Clock clock;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void alicePlansACallOnHerLeadMarksItDoneOnceAndTheTimelineSaysSoInEachLanguage() throws Exception {
		long lead = lead();
		Instant due = clock.instant().plus(Duration.ofDays(1));
		var planned = send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type", "CALL",
				"subject", "Call about the budget", "note", "before the board meets", "dueAt", due.toString()));
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
		JsonNode activity = json.readTree(planned.body());
		long id = activity.path("id").asLong();
		assertThat(planned.headers().firstValue("Location")).hasValue("/api/activities/" + id);
		assertThat(activity.path("assignee").asText()).as("for herself by default").isEqualTo("alice");
		assertThat(activity.path("state").asText()).isEqualTo("OPEN");
		assertThat(activity.path("overdue").asBoolean()).isFalse();
		assertThat(Instant.parse(activity.path("dueAt").asText())).isEqualTo(due);

		assertThat(ids(json.readTree(send("alice", "GET", "/api/activities?size=200", null).body()))).contains(id);
		assertThat(ids(json.readTree(send("alice", "GET", "/api/activities?caseType=lead&caseId=" + lead, null).body())))
			.containsExactly(id);
		assertThat(ids(json.readTree(send("alice", "GET", "/api/activities?state=overdue&size=200", null).body())))
			.doesNotContain(id);

		var done = send("alice", "POST", "/api/activities/" + id + "/done", Map.of("outcome", "Budget approved in May"));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(json.readTree(done.body()).path("state").asText()).isEqualTo("DONE");
		assertThat(json.readTree(done.body()).path("doneBy").asText()).isEqualTo("alice");
		var again = send("alice", "POST", "/api/activities/" + id + "/done", Map.of("outcome", "twice"));
		assertThat(again.statusCode()).as("done twice").isEqualTo(409);
		assertThat(send("alice", "POST", "/api/activities/" + id + "/reschedule", Map.of("dueAt", due.toString()))
			.statusCode()).isEqualTo(409);
		assertThat(send("alice", "POST", "/api/activities/" + id + "/cancel", null).statusCode()).isEqualTo(409);
		assertThat(ids(json.readTree(send("alice", "GET", "/api/activities?state=done&size=200", null).body())))
			.contains(id);
		assertThat(ids(json.readTree(send("alice", "GET", "/api/activities?size=200", null).body())))
			.as("open ones only by default").doesNotContain(id);

		List<InteractionEntry> timeline = customers.interactionsAbout("lead", String.valueOf(lead), 10)
			.stream()
			.filter(i -> i.summaryText() != null && i.summaryText().code().equals("interaction.activityDone"))
			.toList();
		assertThat(timeline).as("one entry, written once").hasSize(1);
		InteractionEntry entry = timeline.get(0);
		assertThat(entry.recordedBy()).isEqualTo("alice");
		assertThat(entry.outcome()).as("as alice typed it").isEqualTo("Budget approved in May");
		assertThat(entry.summaryIn(texts, Locale.ENGLISH)).isEqualTo("Call done: Call about the budget");
		assertThat(entry.summaryIn(texts, Locale.SIMPLIFIED_CHINESE)).isEqualTo("已完成电话：Call about the budget");
	}

	@Test
	void bobPlansForAliceAndNobodyButTheTwoWorksIt() throws Exception {
		long customer = customer();
		var planned = send("bob", "POST", "/api/activities", Map.of("caseType", "customer", "caseId", customer, "type",
				"MEETING", "subject", "Quarterly review", "dueAt", clock.instant().plus(Duration.ofDays(3)).toString(),
				"assignee", "alice"));
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
		long id = json.readTree(planned.body()).path("id").asLong();
		assertThat(json.readTree(planned.body()).path("plannedBy").asText()).isEqualTo("bob");
		assertThat(ids(json.readTree(send("alice", "GET", "/api/activities?size=200", null).body()))).contains(id);

		// carol and dave may read the customer, so they see the activity, but it is not theirs
		assertThat(send("carol", "GET", "/api/activities/" + id, null).statusCode()).isEqualTo(200);
		assertThat(send("carol", "POST", "/api/activities/" + id + "/done", Map.of()).statusCode()).isEqualTo(403);
		assertThat(send("dave", "POST", "/api/activities/" + id + "/cancel", null).statusCode()).isEqualTo(403);
		assertThat(send("grace", "GET", "/api/activities/" + id, null).statusCode()).as("not a planning role")
			.isEqualTo(403);
		assertThat(send("alice", "GET", "/api/activities/" + (id + 1_000_000), null).statusCode()).isEqualTo(404);

		// alice reschedules bob's activity for her; bob (who planned it) cancels it; then it is closed
		Instant later = clock.instant().plus(Duration.ofDays(5));
		var moved = send("alice", "POST", "/api/activities/" + id + "/reschedule", Map.of("dueAt", later.toString()));
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		assertThat(Instant.parse(json.readTree(moved.body()).path("dueAt").asText())).isEqualTo(later);
		assertThat(send("bob", "POST", "/api/activities/" + id + "/cancel", null).statusCode()).isEqualTo(200);
		assertThat(send("alice", "POST", "/api/activities/" + id + "/done", Map.of()).statusCode()).isEqualTo(409);

		// only a manager plans for others, and only for the role she manages
		var aliceForBob = send("alice", "POST", "/api/activities", Map.of("caseType", "customer", "caseId", customer,
				"type", "CALL", "subject", "x", "dueAt", later.toString(), "assignee", "bob"));
		assertThat(field(aliceForBob, 400)).isEqualTo("assignee");
		var bobForCarol = send("bob", "POST", "/api/activities", Map.of("caseType", "customer", "caseId", customer,
				"type", "CALL", "subject", "x", "dueAt", later.toString(), "assignee", "carol"));
		assertThat(field(bobForCarol, 400)).isEqualTo("assignee");
		// service plans on customers, not on leads; a case one may not see does not exist
		long lead = lead();
		assertThat(send("carol", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type", "CALL",
				"subject", "x", "dueAt", later.toString())).statusCode()).isEqualTo(403);
		assertThat(send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead + 1_000_000,
				"type", "CALL", "subject", "x", "dueAt", later.toString())).statusCode()).isEqualTo(404);
		assertThat(send("alice", "GET", "/api/activities?caseType=complaint&caseId=1", null).statusCode())
			.as("complaints are the service desk's").isEqualTo(404);
	}

	@Test
	void badInputIsRefusedNamingTheField() throws Exception {
		long lead = lead();
		String due = clock.instant().plus(Duration.ofHours(2)).toString();
		assertThat(field(send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type",
				"CALL", "dueAt", due)), 400)).isEqualTo("subject");
		assertThat(field(send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type",
				"VISIT", "subject", "x", "dueAt", due)), 400)).isEqualTo("type");
		assertThat(field(send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type",
				"CALL", "subject", "x".repeat(201), "dueAt", due)), 400)).isEqualTo("subject");
		assertThat(field(send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type",
				"CALL", "subject", "x", "dueAt", "tomorrow")), 400)).isEqualTo("dueAt");
		assertThat(field(send("alice", "POST", "/api/activities", Map.of("caseType", "ship", "caseId", lead, "type",
				"CALL", "subject", "x", "dueAt", due)), 400)).isEqualTo("caseType");
		// the past rule: up to 24 hours back is a call just made, noted as planned; older is refused
		String twoDaysAgo = clock.instant().minus(Duration.ofDays(2)).toString();
		assertThat(field(send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type",
				"CALL", "subject", "x", "dueAt", twoDaysAgo)), 400)).isEqualTo("dueAt");
		var justMissed = send("alice", "POST", "/api/activities", Map.of("caseType", "lead", "caseId", lead, "type",
				"CALL", "subject", "Just missed", "dueAt", clock.instant().minus(Duration.ofHours(2)).toString()));
		assertThat(justMissed.statusCode()).isEqualTo(201);
		long missed = json.readTree(justMissed.body()).path("id").asLong();
		assertThat(json.readTree(justMissed.body()).path("overdue").asBoolean()).isTrue();
		assertThat(ids(json.readTree(send("alice", "GET", "/api/activities?state=overdue&size=200", null).body())))
			.contains(missed);
		assertThat(field(send("alice", "POST", "/api/activities/" + missed + "/reschedule", Map.of("dueAt", twoDaysAgo)),
				400)).isEqualTo("dueAt");
		assertThat(field(send("alice", "POST", "/api/activities/" + missed + "/done", Map.of("outcome", "y".repeat(1001))),
				400)).isEqualTo("outcome");
		assertThat(field(send("alice", "GET", "/api/activities?state=someday", null), 400)).isEqualTo("state");
		assertThat(field(send("alice", "GET", "/api/activities?page=0", null), 400)).isEqualTo("page");
		JsonNode page = json.readTree(send("alice", "GET", "/api/activities?size=1", null).body());
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void twoMarkingTheSameActivityDoneAtOnceOneWinsTheOtherHears409() throws Exception {
		long customer = customer();
		for (int round = 0; round < 3; round++) {
			var planned = send("bob", "POST", "/api/activities", Map.of("caseType", "customer", "caseId", customer, "type",
					"CALL", "subject", "Race " + round, "dueAt", clock.instant().plus(Duration.ofHours(1)).toString(),
					"assignee", "alice"));
			long id = json.readTree(planned.body()).path("id").asLong();
			var start = new CountDownLatch(1);
			var pool = Executors.newFixedThreadPool(2);
			try {
				var results = new ArrayList<Future<Integer>>();
				for (String user : new String[] { "alice", "bob" }) {
					results.add(pool.submit(() -> {
						start.await();
						return send(user, "POST", "/api/activities/" + id + "/done", Map.of("outcome", "by " + user))
							.statusCode();
					}));
				}
				start.countDown();
				var codes = new ArrayList<Integer>();
				for (Future<Integer> result : results) {
					codes.add(result.get());
				}
				assertThat(codes).as("round " + round).containsExactlyInAnyOrder(200, 409);
			}
			finally {
				pool.shutdownNow();
			}
			String subject = "Race " + round;
			assertThat(customers.interactions(customer, 200, "bob")
				.stream()
				.filter(i -> i.summaryText() != null && i.summaryText().args().contains(subject)))
				.as("the loser wrote nothing on the timeline").hasSize(1);
		}
	}

	private long lead() {
		return capture.capture(new NewLead("Activity " + UUID.randomUUID().toString().substring(0, 8), "Pat Doe", null,
				null, "WEB", "NA", null, null, null), "alice").id();
	}

	private long customer() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return customers.createOrLink(CustomerDraft.company("Activity Co " + tag, "Sam Lee", "sam." + tag + "@example.com",
				null, "NA"), "alice").customer().id();
	}

	private String field(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		return problem.path("errors").get(0).path("field").asText();
	}

	private static List<Long> ids(JsonNode page) {
		var ids = new ArrayList<Long>();
		page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
		return ids;
	}

	private HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
