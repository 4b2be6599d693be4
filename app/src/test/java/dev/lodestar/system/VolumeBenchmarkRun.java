package dev.lodestar.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.knowledge.KnowledgeBase;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.NewLead;

/**
 * The volume benchmark (issue 24) on PostgreSQL: not part of {@code mvn verify} (its name matches
 * no test pattern); run it by name, see README.md ("Benchmarks"). At {@code -Dlodestar.volume.scale}
 * 1.0 it seeds ten times the demo through the services (3,000 leads, 2,000 complaints, 5,000
 * customers with 50,000 interactions, 1,000 articles, 100 employees) into its own database
 * ({@code lodestar_bench_volume_<scale × 100>} on 127.0.0.1, created and seeded once), then times
 * every page of the README's tour and the cockpit's data calls over HTTP, each as the role that
 * uses it (a form-login session), beside a static file of the same app. Writes
 * {@code app/target/volume-benchmark.md} and prints it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.dev.lodestar.notification=error", "logging.level.dev.lodestar.customer=warn",
				"logging.level.dev.lodestar.lead=warn", "logging.level.dev.lodestar.complaint=warn",
				"lodestar.insight.snapshots-scheduled=false", "spring.datasource.hikari.maximum-pool-size=8" })
@ActiveProfiles("test")
class VolumeBenchmarkRun {

	static final double SCALE = Double.parseDouble(System.getProperty("lodestar.volume.scale", "1.0"));

	static final int REQUESTS = Integer.getInteger("lodestar.volume.requests", 40);

	static final String URL = System.getenv().getOrDefault("LODESTAR_BENCH_VOLUME_PG_URL",
			"jdbc:postgresql://127.0.0.1:5432/lodestar_bench_volume_" + Math.round(SCALE * 100));

	private static final Pattern CSRF_FIELD = Pattern
		.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private static final String[] REGIONS = { "EMEA", "NA", "APAC", "LATAM" };
	private static final String[] SOURCES = { "WEB", "EMAIL", "PHONE", "REFERRAL", "PARTNER", "EVENT" };
	private static final String[] CATEGORIES = { "PRODUCT_DEFECT", "DELIVERY", "BILLING", "SERVICE", "SAFETY" };
	private static final String[] CHANNELS = { "PHONE", "EMAIL", "WEB", "STORE" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	LeadCapture capture;

	@Autowired
	ComplaintService complaints;

	@Autowired
	CustomerService customers;

	@Autowired
	KnowledgeBase knowledge;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10)).build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		String name = URL.substring(URL.lastIndexOf('/') + 1).split("\\?")[0];
		String admin = URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres";
		try (var connection = DriverManager.getConnection(admin, "postgres", "");
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, name);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute("create database " + name.replaceAll("[^a-zA-Z0-9_]", ""));
				}
			}
		}
		registry.add("spring.datasource.url", () -> URL);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@Test
	void everyTourPageAtVolumeBesideAStaticFile() throws Exception {
		StringBuilder out = new StringBuilder();
		String seeding = seed();
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : List.of("crm_lead", "crm_complaint", "crm_customer", "crm_interaction", "crm_kb_article")) {
			rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		rows.put("act_id_user", jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class));
		rows.put("act_ru_task", jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class));
		jdbc.execute("analyze");

		long customer = jdbc.queryForObject("select customer_id from crm_interaction group by customer_id"
				+ " order by count(*) desc, customer_id limit 1", Long.class);
		long lead = jdbc.queryForObject("select max(id) from crm_lead", Long.class);
		long complaint = jdbc.queryForObject("select max(id) from crm_complaint", Long.class);
		long rollout = jdbc.queryForObject("select min(id) from crm_rollout", Long.class);
		String task = tasks.createTaskQuery().taskCandidateUser("alice").orderByTaskCreateTime().desc().listPage(0, 1)
			.get(0).getId();

		Map<String, String> sessions = new HashMap<>();
		for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace")) {
			sessions.put(user, logIn(user));
		}
		List<String[]> pages = List.of(new String[] { "alice", "/" }, new String[] { "alice", "/customers" },
				new String[] { "alice", "/customers/" + customer }, new String[] { "alice", "/leads" },
				new String[] { "bob", "/leads?view=list" },
				new String[] { "bob", "/leads/list?stage=LOST" }, new String[] { "alice", "/leads/" + lead },
				new String[] { "carol", "/complaints" }, new String[] { "carol", "/complaints/" + complaint },
				new String[] { "carol", "/knowledge" }, new String[] { "erin", "/insight" }, new String[] { "frank", "/models" },
				new String[] { "frank", "/rollouts/" + rollout }, new String[] { "grace", "/training" },
				new String[] { "alice", "/tasks/" + task });
		List<String[]> calls = List.of(new String[] { "erin", "/api/insight/figures" },
				new String[] { "erin", "/api/insight/cohorts" }, new String[] { "erin", "/api/insight/rollout" },
				new String[] { "erin", "/api/insight/training" }, new String[] { "erin", "/api/insight/lights" },
				new String[] { "erin", "/api/insight/weekly?by=all" }, new String[] { "erin", "/api/insight/heatmaps" },
				new String[] { "erin", "/api/insight/heatmaps/lead-to-sale" }, new String[] { "erin", "/api/insight/targets" },
				new String[] { "erin", "/api/insight/status" });

		Path dir = Path.of("target");
		Files.createDirectories(dir);
		Map<String, Long> otherSizes = new HashMap<>();
		String otherScale = null;
		try (var list = Files.list(dir)) {
			for (Path p : list.filter(p -> p.getFileName().toString().startsWith("volume-sizes-")).toList()) {
				String s = p.getFileName().toString().replace("volume-sizes-", "").replace(".tsv", "");
				if (!s.equals(scaleName())) {
					otherScale = s;
					for (String line : Files.readAllLines(p)) {
						String[] f = line.split("\t");
						otherSizes.put(f[0], Long.parseLong(f[1]));
					}
				}
			}
		}
		String sizeHeader = otherScale == null ? "" : " KB at scale " + otherScale + " |";

		String loadBefore = load();
		Measure baseline = measure(sessions.get("alice"), "/css/lodestar.css");
		out.append("## Volume benchmark, scale ").append(SCALE).append("\n\n");
		out.append(seeding).append("\n\n");
		out.append("Rows: ").append(rows.toString().replaceAll("[{}]", "")).append(". ").append(REQUESTS)
			.append(" requests per row, one at a time, after 5 unmeasured.\n\n");
		out.append("| page | as | HTTP | KB |").append(sizeHeader).append(" p50 ms | p95 ms | p95 ÷ baseline p95 | target p95 ≤ 200 ms |\n");
		out.append("|---|---|---|---|").append(otherScale == null ? "" : "---|").append("---|---|---|---|\n");
		StringBuilder sizes = new StringBuilder();
		row(out, sizes, "baseline `/css/lodestar.css` (static)", "alice", baseline, baseline, otherSizes, otherScale != null, false);
		for (String[] page : pages) {
			Measure m = measure(sessions.get(page[0]), page[1]);
			row(out, sizes, "`" + generic(page[1]) + "`", page[0], m, baseline, otherSizes, otherScale != null, true);
		}
		for (String[] call : calls) {
			Measure m = measure(sessions.get(call[0]), call[1]);
			row(out, sizes, "data `" + call[1] + "` (of `/insight`)", call[0], m, baseline, otherSizes, otherScale != null, false);
		}
		out.append("\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
			.append(System.getProperty("java.version")).append("; load average (1, 5, 15 min) ").append(loadBefore)
			.append(" before the measurements, ").append(load()).append(" after.\n");
		Files.writeString(dir.resolve("volume-sizes-" + scaleName() + ".tsv"), sizes);
		Files.writeString(dir.resolve("volume-benchmark.md"), out);
		System.out.println(out);
	}

	private static String load() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String scaleName() {
		return String.valueOf(SCALE);
	}

	private static String generic(String path) {
		return path.replaceAll("/[0-9a-f-]{6,}$", "/{id}").replaceAll("/[0-9]+$", "/{id}");
	}

	private static void row(StringBuilder out, StringBuilder sizes, String name, String user, Measure m, Measure baseline,
			Map<String, Long> otherSizes, boolean withOther, boolean page) {
		String key = name;
		sizes.append(key).append('\t').append(m.bytes).append('\n');
		String other = "";
		if (withOther) {
			Long o = otherSizes.get(key);
			other = (o == null ? "–" : String.format(Locale.ROOT, "%.1f", o / 1024.0)) + " | ";
		}
		out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %s%d | %d | %.1f× | %s |%n", name, user, m.status,
				m.bytes / 1024.0, other, m.p50, m.p95, (double) m.p95 / Math.max(1, baseline.p95),
				m.status != 200 ? "**HTTP " + m.status + "**" : page ? (m.p95 <= 200 ? "met" : "**not met**") : ""));
	}

	record Measure(int status, long bytes, long p50, long p95) {
	}

	private Measure measure(String session, String path) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Cookie", session)
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
			.GET()
			.build();
		for (int i = 0; i < 5; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		long[] ms = new long[REQUESTS];
		int status = 0;
		long bytes = 0;
		for (int i = 0; i < ms.length; i++) {
			long s = System.nanoTime();
			var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			ms[i] = (System.nanoTime() - s) / 1_000_000;
			status = response.statusCode();
			bytes = response.body().length;
		}
		Arrays.sort(ms);
		return new Measure(status, bytes, ms[ms.length / 2], ms[(int) Math.ceil(0.95 * ms.length) - 1]);
	}

	private String logIn(String user) throws IOException, InterruptedException {
		var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String csrfCookie = cookie(page, "XSRF-TOKEN");
		var field = CSRF_FIELD.matcher(page.body());
		if (!field.find()) {
			throw new IllegalStateException("no CSRF token on the login page: " + page.statusCode());
		}
		String token = field.group(1) != null ? field.group(1) : field.group(2);
		String form = "username=" + enc(user) + "&password=" + enc(user) + "&_csrf=" + enc(token);
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie == null ? "" : csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String session = cookie(response, "SESSION");
		if (session == null) {
			session = cookie(response, "JSESSIONID");
		}
		if (response.statusCode() != 302 || session == null) {
			throw new IllegalStateException("login of " + user + " failed: " + response.statusCode());
		}
		return session;
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------ seeding

	/** Seeds once per database, through the services, two threads; returns a line saying what and how long. */
	private String seed() throws Exception {
		int leads = (int) Math.round(3000 * SCALE);
		int complaintCount = (int) Math.round(2000 * SCALE);
		int customerCount = (int) Math.round(5000 * SCALE);
		int interactions = (int) Math.round(50_000 * SCALE);
		int articles = (int) Math.round(1000 * SCALE);
		int employees = (int) Math.round(100 * SCALE);
		long have = jdbc.queryForObject("select count(*) from crm_lead where company like 'Volume %'", Long.class);
		if (have >= leads) {
			return "Seeded earlier in this database (" + URL + ").";
		}
		long started = System.nanoTime();
		for (int i = 1; i <= employees; i++) {
			String id = String.format(Locale.ROOT, "volume.%03d", i);
			if (identity.createUserQuery().userId(id).count() == 0) {
				var user = identity.newUser(id);
				user.setFirstName("Volume");
				user.setLastName("Employee " + i);
				user.setEmail(id + "@lodestar.example");
				user.setPassword(id);
				identity.saveUser(user);
				identity.createMembership(id, i % 2 == 0 ? "sales-rep" : "service-agent");
				identity.createMembership(id, "employee");
			}
		}
		long t0 = System.nanoTime();
		parallel(leads, i -> capture.capture(new NewLead("Volume Company " + i, "Contact " + i, "lead" + i + "@volume.example",
				String.format(Locale.ROOT, "+44 20 7%06d", i), SOURCES[i % SOURCES.length], REGIONS[i % REGIONS.length],
				"Seeded for the volume benchmark.", i % 3 == 0 ? "ENTERPRISE" : "SMB", String.valueOf(5000 + (i % 97) * 1000)),
				"alice"));
		long leadMs = (System.nanoTime() - t0) / 1_000_000;
		t0 = System.nanoTime();
		parallel(complaintCount, i -> complaints.register(new ComplaintIntake("Volume Person " + i, "person" + i + "@volume.example",
				String.format(Locale.ROOT, "+44 161 %07d", i), CHANNELS[i % CHANNELS.length], CATEGORIES[i % CATEGORIES.length],
				"Seeded complaint " + i + ": the delivery was late and the box was damaged.", null, null), "carol"));
		long complaintMs = (System.nanoTime() - t0) / 1_000_000;
		t0 = System.nanoTime();
		long existing = jdbc.queryForObject("select count(*) from crm_customer", Long.class);
		int more = (int) Math.max(0, customerCount - existing);
		parallel(more, i -> customers.createOrLink(CustomerDraft.company("Volume Account " + i, "Account Contact " + i,
				"account" + i + "@volume.example", String.format(Locale.ROOT, "+49 30 %07d", i), REGIONS[i % REGIONS.length]),
				"bob"));
		List<Long> ids = jdbc.queryForList("select id from crm_customer order by id", Long.class);
		long existingInteractions = jdbc.queryForObject("select count(*) from crm_interaction", Long.class);
		int toWrite = (int) Math.max(0, interactions - existingInteractions);
		int batch = 250;
		Instant now = Instant.now();
		parallel((toWrite + batch - 1) / batch, b -> transactions.executeWithoutResult(s -> {
			for (int k = b * batch; k < Math.min(toWrite, (b + 1) * batch); k++) {
				customers.writeInteraction(ids.get(k % ids.size()), new NewInteraction(InteractionType.values()[k % 5],
						now.minus(k % 180, ChronoUnit.DAYS), "alice", "Contact", "Volume interaction " + k, "noted", null, null));
			}
		}));
		long customerMs = (System.nanoTime() - t0) / 1_000_000;
		t0 = System.nanoTime();
		parallel(articles, i -> {
			var article = knowledge.draft(new KnowledgeBase.ArticleText("Volume article " + i + ": late deliveries",
					"What to do when a delivery is late. Article " + i + ".", List.of("delivery"), CATEGORIES[i % CATEGORIES.length]),
					null, "dave");
			if (i % 2 == 0) {
				knowledge.publish(article.getId(), "dave");
			}
		});
		long articleMs = (System.nanoTime() - t0) / 1_000_000;
		return String.format(Locale.ROOT,
				"Seeded through the services in %,d s (two threads): %,d leads in %,d s, %,d complaints in %,d s,"
						+ " customers and interactions in %,d s, %,d articles in %,d s.",
				(System.nanoTime() - started) / 1_000_000_000, leads, leadMs / 1000, complaintCount, complaintMs / 1000,
				customerMs / 1000, articles, articleMs / 1000);
	}

	private static void parallel(int count, IntConsumer work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			AtomicInteger done = new AtomicInteger();
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					work.accept(n);
					int d = done.incrementAndGet();
					if (d % 500 == 0) {
						System.out.println("volume seeding: " + d + " of " + count);
					}
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
