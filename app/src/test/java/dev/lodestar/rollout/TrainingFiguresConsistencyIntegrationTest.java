package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/**
 * One truth per training figure: on the demo rollout plus two waves past their deadline, every
 * page that shows training (the cockpit's training section, its KPI tile and drill-down, the
 * KPI review's figures, the rollout page, the go-live gate's inputs, the training API and the
 * knowledge-check page) is read as its reader gets it (JSON or HTML) and must state the same
 * audience, passes, attendance and overdue people. The data are built so that any second way of
 * counting disagrees: a late joiner without a record, a person the trainer removed, a person the
 * trainer named, one who attended and failed the check.
 */
@LodestarIntegrationTest
@TestPropertySource(properties = "lodestar.test.context=training-truth")
class TrainingFiguresConsistencyIntegrationTest {

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
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyPageThatShowsTrainingStatesTheSameFiguresAsEveryOther() throws Exception {
		var http = new Http(port, json);
		person("sales.07", "sales-rep");
		person("service.03", "service-agent");
		person("sales.09", "sales-rep");
		Long rolloutId = jdbc.queryForObject("select id from crm_rollout where name = ?", Long.class, "Lodestar CRM rollout" /* the demo rollout */);

		// a wave of the demo rollout: invited, one passes, one attends and fails, one removed, one named
		var wave = training.createAndStart(rolloutId, WaveKind.END_USERS, List.of("sales-rep", "service-agent"), 80,
				Instant.now().plus(Duration.ofDays(10)));
		plan(wave.getId());
		String folder = WaveKind.END_USERS.materialFolder();
		assertThat(http.post("/api/training/knowledge-checks/" + folder, "alice", Map.of("answers", answers(folder, true)))
			.status()).isEqualTo(200);
		assertThat(http.post("/api/training/knowledge-checks/" + folder, "carol", Map.of("answers", answers(folder, false)))
			.status()).isEqualTo(200);
		Long session = training.sessionsOf(wave.getId()).get(0).getId();
		assertThat(http.post("/api/training-waves/" + wave.getId() + "/sessions/" + session + "/attendance", "grace",
				Map.of("present", Map.of("carol", true))).status()).isEqualTo(200);
		assertThat(http.delete("/api/training-waves/" + wave.getId() + "/participants/sales.09", "grace").status()).isEqualTo(200);
		assertThat(http.post("/api/training-waves/" + wave.getId() + "/participants", "grace", Map.of("participant", "dave"))
			.status()).isEqualTo(201);
		person("sales.08", "sales-rep"); // joins after the invitation: no record, still in the audience
		// a wave on its own (as the demo history starts them), nobody passed
		var standalone = training.createAndStart(null, WaveKind.EXECUTIVES, List.of("executive"), 100,
				Instant.now().plus(Duration.ofDays(10)));
		plan(standalone.getId());
		// both deadlines lie behind us now
		jdbc.update("update crm_training_wave set deadline = ? where id in (?, ?)",
				Timestamp.from(Instant.now().minus(Duration.ofDays(1))), wave.getId(), standalone.getId());

		// ---- every page as its reader gets it
		JsonNode cockpit = http.get("/api/insight/training", "erin").json();
		JsonNode kpi = find(http.get("/api/insight/kpis", "erin").json(), "code", "TRAINING_COMPLETION");
		JsonNode drill = http.get("/api/insight/cases?kpi=TRAINING_COMPLETION", "erin").json();
		String rolloutPage = new Pages(port).as("erin").get("/rollouts/" + rolloutId);
		JsonNode gate = http.get("/api/rollouts/" + rolloutId + "/gate", "erin").json();

		// the cockpit's waves, by id
		var cockpitWaves = new LinkedHashMap<Long, JsonNode>();
		cockpit.get("waves").forEach(w -> cockpitWaves.put(w.get("key").asLong(), w));
		var cockpitOverdue = new TreeSet<String>();
		cockpit.get("overdue").forEach(o -> cockpitOverdue.add(o.get("waveId").asLong() + "/" + o.get("participant").asText()));

		// the wave as built: the audience is live, the counts follow the rules
		JsonNode ours = cockpitWaves.get(wave.getId());
		assertThat(ours).as("the new wave on the cockpit").isNotNull();
		assertThat(cockpitOverdue).contains(wave.getId() + "/sales.07", wave.getId() + "/service.03",
				wave.getId() + "/sales.08", wave.getId() + "/carol", wave.getId() + "/dave", standalone.getId() + "/erin")
			.doesNotContain(wave.getId() + "/alice", wave.getId() + "/sales.09");

		// the rollout page: every wave of the rollout with the cockpit's figures, the same overdue people
		var pageWaves = rolloutWaves(rolloutPage);
		assertThat(pageWaves.keySet()).contains(wave.getId());
		for (var entry : pageWaves.entrySet()) {
			JsonNode c = cockpitWaves.get(entry.getKey());
			var p = entry.getValue();
			long invited = c == null ? 0 : c.get("invited").asLong();
			assertThat(p.get("invited")).as("wave %s: audience, rollout page vs cockpit", entry.getKey()).isEqualTo(String.valueOf(invited));
			if (c == null) {
				continue;
			}
			assertThat(p.get("completed")).as("wave %s: passed", entry.getKey()).isEqualTo(c.get("completed").asText());
			assertThat(Double.parseDouble(p.get("percent"))).as("wave %s: %%", entry.getKey()).isEqualTo(c.get("percent").asDouble());
			assertThat(p.get("attended")).as("wave %s: attended", entry.getKey()).isEqualTo(c.get("attended").asText());
			assertThat(p.get("overdue")).as("wave %s: overdue", entry.getKey()).isEqualTo(c.get("overdue").asText());
		}
		var pageOverdue = new TreeSet<String>();
		var member = Pattern.compile("data-participant=\"([^\"]+)\" data-passed=\"(true|false)\" data-overdue=\"true\"");
		for (var w : pageWaves.keySet()) {
			var section = waveRow(rolloutPage, w);
			var m = member.matcher(section);
			while (m.find()) {
				pageOverdue.add(w + "/" + m.group(1));
			}
		}
		assertThat(pageOverdue).as("overdue on the rollout page vs the cockpit")
			.isEqualTo(cockpitOverdue.stream().filter(o -> pageWaves.containsKey(Long.valueOf(o.substring(0, o.indexOf('/')))))
				.collect(java.util.stream.Collectors.toCollection(TreeSet::new)));

		// the training API (the trainer's view of a wave) states the same figures
		for (Long id : List.of(wave.getId(), standalone.getId())) {
			JsonNode progress = http.get("/api/training-waves/" + id, "frank").json().get("progress");
			JsonNode c = cockpitWaves.get(id);
			assertThat(progress.get("invited").asLong()).as("wave %s audience, API vs cockpit", id).isEqualTo(c.get("invited").asLong());
			assertThat(progress.get("completed").asLong()).isEqualTo(c.get("completed").asLong());
			assertThat(progress.get("completionPercent").asDouble()).isEqualTo(c.get("percent").asDouble());
			assertThat(progress.get("overdue").asLong()).isEqualTo(c.get("overdue").asLong());
		}

		// the go-live gate judges the rollout's first wave of each kind: the cockpit's figure for it
		var firstOfKind = new HashMap<String, Long>();
		training.wavesOf(rolloutId).forEach(w -> firstOfKind.putIfAbsent(w.kind(), w.waveId()));
		var gateInputs = Map.of("EXECUTIVES", GoLiveGate.EXECUTIVES, "PROJECT_TEAM", GoLiveGate.PROJECT_TEAM, "END_USERS",
				GoLiveGate.END_USERS);
		gateInputs.forEach((kind, input) -> {
			JsonNode c = cockpitWaves.get(firstOfKind.get(kind));
			double cockpitPercent = c == null ? 0 : c.get("percent").asDouble();
			assertThat(gate.get("figures").get(input).asDouble()).as("gate input %s vs cockpit", input).isEqualTo(cockpitPercent);
		});

		// the KPI tile (and so the KPI review, which gathers these figures) and its drill-down
		long audience = 0;
		long passed = 0;
		for (JsonNode w : cockpitWaves.values()) {
			audience += w.get("invited").asLong();
			passed += w.get("completed").asLong();
		}
		assertThat(kpi.get("sampleSize").asLong()).as("KPI tile's n vs the cockpit's waves").isEqualTo(audience);
		assertThat(kpi.get("value").asDouble()).isEqualTo(Math.round(1000.0 * passed / audience) / 10.0);
		assertThat(drill.get("total").asLong()).as("drill-down rows vs the tile").isEqualTo(audience);
		long passedRows = 0;
		var overdueRows = new HashSet<String>();
		for (JsonNode row : drill.get("cases")) {
			if (row.get("value").asText().startsWith("passed")) {
				passedRows++;
			}
			if (row.get("value").asText().startsWith("overdue")) {
				overdueRows.add(row.get("id").asText());
			}
		}
		assertThat(passedRows).as("drill-down rows that passed").isEqualTo(passed);
		assertThat(overdueRows).as("drill-down rows that are overdue").isEqualTo(cockpitOverdue);

		// the KPI review gathers the same figure: its snapshot states the tile's audience and completion
		var review = http.post("/api/insight/kpi-reviews", "erin", Map.of());
		assertThat(review.status()).as(review.body()).isEqualTo(201);
		Object reviewId = runtime.getVariable(review.json().get("processInstanceId").asText(), "kpiReviewId");
		JsonNode reviewed = find(http.get("/api/insight/kpi-reviews/" + reviewId, "erin").json().get("figures"), "kpi",
				"TRAINING_COMPLETION");
		assertThat(reviewed.get("sampleSize").asLong()).as("KPI review's n vs the cockpit's waves").isEqualTo(audience);
		assertThat(reviewed.get("value").asDouble()).as("KPI review's completion").isEqualTo(kpi.get("value").asDouble());

		// the knowledge-check page tells each person what every other page says of them
		var pages = new Pages(port);
		for (String overdue : List.of("sales.07", "sales.08", "carol")) {
			assertThat(pages.as(overdue).get("/training/" + folder + "/knowledge-check")).as(overdue)
				.contains("id=\"check-overdue\"").contains("id=\"submit-check\"");
		}
		assertThat(pages.as("alice").get("/training/" + folder + "/knowledge-check")).contains("id=\"check-passed\"")
			.doesNotContain("id=\"submit-check\"");
		// a person in no end-user wave: nothing open for them
		person("visitor.01", "employee");
		assertThat(pages.as("visitor.01").get("/training/" + folder + "/knowledge-check")).contains("id=\"check-closed\"");
	}

