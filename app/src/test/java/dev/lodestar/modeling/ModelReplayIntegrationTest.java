package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.LeadSteps;
import dev.lodestar.lead.NewLead;

/**
 * Replay before deploy, on the real engine: finished lead-to-sale cases replayed on a draft with
 * a lower discount threshold report exactly the cases whose discount lies between the new and
 * the old threshold, where they part and the paths on both sides; a draft that calls a bean
 * leaves the cases undecided with the reason (never a 500); a draft that breaks the rules of
 * models is refused; 200 cases replay in well under five seconds.
 */
@LodestarIntegrationTest
class ModelReplayIntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Set<String> REP = Set.of("sales-rep", "employee");

	private static final Set<String> MANAGER = Set.of("sales-manager", "employee");

	private static final String GATEWAY = "Gateway_DiscountNeedsApproval";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	LeadCapture capture;

	@Autowired
	LeadSteps steps;

	@Autowired
	HistoryService historyService;

	@Autowired
	ModelFiles files;

	@Test
	void aLowerDiscountThresholdPartsExactlyTheCasesBetweenTheNewAndTheOldThreshold() throws Exception {
		// discounts on both sides of the old threshold (10) and of the new one (6)
		var finished = new HashMap<String, Long>(); // process instance -> lead
		var expected = new HashSet<String>();
		for (String discount : List.of("0", "5", "6", "7", "10", "12", "25")) {
			long lead = lostCase(discount);
			lose(lead);
			finished.put(processInstance(lead), lead);
			BigDecimal d = new BigDecimal(discount);
			if (d.compareTo(BigDecimal.valueOf(6)) > 0 && d.compareTo(BigDecimal.TEN) <= 0) {
				expected.add(processInstance(lead));
			}
		}
		// first 12 % (approved needed on both), rejected, then 8 %: parts at its second visit of the gateway
		long revised = newLead();
		qualify(revised);
		propose(revised, "12");
		steps.completeStep(revised, "Task_ApproveDiscount", "bob", MANAGER,
				new HashMap<>(Map.of("discountApproved", false, "discountComment", "8 % at most")));
		propose(revised, "8");
		lose(revised);
		finished.put(processInstance(revised), revised);
		expected.add(processInstance(revised));
		int count = finished.size();
		assertThat(latestFinished(count)).as("the newest finished cases are this test's").isEqualTo(finished.keySet());

		String original = files.read().get("processes/lead-to-sale.bpmn");
		String lower = original.replace("${discountPercent &gt; 10}", "${discountPercent &gt; 6}")
			.replace("${discountPercent &lt;= 10}", "${discountPercent &lt;= 6}");
		assertThat(lower).isNotEqualTo(original);
		try {
			assertThat(post("/api/models/lead-to-sale/drafts", "frank", Map.of("content", lower, "comment", "6 %")).status)
				.isEqualTo(201);
			assertThat(post("/api/models/lead-to-sale/replay?cases=" + count, "alice", Map.of()).status).isEqualTo(403);

			var replay = post("/api/models/lead-to-sale/replay?cases=" + count, "frank", Map.of());
			assertThat(replay.status).as(replay.body).isEqualTo(200);
			JsonNode result = replay.json();
			assertThat(result.path("key").asText()).isEqualTo("lead-to-sale");
			assertThat(result.path("replayed").asInt()).isEqualTo(count);
			assertThat(result.path("undecided")).as(replay.body).isEmpty();
			var parted = new HashSet<String>();
			for (JsonNode c : result.path("cases")) {
				parted.add(c.path("processInstanceId").asText());
				assertThat(c.path("partsAt").path("id").asText()).isEqualTo(GATEWAY);
				assertThat(c.path("partsAt").path("name").asText()).isEqualTo("Discount above threshold?");
				assertThat(ids(c.path("took"))).first().isEqualTo("Task_NegotiateDeal");
				assertThat(ids(c.path("wouldTake"))).first().isEqualTo("Task_ApproveDiscount");
				assertThat(c.path("businessKey").asText()).isEqualTo(String.valueOf(finished.get(c.path("processInstanceId").asText())));
				assertThat(c.path("label").asText()).contains("#" + c.path("businessKey").asText());
			}
			assertThat(parted).as(replay.body).isEqualTo(expected);
			assertThat(result.path("parted").asInt()).isEqualTo(expected.size());

			// names in the reader's language
			var chinese = post("/api/models/lead-to-sale/replay?cases=" + count + "&lang=zh-CN", "frank", Map.of());
			assertThat(chinese.json().path("cases").get(0).path("partsAt").path("name").asText()).isEqualTo("折扣超过阈值？");

			// a draft that calls a bean: every case that reaches the gateway is undecided, with the reason
			String calling = original.replace("${discountPercent &gt; 10}", "${leadApprovalRules.needsApproval(leadId)}");
			assertThat(post("/api/models/lead-to-sale/drafts", "frank", Map.of("content", calling)).status).isEqualTo(201);
			var undecided = post("/api/models/lead-to-sale/replay?cases=" + count, "frank", Map.of());
			assertThat(undecided.status).as(undecided.body).isEqualTo(200);
			assertThat(undecided.json().path("undecided")).hasSize(count);
			assertThat(undecided.json().path("undecided").get(0).path("at").path("id").asText()).isEqualTo(GATEWAY);
			assertThat(undecided.json().path("undecided").get(0).path("reason").asText()).contains("leadApprovalRules");

			// a draft that breaks the rules of models is refused, naming the field
			String hostile = original.replace("${discountPercent &gt; 10}",
					"${execution.getProcessEngineServices().getRuntimeService() != null}");
			var refusedDraft = post("/api/models/lead-to-sale/drafts", "frank", Map.of("content", hostile));
			if (refusedDraft.status == 201) {
				var refused = post("/api/models/lead-to-sale/replay?cases=" + count, "frank", Map.of());
				assertThat(refused.status).as(refused.body).isEqualTo(400);
				assertThat(refused.body).contains("content").doesNotContain("Exception");
			}
			assertThat(post("/api/models/lead-to-sale/replay?cases=0", "frank", Map.of()).status).isEqualTo(400);
		}
		finally {
			delete("/api/models/lead-to-sale/drafts", "frank");
		}
	}

	@Test
	void twoHundredCasesReplayInUnderFiveSeconds() throws Exception {
		// demo-sized cases through the real engine, made on four threads (the fast path: three in four
		// are disqualified at qualification, two steps; every fourth runs to a proposal and a lost deal)
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var made = new ArrayList<java.util.concurrent.Future<?>>();
			for (int n = 0; n < 200; n++) {
				int i = n;
				made.add(pool.submit(() -> demoCase(i)));
			}
			for (var future : made) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		String lower = files.read()
			.get("processes/lead-to-sale.bpmn")
			.replace("${discountPercent &gt; 10}", "${discountPercent &gt; 6}")
			.replace("${discountPercent &lt;= 10}", "${discountPercent &lt;= 6}");
		try {
			assertThat(post("/api/models/lead-to-sale/drafts", "frank", Map.of("content", lower)).status).isEqualTo(201);
			long start = System.nanoTime();
			var replay = post("/api/models/lead-to-sale/replay", "frank", Map.of());
			long ms = (System.nanoTime() - start) / 1_000_000;
			assertThat(replay.status).as(replay.body).isEqualTo(200);
			System.out.println("replay: " + replay.json().path("replayed").asInt() + " cases in " + ms + " ms (server: "
					+ replay.json().path("tookMs").asLong() + " ms, " + replay.json().path("parted").asInt() + " would part)");
			assertThat(replay.json().path("replayed").asInt()).isEqualTo(200);
			assertThat(replay.json().path("undecided")).isEmpty();
			// discounts 7..10 of the proposals: i % 20 in {8}, i multiple of 4 -> 8 (i = 8, 28, ...)
			assertThat(replay.json().path("parted").asInt()).isEqualTo(10);
			assertThat(ms).isLessThan(5_000);
		}
		finally {
			delete("/api/models/lead-to-sale/drafts", "frank");
		}
	}

	// ---- cases ----

	private void demoCase(int i) {
		long lead = newLead();
		if (i % 4 == 0) {
			qualify(lead);
			propose(lead, String.valueOf(i % 20));
			if (i % 20 > 10) {
				steps.completeStep(lead, "Task_ApproveDiscount", "bob", MANAGER,
						new HashMap<>(Map.of("discountApproved", true)));
			}
			lose(lead);
		}
		else {
			steps.completeStep(lead, "Task_QualifyLead", "alice", REP,
					new HashMap<>(Map.of("qualified", false, "disqualifyReason", "No budget this year")));
		}
	}

	private long newLead() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return capture.capture(new NewLead("Replay " + tag + " Ltd", "Pat Doe", null, null, "WEB", "EMEA",
				"from the replay test", null, null), "alice").id();
	}

	private long lostCase(String discount) {
		long lead = newLead();
		qualify(lead);
		propose(lead, discount);
		if (new BigDecimal(discount).compareTo(BigDecimal.TEN) > 0) {
			steps.completeStep(lead, "Task_ApproveDiscount", "bob", MANAGER, new HashMap<>(Map.of("discountApproved", true)));
		}
		return lead;
	}

	private void qualify(long lead) {
		steps.completeStep(lead, "Task_QualifyLead", "alice", REP, new HashMap<>(Map.of("qualified", true, "budget",
				"approved", "decisionMaker", "CFO Kim", "need", "replace spreadsheets", "timeline", "this quarter")));
	}

	private void propose(long lead, String discount) {
		steps.completeStep(lead, "Task_PrepareProposal", "alice", REP, new HashMap<>(Map.of("amount",
				new BigDecimal("20000"), "discountPercent", new BigDecimal(discount), "decisionMaker", "CFO Kim",
				"nextFollowUp", Instant.now().plus(5, ChronoUnit.DAYS).toString())));
	}

	private void lose(long lead) {
		steps.completeStep(lead, "Task_NegotiateDeal", "alice", REP,
				new HashMap<>(Map.of("won", "false", "lostReason", "Chose a competitor")));
	}

	private String processInstance(long lead) {
		return historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey("lead-to-sale")
			.processInstanceBusinessKey(String.valueOf(lead))
			.singleResult()
			.getId();
	}

	private Set<String> latestFinished(int count) {
		var ids = new HashSet<String>();
		historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey("lead-to-sale")
			.finished()
			.orderByProcessInstanceEndTime()
			.desc()
			.listPage(0, count)
			.forEach(p -> ids.add(p.getId()));
		return ids;
	}

	private static List<String> ids(JsonNode steps) {
		var ids = new ArrayList<String>();
		steps.forEach(s -> ids.add(s.path("id").asText()));
		return ids;
	}

	// ---- HTTP ----

	record Response(int status, String body, ObjectMapper mapper) {

		JsonNode json() throws IOException {
			return mapper.readTree(body);
		}

	}

	private Response post(String path, String user, Object body) throws Exception {
		var response = CLIENT.send(request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	private void delete(String path, String user) throws Exception {
		CLIENT.send(request(path, user).DELETE().build(), HttpResponse.BodyHandlers.discarding());
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json")
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

}
