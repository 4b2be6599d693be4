package dev.lodestar.system;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * Lodestar's throughput beside the engine's own and PostgreSQL's, in one run on one machine
 * (README "Benchmarks"): pgbench TPC-B; a bare engine in this JVM starting and completing a
 * one-task process; the same over {@code /engine-rest} of a Lodestar node; then lead capture,
 * complaint intake and claim + complete through {@code /api/tasks}, with 1, 4 and 16 clients;
 * and lead capture on two nodes against one. Not part of {@code mvn verify} (the name matches no
 * test pattern): {@code mvn -B -Pbenchmark -pl app verify}. The Lodestar node is a separate JVM
 * ({@link AppNode}) on a fresh database {@code lodestar_bench_*} of the server of
 * {@code LODESTAR_BENCH_PG_URL} (default 127.0.0.1:5432). Report: {@code app/target/benchmark/throughput.txt}.
 */
class ThroughputBenchmarkRun {

	static final String SERVER = System.getenv().getOrDefault("LODESTAR_BENCH_PG_URL",
			"jdbc:postgresql://127.0.0.1:5432/lodestar_bench");

	static final int[] CLIENTS = { 1, 4, 16 };

	static final String IN_PROCESS_START = "bare engine in-process: start";
	static final String IN_PROCESS_COMPLETE = "bare engine in-process: claim+complete";
	static final String REST_START = "/engine-rest: start";
	static final String REST_COMPLETE = "/engine-rest: claim+complete";
	static final String LEAD = "POST /api/leads (lead capture)";
	static final String COMPLAINT = "POST /api/complaints (complaint intake)";
	static final String TASKS = "/api/tasks: claim+complete";
	static final String LEAD_TWO_NODES = "POST /api/leads, two nodes";

