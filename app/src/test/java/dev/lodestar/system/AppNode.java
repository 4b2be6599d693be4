package dev.lodestar.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One Lodestar node as a separate JVM, started from the test classpath
 * ({@code java -cp ... dev.lodestar.LodestarApplication}) on a port of its own against a
 * PostgreSQL database: for the tests that kill a node (SIGKILL, {@link #kill()}), restart
 * it, or run two of them on one database. The node's output goes to
 * {@code target/app-nodes/<name>-<n>.log}.
 */
final class AppNode implements AutoCloseable {

	/** The server of the PostgreSQL tests (LODESTAR_TEST_PG_URL names a database on it). */
	static final String SERVER_URL = System.getenv().getOrDefault("LODESTAR_TEST_PG_URL",
			"jdbc:postgresql://127.0.0.1:5432/lodestar_test");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("lodestar.node-start-timeout", 300));

	private final String name;
	private final int port;
	private final List<String> arguments;
	private List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
	private Duration lastStartUp;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private Process process;
	private int starts;
	private Path log;

	private AppNode(String name, int port, List<String> arguments) {
		this.name = name;
		this.port = port;
		this.arguments = arguments;
	}

	/**
	 * A node on {@code jdbcUrl} with the demo users only (no demo cases), its job executor on and
	 * quick to notice new jobs, and {@code properties} on top ({@code key -> value}, as
	 * {@code --key=value}).
	 */
	static AppNode on(String name, String jdbcUrl, Map<String, String> properties) {
		int port = freePort();
		var settings = new java.util.LinkedHashMap<String, String>();
		settings.put("server.port", String.valueOf(port));
		settings.put("spring.profiles.active", "postgres");
		settings.put("spring.datasource.url", jdbcUrl);
		settings.put("spring.datasource.username", user());
		settings.put("spring.datasource.password", password());
		settings.put("spring.main.banner-mode", "off");
		settings.put("lodestar.demo.enabled", "true");
		settings.put("lodestar.demo.sales", "false");
		settings.put("lodestar.demo.complaint", "false");
		settings.put("lodestar.demo.rollout", "false");
		settings.put("lodestar.demo.insight", "false");
		// the six-month demo history would seed in the background for minutes, holding every
		// request behind its clock bursts: no node of a test or a benchmark wants it
		settings.put("lodestar.demo.history.enabled", "false");
		settings.put("lodestar.data-dir", System.getProperty("java.io.tmpdir") + "/lodestar-node-" + name);
		settings.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
		settings.put("camunda.bpm.job-execution.max-wait", "2000");
		// a dead node's job locks run out after 10 s, so the other node takes its jobs over soon
		settings.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
		settings.put("logging.level.root", "warn");
		settings.put("logging.level.dev.lodestar", "info");
		settings.put("logging.level.org.springframework.boot.web.embedded.tomcat", "info");
		settings.putAll(properties);
		var args = new ArrayList<String>();
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new AppNode(name, port, List.copyOf(args));
	}

	/** Other JVM options than the defaults (small heap, quick start-up: C1 only, serial GC). */
	AppNode jvm(String... options) {
		this.jvmOptions = List.of(options);
		return this;
	}

	/** From launching the JVM to the first healthy answer, of the last start. */
	Duration lastStartUp() {
		return lastStartUp;
	}

	int port() {
		return port;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	String name() {
		return name;
	}

	/** Starts the JVM and waits until {@code /actuator/health} answers 200. */
	AppNode start() {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " runs already");
		}
		starts++;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		var command = new ArrayList<String>();
		command.add(java);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath, "dev.lodestar.LodestarApplication"));
		command.addAll(arguments);
		try {
			Path dir = Path.of("target", "app-nodes");
			Files.createDirectories(dir);
			log = dir.resolve(name + "-" + starts + ".log");
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start node " + name, ex);
		}
		long started = System.nanoTime();
		long deadline = started + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " died while starting (exit " + process.exitValue() + "):\n"
						+ tail());
			}
			if (healthy()) {
				lastStartUp = Duration.ofNanos(System.nanoTime() - started);
				return this;
			}
			sleep(500);
		}
		throw new IllegalStateException(name + " not healthy after " + START_TIMEOUT + ":\n" + tail());
	}

	boolean healthy() {
		try {
			var response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** SIGKILL: no shutdown hook, no graceful shutdown, whatever was in flight is cut off. */
	void kill() {
		if (process == null) {
			return;
		}
		process.destroyForcibly();
		waitFor();
	}

	/** SIGTERM and a graceful shutdown. */
	void stop() {
		if (process == null) {
			return;
		}
		process.destroy();
		waitFor();
	}

	long pid() {
		return process == null ? -1 : process.pid();
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	private void waitFor() {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The last lines of the node's output, for failure messages. */
	String tail() {
		try {
			var lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (alive()) {
			kill();
		}
	}

	static int freePort() {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new, empty database on the PostgreSQL test server; returns its JDBC URL. */
	static String freshDatabase(String prefix) {
		return freshDatabase(SERVER_URL, prefix);
	}

	static String freshDatabase(String serverUrl, String prefix) {
		String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (var connection = DriverManager.getConnection(withDatabase(serverUrl, "postgres"), user(), password());
				var statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + database, ex);
		}
		return withDatabase(serverUrl, database);
	}

	/** Drops a database made by {@link #freshDatabase}; no node may be connected any more. */
	static void dropDatabase(String jdbcUrl) {
		String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
		try (var connection = DriverManager.getConnection(withDatabase(jdbcUrl, "postgres"), user(), password());
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
		}
		catch (SQLException ex) {
			// a leftover database is harmless; the next run makes a new one
		}
	}

	static String withDatabase(String jdbcUrl, String database) {
		String withoutQuery = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
		return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + database;
	}

	static String user() {
		return System.getenv().getOrDefault("LODESTAR_TEST_PG_USER", "postgres");
	}

	static String password() {
		return System.getenv().getOrDefault("LODESTAR_TEST_PG_PASSWORD", "");
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
