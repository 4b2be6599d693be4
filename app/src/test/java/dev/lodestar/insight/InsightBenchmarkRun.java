package dev.lodestar.insight;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cockpit benchmark on PostgreSQL: not part of {@code mvn verify} (its name matches no test
 * pattern); run it by name (README.md, "For leadership"). It creates the database if needed
 * ({@code LODESTAR_BENCH_INSIGHT_PG_URL}, default {@code lodestar_bench_insight} on 127.0.0.1),
 * bulk-generates synthetic history with SQL once (100,000 lead-to-sale instances over 200 days,
 * 1,000,000 ACT_HI_ACTINST rows, 400,000 completed tasks), runs the snapshot job, then times the
 * cockpit's data endpoints over HTTP beside the same figures computed straight from the engine's
 * history tables (aggregate SQL, and the engine's history API as the old KpiService read it).
 * Prints to the console and to {@code app/target/benchmark/insight.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.dev.lodestar.notification=error", "lodestar.insight.snapshots-scheduled=false",
				"spring.datasource.hikari.maximum-pool-size=6" })
@ActiveProfiles("test")
class InsightBenchmarkRun {

	static final String URL = System.getenv().getOrDefault("LODESTAR_BENCH_INSIGHT_PG_URL",
			"jdbc:postgresql://127.0.0.1:5432/lodestar_bench_insight");

	static final int INSTANCES = Integer.getInteger("benchmark.instances", 100_000);

	static final int STEPS = 10;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	KpiSnapshotJob job;

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
	void cockpitEndpointsAtAMillionHistoryRowsBesideTheEnginesOwnTables() throws Exception {
		Path report = Path.of("target", "benchmark", "insight.txt");
		Files.createDirectories(report.getParent());
		try (OutputStream file = new FileOutputStream(report.toFile())) {
			PrintStream out = new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8);
			out.println("== Lodestar cockpit benchmark, " + URL + " ==");
			seed(out);
			long rows = jdbc.queryForObject("select count(*) from ACT_HI_ACTINST", Long.class);
			out.printf(Locale.ROOT, "history: %,d ACT_HI_ACTINST rows, %,d ACT_HI_TASKINST rows, %,d ACT_HI_PROCINST rows%n", rows,
					jdbc.queryForObject("select count(*) from ACT_HI_TASKINST", Long.class),
					jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Long.class));

			LocalDate today = KpiSnapshotJob.today();
			jdbc.update("delete from crm_kpi_daily");
			jdbc.update("delete from crm_kpi_step");
			long t0 = System.nanoTime();
			job.refresh(today.minusDays(29), today);
			out.printf(Locale.ROOT, "snapshot job, 30 days + heatmap (runs every 15 min for today; once for the backfill): %,d ms%n",
					(System.nanoTime() - t0) / 1_000_000);
			jdbc.execute("analyze");

			out.println();
			out.println("cockpit data endpoints over HTTP as erin (reading snapshots), 30 calls each after 3 warm-up calls:");
			for (String path : List.of("/api/insight/figures", "/api/insight/cohorts", "/api/insight/weekly?by=all",
					"/api/insight/weekly?by=department", "/api/insight/heatmaps/lead-to-sale", "/api/insight/training",
					"/api/insight/targets")) {
				out.println("  " + time(path));
			}

