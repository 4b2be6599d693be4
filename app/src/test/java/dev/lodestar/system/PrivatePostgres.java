package dev.lodestar.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own (initdb + pg_ctl into a temporary directory, on a free
 * port), so that a test may stop and start it without touching the shared server on 5432. Run
 * as root (CI), the server runs as the {@code postgres} OS user.
 */
final class PrivatePostgres implements AutoCloseable {

	private static final Path BIN = findBin();

	private final Path dir;
	private final int port;

	private PrivatePostgres(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	/** Where the server binaries are, or null (the test is skipped then). */
	static Path bin() {
		return BIN;
	}

	private static Path findBin() {
		Path base = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(base)) {
			return null;
		}
		try (var versions = Files.list(base)) {
			return versions.map(v -> v.resolve("bin"))
				.filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
				.max(Comparator.comparing(Path::toString))
				.orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	static PrivatePostgres create() throws Exception {
		Path dir = Files.createTempDirectory("lodestar-pg-");
		if (root()) {
			run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
		}
		var cluster = new PrivatePostgres(dir, AppNode.freePort());
		cluster.asServerUser(BIN.resolve("initdb").toString(), "-D", cluster.data(), "-U", "postgres", "-A", "trust",
				"--no-sync", "-E", "UTF8");
		cluster.start();
		return cluster;
	}

	int port() {
		return port;
	}

	String serverUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	void start() throws Exception {
		asServerUser(BIN.resolve("pg_ctl").toString(), "-D", data(), "-l", dir.resolve("server.log").toString(), "-w",
				"-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
						+ " -c max_connections=50",
				"start");
	}

	/** A fast shutdown: open connections are cut, as in a server restart. */
	void stop() throws Exception {
		asServerUser(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
	}

	@Override
	public void close() throws Exception {
		try {
			asServerUser(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
		}
		catch (IllegalStateException ex) {
			// was not running
		}
		try (var files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private String data() {
		return dir.resolve("data").toString();
	}

	private void asServerUser(String... command) throws Exception {
		var full = new ArrayList<String>();
		if (root()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		run(full);
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void run(List<String> command) throws Exception {
		Path output = Files.createTempFile("lodestar-pg-command", ".log");
		try {
			// to a file, not a pipe: the server started by pg_ctl must not hold our pipe open
			var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

}
