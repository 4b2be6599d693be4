package dev.lodestar.system;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures operations with 1..n concurrent clients for a bounded time and count, and prints
 * the table of {@link ThroughputBenchmarkRun}: p50, p95 and throughput of each, with the ratio
 * to the baseline measured in the same run.
 */
final class ThroughputBenchmark {

	/** One operation; returns false when there is nothing left to do (a pool of tasks ran dry). */
	@FunctionalInterface
	interface Operation {

		boolean run(int client, int n) throws Exception;

	}

	record Figure(String name, int clients, int ops, int errors, double p50, double p95, double perSecond,
			String baseline) {
	}

	private final Map<String, Figure> figures = new LinkedHashMap<>();
	private final double seconds;
	private final int maxOps;

	ThroughputBenchmark(double seconds, int maxOps) {
		this.seconds = seconds;
		this.maxOps = maxOps;
	}

	static String key(String name, int clients) {
		return name + "@" + clients;
	}

	Figure measure(String name, int clients, String baseline, Operation operation) throws Exception {
		// a short warm-up of the same operation, not counted
		run(clients, Math.min(2.0, seconds / 3), Math.max(clients * 3, 10), operation, null);
		var latencies = new ArrayList<Double>();
		var errors = new AtomicInteger();
		long started = System.nanoTime();
		int ops = run(clients, seconds, maxOps, operation, latencies, errors);
		double elapsed = (System.nanoTime() - started) / 1e9;
		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		var figure = new Figure(name, clients, ops, errors.get(), quantile(sorted, 0.5), quantile(sorted, 0.95),
				ops / elapsed, baseline);
		figures.put(key(name, clients), figure);
		return figure;
	}

	void record(Figure figure) {
		figures.put(key(figure.name(), figure.clients()), figure);
	}

	Map<String, Figure> figures() {
		return figures;
	}

	private int run(int clients, double forSeconds, int atMost, Operation operation, List<Double> latencies)
			throws Exception {
		return run(clients, forSeconds, atMost, operation, latencies, new AtomicInteger());
	}

	private int run(int clients, double forSeconds, int atMost, Operation operation, List<Double> latencies,
			AtomicInteger errors) throws Exception {
		long deadline = System.nanoTime() + (long) (forSeconds * 1e9);
		var issued = new AtomicInteger();
		var done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			var futures = new ArrayList<Future<?>>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				futures.add(pool.submit((Callable<Void>) () -> {
					var mine = new ArrayList<Double>();
					while (System.nanoTime() < deadline) {
						int n = issued.getAndIncrement();
						if (n >= atMost) {
							break;
						}
						long t0 = System.nanoTime();
						boolean more;
						try {
							more = operation.run(client, n);
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							continue;
						}
						if (!more) {
							break;
						}
						mine.add((System.nanoTime() - t0) / 1e6);
						done.incrementAndGet();
					}
					if (latencies != null) {
						synchronized (latencies) {
							latencies.addAll(mine);
						}
					}
					return null;
				}));
			}
			for (var future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
		return done.get();
	}

	static double quantile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
	}

	/** The table: every figure with its ratio (throughput) to its baseline at the same number of clients. */
	void print(PrintStream out) {
		out.printf(Locale.ROOT, "%-44s %7s %6s %9s %9s %9s  %-40s%n", "operation", "clients", "ops", "p50 ms",
				"p95 ms", "per s", "ratio to baseline (same run, same clients)");
		for (var figure : figures.values()) {
			String ratio = "";
			if (figure.baseline() != null) {
				var base = figures.get(key(figure.baseline(), figure.clients()));
				ratio = base == null || base.perSecond() == 0 ? "(no baseline)"
						: String.format(Locale.ROOT, "%.2fx %s", figure.perSecond() / base.perSecond(), figure.baseline());
			}
			out.printf(Locale.ROOT, "%-44s %7d %6d %9s %9s %9.1f  %s%s%n", figure.name(), figure.clients(), figure.ops(),
					ms(figure.p50()), ms(figure.p95()), figure.perSecond(), ratio,
					figure.errors() > 0 ? "  (" + figure.errors() + " errors)" : "");
		}
	}

	private static String ms(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
	}

	static String list(int... values) {
		return Arrays.toString(values);
	}

}