			out.println();
			out.println("the same figures straight from the engine's history tables (30-day window):");
			var w = new Cockpit.Window(today.minusDays(29), today);
			Timestamp from = KpiSnapshotJob.start(w.from());
			Timestamp to = KpiSnapshotJob.start(w.to().plusDays(1));
			long[] ms = new long[5];
			double[] direct = new double[2];
			for (int i = 0; i < 5; i++) {
				long s = System.nanoTime();
				jdbc.query("select count(*), sum(case when END_TIME_ <= DUE_DATE_ then 1 else 0 end) from ACT_HI_TASKINST"
						+ " where END_TIME_ >= ? and END_TIME_ < ? and DELETE_REASON_ = 'completed' and DUE_DATE_ is not null",
						rs -> {
							direct[0] = rs.getLong(1);
							direct[1] = rs.getLong(2);
						}, from, to);
				ms[i] = (System.nanoTime() - s) / 1_000_000;
			}
			var snap = new java.util.HashMap<String, double[]>();
			jdbc.query("select sum(numerator), sum(denominator) from crm_kpi_daily where kpi_code = 'ADOPTION_TASKS_ON_TIME'"
					+ " and slice_kind = 'all' and snapshot_day >= ? and snapshot_day <= ?", rs -> {
						snap.put("x", new double[] { rs.getDouble(1), rs.getDouble(2) });
					}, java.sql.Date.valueOf(w.from()), java.sql.Date.valueOf(w.to()));
			out.printf(Locale.ROOT, "  tasks on time, aggregate SQL on ACT_HI_TASKINST: %.1f %% of %,d tasks, median %d ms"
					+ "  | snapshots: %.1f %% of %,.0f tasks%n", 100.0 * direct[1] / direct[0], (long) direct[0], median(ms),
					100.0 * snap.get("x")[0] / snap.get("x")[1], snap.get("x")[1]);

			for (int i = 0; i < 3; i++) {
				long s = System.nanoTime();
				job.steps("lead-to-sale", from, to);
				ms[i] = (System.nanoTime() - s) / 1_000_000;
			}
			var steps = job.steps("lead-to-sale", from, to);
			var slowest = steps.stream().max(java.util.Comparator.comparingDouble(KpiSnapshotJob.Step::totalMs)).orElseThrow();
			out.printf(Locale.ROOT, "  heatmap, aggregate SQL with percentile_cont on ACT_HI_ACTINST: %d elements, most time in %s"
					+ " mean %.0f ms p90 %.0f ms over %,d passes; median %d ms%n", steps.size(), slowest.activityId(),
					slowest.meanMs(), slowest.p90Ms(), slowest.passes(), median(Arrays.copyOf(ms, 3)));