	private void person(String id, String group) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			var user = identity.newUser(id);
			user.setFirstName(id);
			user.setLastName(id);
			user.setPassword(id);
			identity.saveUser(user);
			for (String g : new TreeSet<>(List.of(group, "employee"))) {
				identity.createMembership(id, g);
			}
		}
	}

	/** The trainer plans the first session: the wave invites its audience. */
	private void plan(Long waveId) {
		var pi = training.wave(waveId).getProcessInstanceId();
		var task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TrainingWaveProcess.TASK_PLAN_SESSIONS)
			.singleResult();
		tasks.setAssignee(task.getId(), "grace");
		tasks.complete(task.getId(), Map.of(TrainingWaveProcess.VAR_SESSION_TITLE, "Kick-off",
				TrainingWaveProcess.VAR_SESSION_STARTS_AT, "2030-01-15T09:00:00Z", TrainingWaveProcess.VAR_SESSION_LOCATION,
				"Room 1"));
	}

	private Map<String, List<Integer>> answers(String folder, boolean right) {
		var out = new HashMap<String, List<Integer>>();
		for (var q : library.knowledgeCheck(folder, Locale.ENGLISH).orElseThrow().questions()) {
			int key = q.key().iterator().next();
			out.put(String.valueOf(q.number()), right ? List.copyOf(q.key()) : List.of((key + 1) % q.options().size()));
		}
		return out;
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode n : array) {
			if (value.equals(n.get(field).asText())) {
				return n;
			}
		}
		throw new AssertionError(value + " not in " + array);
	}

	/** The rollout page's wave rows: id → their data attributes. */
	private static Map<Long, Map<String, String>> rolloutWaves(String html) {
		var out = new LinkedHashMap<Long, Map<String, String>>();
		var row = Pattern.compile("<tr class=\"wave\"([^>]*)>");
		var attr = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");
		var m = row.matcher(html);
		while (m.find()) {
			var attrs = new HashMap<String, String>();
			var a = attr.matcher(m.group(1));
			while (a.find()) {
				attrs.put(a.group(1), a.group(2));
			}
			out.put(Long.valueOf(attrs.get("wave-id")), attrs);
		}
		return out;
	}

	private static String waveRow(String html, Long waveId) {
		int start = html.indexOf("data-wave-id=\"" + waveId + "\"");
		int end = html.indexOf("</tr>", start);
		return html.substring(start, end);
	}

	/** Pages as a person sees them: logged in through the login form, HTML back. */
	static final class Pages {

		private final int port;

		private HttpClient client;

		Pages(int port) {
			this.port = port;
		}

		Pages as(String user) throws Exception {
			client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
				.version(HttpClient.Version.HTTP_1_1).build();
			String login = get("/login");
			var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
			assertThat(token.find()).as("CSRF token on the login page").isTrue();
			String form = "username=" + enc(user) + "&password=" + enc(user) + "&_csrf=" + enc(token.group(1));
			var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("log-in of " + user).isLessThan(400);
			return this;
		}

		String get(String path) throws Exception {
			var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", "text/html")
				.header("Accept-Language", "en")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.body();
		}

		private static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}

	}

}
