package dev.lodestar.worklist;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The My work benchmark on PostgreSQL: not part of {@code mvn verify} (its name matches no test
 * pattern); run it by name, see README.md ("Benchmark"). It creates the database if needed
 * ({@code LODESTAR_BENCH_PG_URL}, default {@code lodestar_bench} on 127.0.0.1), seeds up to
 * {@code -Dbenchmark.tasks} (50,000) open tasks once, and prints the figures to the console and
 * to {@code app/target/benchmark/worklist.txt}, with a pgbench figure for the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.dev.lodestar.notification=error", "logging.level.dev.lodestar.worklist=info",
				"spring.datasource.hikari.maximum-pool-size=6" })
@ActiveProfiles("test")
class WorklistBenchmarkRun {

	static final String URL = System.getenv().getOrDefault("LODESTAR_BENCH_PG_URL",
			"jdbc:postgresql://127.0.0.1:5432/lodestar_bench");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TaskListService worklist;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		createDatabaseIfMissing();
		registry.add("spring.datasource.url", () -> URL);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@Test
	void myWorkFirstPageBesideTheBareEngineQuery() throws Exception {
		int tasks = Integer.getInteger("benchmark.tasks", 50_000);
		int iterations = Integer.getInteger("benchmark.iterations", 200);
		Path report = Path.of("target", "benchmark", "worklist.txt");
		Files.createDirectories(report.getParent());
		try (OutputStream file = new FileOutputStream(report.toFile())) {
			PrintStream out = new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8);
			out.println("== Lodestar My work benchmark, " + URL + " ==");
			new WorklistBenchmark(runtimeService, taskService, identityService, transactions, worklist, port)
				.run(tasks, iterations, out, () -> jdbc.execute("analyze"));
			out.println(pgbench());
			out.println("(written to " + report.toAbsolutePath() + ")");
		}
	}

	/** pgbench's select-only run on its own small database: how fast this machine's PostgreSQL is. */
	private static String pgbench() {
		String binary = findPgbench();
		if (binary == null) {
			return "pgbench: not installed, no machine baseline";
		}
		try {
			String db = URL.substring(0, URL.lastIndexOf('/') + 1).replace("jdbc:postgresql://", "");
			String hostPort = db.substring(0, db.length() - 1);
			String host = hostPort.split(":")[0];
			String port = hostPort.contains(":") ? hostPort.split(":")[1] : "5432";
			createDatabase("lodestar_pgbench");
			run(List.of(binary, "-h", host, "-p", port, "-U", "postgres", "-i", "-s", "1", "-q", "lodestar_pgbench"));
			String output = run(List.of(binary, "-h", host, "-p", port, "-U", "postgres", "-S", "-c", "1", "-T", "5",
					"lodestar_pgbench"));
			String tps = output.lines().filter(l -> l.startsWith("tps")).findFirst().orElse(output.strip());
			String latency = output.lines().filter(l -> l.startsWith("latency average")).findFirst().orElse("");
			return "machine baseline, pgbench -S -c 1 -T 5 (select-only, one client): " + tps + "; " + latency;
		}
		catch (Exception ex) {
			return "pgbench failed: " + ex.getMessage();
		}
	}

	private static String findPgbench() {
		List<Path> candidates = new ArrayList<>();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			candidates.add(Path.of(dir, "pgbench"));
		}
		try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			versions.forEach(v -> candidates.add(v.resolve("bin/pgbench")));
		}
		catch (Exception ex) {
			// no Debian PostgreSQL layout
		}
		return candidates.stream().filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + ": " + output);
		}
		return output;
	}

	private static void createDatabaseIfMissing() throws Exception {
		createDatabase(URL.substring(URL.lastIndexOf('/') + 1).split("\\?")[0]);
	}

	private static void createDatabase(String name) throws Exception {
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