	@Test
	void lodestarBesideTheEngineAndPostgres() throws Exception {
		double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "6"));
		if (System.getProperty("benchmark.jfr") != null) {
			Files.createDirectories(Path.of(System.getProperty("benchmark.jfr")));
		}
		int maxOps = Integer.getInteger("benchmark.max-ops", 500);
		Path report = Path.of("target", "benchmark", "throughput.txt");
		Files.createDirectories(report.getParent());
		try (OutputStream file = new FileOutputStream(report.toFile())) {
			PrintStream out = new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8);
			out.println("== Lodestar throughput benchmark, " + Instant.now() + " ==");
			out.println(machine());
			var bench = new ThroughputBenchmark(seconds, maxOps);

			pgbench(bench, out);
			bareEngine(bench);

			String database = AppNode.freshDatabase(SERVER, "lodestar_bench");
			try (var node = benchNode("bench-a", database).start()) {
				out.printf("Lodestar node start-up (PostgreSQL, JVM launch to healthy): %.1f s%n",
						node.lastStartUp().toMillis() / 1000.0);
				try {
					lodestar(bench, node, database, out);
				}
				finally {
					dumpRecording(node, out);
				}
				if (Boolean.parseBoolean(System.getProperty("benchmark.two-nodes", "true"))) {
					try (var second = benchNode("bench-b", database).start()) {
						var nodes = List.of(node, second);
						for (int clients : new int[] { 4, 16 }) {
							bench.measure(LEAD_TWO_NODES, clients, LEAD, (client, n) -> created(
									NodeHttp.postJson(nodes.get(client % 2), "/api/leads", "alice", lead(n + 900_000))));
						}
						second.stop();
					}
					catch (IllegalStateException ex) {
						out.println("two nodes: not measured, the second node did not start: " + ex.getMessage().lines().findFirst().orElse(""));
					}
				}
				node.stop();
			}
			finally {
				AppNode.dropDatabase(database);
				out.println();
				bench.print(out);
			}
			out.println("(written to " + report.toAbsolutePath() + ")");
		}
	}

	/** The node's flight recording so far (when started with -Dbenchmark.jfr), before anything else runs. */
	private static void dumpRecording(AppNode node, PrintStream out) {
		String jfr = System.getProperty("benchmark.jfr");
		if (jfr == null || node.pid() < 0) {
			return;
		}
		try {
			String file = jfr + "/" + node.name() + "-lodestar.jfr";
			run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(node.pid()),
					"JFR.dump", "filename=" + file));
			out.println("flight recording of the Lodestar measurements: " + file);
		}
		catch (Exception ex) {
			out.println("no flight recording: " + ex.getMessage());
		}
	}

	private static AppNode benchNode(String name, String database) {
		var jvm = new ArrayList<String>(List.of("-Xmx768m", "-XX:+UseSerialGC"));
		String jfr = System.getProperty("benchmark.jfr");
		if (jfr != null) {
			// a wall-clock friendly recording (every socket read, parks and monitors over 1 ms), dumped at stop
			Path settings = Path.of("src", "test", "resources", "benchmark", "wall.jfc").toAbsolutePath();
			jvm.add("-XX:StartFlightRecording=settings=" + settings + ",filename=" + jfr + "/" + name
					+ ".jfr,dumponexit=true");
		}
		return AppNode.on(name, database, Map.of("logging.level.dev.lodestar", "warn", "logging.level.root", "warn",
				"camunda.bpm.job-execution.max-wait", "5000"))
			.jvm(jvm.toArray(String[]::new));
	}

	private void lodestar(ThroughputBenchmark bench, AppNode node, String database, PrintStream out) throws Exception {
		warmUp(node, database, out);
		var tasks = new ConcurrentLinkedQueue<String>();
		for (int clients : CLIENTS) {
			bench.measure(REST_START, clients, IN_PROCESS_START, restStart(node, 0));
		}
		for (int clients : CLIENTS) {
			topUp(node, database, tasks, maxOpsFor(bench));
			bench.measure(REST_COMPLETE, clients, IN_PROCESS_COMPLETE, restClaimComplete(node, tasks));
		}
		for (int clients : CLIENTS) {
			bench.measure(LEAD, clients, REST_START, leadCapture(node, clients * 100_000));
		}
		for (int clients : CLIENTS) {
			bench.measure(COMPLAINT, clients, REST_START, complaintIntake(node, clients * 100_000));
		}
		for (int clients : CLIENTS) {
			topUp(node, database, tasks, maxOpsFor(bench));
			bench.measure(TASKS, clients, REST_COMPLETE, apiClaimComplete(node, tasks));
		}
	}

	/**
	 * Each operation a few hundred times before anything is measured, as a server in production
	 * is warm: without it the first figures (the engine-rest start) measure the JIT compiler of a
	 * JVM that has just started, not the code. The bare engine gets the same ({@link #bareEngine}).
	 */
	private static void warmUp(AppNode node, String database, PrintStream out) throws Exception {
		int ops = warmUpOps();
		long started = System.nanoTime();
		var warm = new ThroughputBenchmark(60, ops);
		warm.measure("warm-up", 4, null, restStart(node, 5_000_000));
		warm.measure("warm-up", 4, null, leadCapture(node, 5_000_000));
		warm.measure("warm-up", 4, null, complaintIntake(node, 5_000_000));
		var tasks = new ConcurrentLinkedQueue<String>();
		topUp(node, database, tasks, ops * 2);
		warm.measure("warm-up", 4, null, restClaimComplete(node, tasks));
		warm.measure("warm-up", 4, null, apiClaimComplete(node, tasks));
		out.printf("warm-up: each Lodestar operation %d times with 4 clients, unmeasured (%.0f s)%n", ops,
				(System.nanoTime() - started) / 1e9);
	}

	// ---- the operations, the same for the warm-up and the measurement ------------------------

	private static ThroughputBenchmark.Operation restStart(AppNode node, int offset) {
		return (client, n) -> ok(NodeHttp.postJson(node, "/engine-rest/process-definition/key/bench-work/start", "admin",
				benchWorkStart(n + offset)));
	}

	private static ThroughputBenchmark.Operation leadCapture(AppNode node, int offset) {
		return (client, n) -> created(NodeHttp.postJson(node, "/api/leads", "alice", lead(n + offset)));
	}

	private static ThroughputBenchmark.Operation complaintIntake(AppNode node, int offset) {
		return (client, n) -> created(NodeHttp.postJson(node, "/api/complaints", "carol", complaint(n + offset)));
	}

	/** Claim and complete of the next open task over Camunda's REST API; false once none is left. */
	private static ThroughputBenchmark.Operation restClaimComplete(AppNode node, Queue<String> tasks) {
		return (client, n) -> {
			String task = tasks.poll();
			return task != null
					&& ok(NodeHttp.postJson(node, "/engine-rest/task/" + task + "/claim", "admin", "{\"userId\":\"admin\"}"))
					&& ok(NodeHttp.postJson(node, "/engine-rest/task/" + task + "/complete", "admin",
							"{\"variables\":{\"done\":{\"value\":true,\"type\":\"Boolean\"}}}"));
		};
	}

	/** The same through Lodestar's worklist API. */
	private static ThroughputBenchmark.Operation apiClaimComplete(AppNode node, Queue<String> tasks) {
		return (client, n) -> {
			String task = tasks.poll();
			return task != null && ok(NodeHttp.postJson(node, "/api/tasks/" + task + "/claim", "alice", "{}"))
					&& ok(NodeHttp.postJson(node, "/api/tasks/" + task + "/complete", "alice", "{\"done\":true}"));
		};
	}

	private static ThroughputBenchmark.Operation bareStart(ProcessEngine engine, String businessKeyPrefix) {
		return (client, n) -> engine.getRuntimeService()
			.startProcessInstanceByKey("bare", businessKeyPrefix + n)
			.getId() != null;
	}

	private static ThroughputBenchmark.Operation bareClaimComplete(ProcessEngine engine, Queue<String> tasks) {
		return (client, n) -> {
			String task = tasks.poll();
			if (task == null) {
				return false;
			}
			engine.getTaskService().claim(task, "bench");
			engine.getTaskService().complete(task, Map.of("done", true));
			return true;
		};
	}

	private static int warmUpOps() {
		return Integer.getInteger("benchmark.warm-up-ops", 300);
	}

	private static int maxOpsFor(ThroughputBenchmark bench) {
		return Integer.getInteger("benchmark.max-ops", 500) + 100;
	}

	/** Open bench-work tasks enough for the next measurement (started over /engine-rest, not measured). */
	private static void topUp(AppNode node, String database, ConcurrentLinkedQueue<String> tasks, int wanted)
			throws Exception {
		tasks.clear();
		tasks.addAll(openTasks(database));
		int missing = wanted - tasks.size();
		if (missing > 0) {
			var seeding = new ThroughputBenchmark(600, missing);
			seeding.measure("seed", 8, null, restStart(node, 0));
			tasks.clear();
			tasks.addAll(openTasks(database));
		}
	}

	private static List<String> openTasks(String database) throws Exception {
		var ids = new ArrayList<String>();
		try (var db = DriverManager.getConnection(database, AppNode.user(), AppNode.password());
				var statement = db.createStatement();
				var rows = statement.executeQuery("select t.id_ from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
						+ " where d.key_ = 'bench-work' and t.assignee_ is null")) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

	/** The engine alone: no Spring, no plugins, the same PostgreSQL server, history full. */
	private void bareEngine(ThroughputBenchmark bench) throws Exception {
		String database = AppNode.freshDatabase(SERVER, "lodestar_bench_bare");
		var configuration = (StandaloneProcessEngineConfiguration) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration();
		configuration.setJdbcUrl(database);
		configuration.setJdbcDriver("org.postgresql.Driver");
		configuration.setJdbcUsername(AppNode.user());
		configuration.setJdbcPassword(AppNode.password());
		configuration.setJdbcMaxActiveConnections(20);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setProcessEngineName("bare-" + System.nanoTime());
		ProcessEngine engine = configuration.buildProcessEngine();
		try {
			engine.getRepositoryService()
				.createDeployment()
				.addModelInstance("bare.bpmn", Bpmn.createExecutableProcess("bare")
					.camundaHistoryTimeToLive(1)
					.startEvent()
					.userTask("work")
					.camundaCandidateGroups("sales-rep")
					.endEvent()
					.done())
				.deploy();
			var tasks = new ConcurrentLinkedQueue<String>();
			// warm, as the node is (see warmUp): starts, then claims and completes of those
			var warm = new ThroughputBenchmark(60, warmUpOps());
			warm.measure("warm-up", 4, null, bareStart(engine, "W-"));
			engine.getTaskService().createTaskQuery().taskUnassigned().list().forEach(t -> tasks.add(t.getId()));
			warm.measure("warm-up", 4, null, bareClaimComplete(engine, tasks));
			for (int clients : CLIENTS) {
				bench.measure(IN_PROCESS_START, clients, null, bareStart(engine, "B-" + clients + "-"));
			}
			for (int clients : CLIENTS) {
				tasks.clear();
				engine.getTaskService().createTaskQuery().taskUnassigned().listPage(0, 5000).forEach(t -> tasks.add(t.getId()));
				bench.measure(IN_PROCESS_COMPLETE, clients, null, bareClaimComplete(engine, tasks));
			}
		}
		finally {
			engine.close();
			AppNode.dropDatabase(database);
		}
	}

	/** pgbench TPC-B on its own database: the machine's PostgreSQL, 10 s with 1 and 4 clients. */
	private static void pgbench(ThroughputBenchmark bench, PrintStream out) {
		String binary = Files.isExecutable(Path.of("/usr/bin/pgbench")) ? "/usr/bin/pgbench" : "pgbench";
		try {
			String host = SERVER.replaceFirst("jdbc:postgresql://", "").split("/")[0];
			String h = host.split(":")[0];
			String p = host.contains(":") ? host.split(":")[1] : "5432";
			try (var connection = DriverManager.getConnection(AppNode.withDatabase(SERVER, "postgres"), AppNode.user(),
					AppNode.password()); var statement = connection.createStatement()) {
				statement.execute("drop database if exists lodestar_pgbench");
				statement.execute("create database lodestar_pgbench");
			}
			run(List.of(binary, "-h", h, "-p", p, "-U", AppNode.user(), "-i", "-s", "4", "-q", "lodestar_pgbench"));
			for (int clients : new int[] { 1, 4 }) {
				String output = run(List.of(binary, "-h", h, "-p", p, "-U", AppNode.user(), "-c", String.valueOf(clients),
						"-j", String.valueOf(Math.min(clients, 2)), "-T", "10", "lodestar_pgbench"));
				double tps = Double.parseDouble(output.lines()
					.filter(l -> l.startsWith("tps"))
					.findFirst()
					.orElseThrow()
					.replaceAll("tps = ([0-9.]+).*", "$1"));
				double latency = Double.parseDouble(output.lines()
					.filter(l -> l.startsWith("latency average"))
					.findFirst()
					.orElse("latency average = NaN ms")
					.replaceAll("latency average = ([0-9.NaN]+).*", "$1"));
				bench.record(new ThroughputBenchmark.Figure("pgbench TPC-B (p50 = average)", clients, (int) (tps * 10), 0,
						latency, Double.NaN, tps, null));
			}
		}
		catch (Exception ex) {
			out.println("pgbench failed, no machine baseline: " + ex.getMessage());
		}
	}

	private static String machine() {
		String cpu = "?";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).strip())
				.orElse("?");
		}
		catch (Exception ex) {
			// not Linux
		}
		String memory = "?";
		try {
			memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
		}
		catch (Exception ex) {
			// not Linux
		}
		String load = "?";
		try {
			load = Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (Exception ex) {
			// not Linux
		}
		return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + memory
				+ "; load average " + load + "; Java " + System.getProperty("java.version") + "; PostgreSQL at " + SERVER;
	}

	private static String benchWorkStart(int n) {
		return "{\"businessKey\":\"BENCH-" + n + "\",\"variables\":{\"role\":{\"value\":\"sales-rep\"},"
				+ "\"priority\":{\"value\":50,\"type\":\"Integer\"},"
				+ "\"dueDate\":{\"value\":\"2099-01-01T00:00:00.000+0000\",\"type\":\"Date\"},"
				+ "\"followUpDate\":{\"value\":\"2098-01-01T00:00:00.000+0000\",\"type\":\"Date\"}}}";
	}

	private static String lead(int n) {
		return """
				{"company":"Bench %d Ltd","contactName":"Sam Bench","email":"sam%d@bench%d.example",
				 "phone":"+44 20 7%03d %04d","source":"WEB","region":"EMEA","notes":"benchmark"}"""
			.formatted(n, n, n, n / 10000 % 1000, n % 10000);
	}

	private static String complaint(int n) {
		return """
				{"customerName":"Chris Bench %d","customerEmail":"chris%d@bench.example","customerPhone":"+86 21 6%03d %04d",
				 "channel":"PHONE","category":"DELIVERY","description":"Benchmark complaint %d: the parcel came late."}"""
			.formatted(n, n, n / 10000 % 1000, n % 10000, n);
	}

	private static boolean ok(java.net.http.HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return true;
	}

	private static boolean created(java.net.http.HttpResponse<String> response) {
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return true;
	}

	private static String run(List<String> command) throws Exception {
		Path output = Files.createTempFile("lodestar-bench", ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + ": " + Files.readString(output));
			}
			return Files.readString(output);
		}
		finally {
			Files.deleteIfExists(output);
		}
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