			var definition = repository.createProcessDefinitionQuery().processDefinitionKey("lead-to-sale").latestVersion()
				.singleResult();
			long s = System.nanoTime();
			List<HistoricActivityInstance> all = history.createHistoricActivityInstanceQuery()
				.processDefinitionId(definition.getId())
				.activityId(slowest.activityId())
				.finishedAfter(from)
				.finishedBefore(to)
				.list();
			double mean = all.stream().mapToLong(a -> a.getDurationInMillis() == null ? 0 : a.getDurationInMillis()).average()
				.orElse(0);
			out.printf(Locale.ROOT, "  that element through the engine's history API (a list, as the old KpiService read"
					+ " history): %,d rows, mean %.0f ms, %d ms%n", all.size(), mean, (System.nanoTime() - s) / 1_000_000);
			out.println("(written to " + report.toAbsolutePath() + ")");
		}
	}

	private String time(String path) throws Exception {
		var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("erin:erin".getBytes(StandardCharsets.UTF_8)))
			.build();
		for (int i = 0; i < 3; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		long[] ms = new long[30];
		int status = 0;
		int size = 0;
		for (int i = 0; i < ms.length; i++) {
			long s = System.nanoTime();
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			ms[i] = (System.nanoTime() - s) / 1_000_000;
			status = response.statusCode();
			size = response.body().length();
		}
		Arrays.sort(ms);
		return String.format(Locale.ROOT, "%-40s HTTP %d, %,7d bytes: p50 %4d ms, p95 %4d ms, max %4d ms", path, status, size,
				ms[ms.length / 2], ms[(int) Math.ceil(0.95 * ms.length) - 1], ms[ms.length - 1]);
	}

	private static long median(long[] ms) {
		long[] copy = ms.clone();
		Arrays.sort(copy);
		return copy[copy.length / 2];
	}

	/** Synthetic history, once: each instance passes the first ten flow nodes of lead-to-sale. */
	private void seed(PrintStream out) {
		long have = jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where ID_ like 'bench-%'", Long.class);
		if (have >= (long) INSTANCES * STEPS) {
			out.printf(Locale.ROOT, "synthetic history already there (%,d rows)%n", have);
			return;
		}
		jdbc.update("delete from ACT_HI_ACTINST where ID_ like 'bench-%'");
		jdbc.update("delete from ACT_HI_TASKINST where ID_ like 'bench-%'");
		jdbc.update("delete from ACT_HI_PROCINST where ID_ like 'bench-%'");
		var definition = repository.createProcessDefinitionQuery().processDefinitionKey("lead-to-sale").latestVersion()
			.singleResult();
		var nodes = new ArrayList<FlowNode>(repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class));
		nodes.removeIf(n -> n.getElementType().getTypeName().equals("subProcess"));
		var ids = nodes.stream().limit(STEPS).map(FlowNode::getId).toList();
		var types = nodes.stream().limit(STEPS).map(n -> n.getElementType().getTypeName()).toList();
		String idArray = "array[" + String.join(",", ids.stream().map(i -> "'" + i + "'").toList()) + "]";
		String typeArray = "array[" + String.join(",", types.stream().map(i -> "'" + i + "'").toList()) + "]";
		long started = System.nanoTime();
		jdbc.update("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
				+ " END_TIME_, DURATION_, START_USER_ID_, STATE_, ROOT_PROC_INST_ID_)"
				+ " select 'bench-p-' || g, 'bench-p-' || g, 'bench-' || g, 'lead-to-sale', ?, s, s + (d || ' milliseconds')::interval, d,"
				+ " (array['alice','bob','carol','dave'])[1 + g % 4], 'COMPLETED', 'bench-p-' || g"
				+ " from (select g, localtimestamp - (random() * 200 || ' days')::interval as s,"
				+ " (10 * 3600000 + random() * 20 * 86400000)::bigint as d from generate_series(1, ?) g) x", definition.getId(),
				INSTANCES);
		jdbc.update("insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,"
				+ " ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_)"
				+ " select 'bench-a-' || p.g || '-' || k, 'lead-to-sale', ?, p.id, p.id, p.id, (" + idArray + ")[k], (" + idArray
				+ ")[k], (" + typeArray + ")[k], p.s + ((k - 1) * p.d / " + STEPS + " || ' milliseconds')::interval,"
				+ " p.s + (k * p.d / " + STEPS + " || ' milliseconds')::interval, p.d / " + STEPS + ", 1, k"
				+ " from (select substring(ID_ from 9)::int as g, ID_ as id, START_TIME_ as s, DURATION_ as d from ACT_HI_PROCINST"
				+ " where ID_ like 'bench-p-%') p cross join generate_series(1, " + STEPS + ") k", definition.getId());
		jdbc.update("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
				+ " EXECUTION_ID_, ACT_INST_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, DUE_DATE_, PRIORITY_)"
				+ " select 'bench-t-' || substring(a.ID_ from 9), a.ACT_ID_, 'lead-to-sale', a.PROC_DEF_ID_, a.PROC_INST_ID_, a.PROC_INST_ID_,"
				+ " a.PROC_INST_ID_, a.ID_, a.ACT_NAME_, (array['alice','bob','carol','dave','erin','frank'])[1 + (hashtext(a.ID_) & 1023) % 6],"
				+ " a.START_TIME_, a.END_TIME_, a.DURATION_, 'completed', a.START_TIME_ + interval '2 days', 50"
				+ " from ACT_HI_ACTINST a where a.ID_ like 'bench-a-%' and a.SEQUENCE_COUNTER_ between 3 and 6");
		jdbc.execute("analyze");
		out.printf(Locale.ROOT, "synthetic history written with SQL in %,d ms%n", (System.nanoTime() - started) / 1_000_000);
	}

	/** Writes to the console and the report file at once. */
	private static final class Tee extends OutputStream {

		private final OutputStream first;
		private final OutputStream second;

		Tee(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			first.write(b);
			second.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws java.io.IOException {
			first.write(b, off, len);
			second.write(b, off, len);
		}

		@Override
		public void flush() throws java.io.IOException {
			first.flush();
			second.flush();
		}

	}

}
