package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The throughput benchmark's measuring and its table, on two trivial operations (the real run: ThroughputBenchmarkRun). */
class ThroughputBenchmarkSmokeTest {

	@Test
	void measuresWithSeveralClientsAndPrintsEachFigureWithItsRatioToTheBaseline() throws Exception {
		var bench = new ThroughputBenchmark(0.3, 200);
		for (int clients : new int[] { 1, 4 }) {
			bench.measure("baseline", clients, null, (client, n) -> {
				Thread.sleep(1);
				return true;
			});
			// twenty times slower, so that the ratio stays below 1 on a loaded machine too (a 2 ms
			// operation against a 1 ms one came out at 1.18x when the scheduler, not the sleep, decided)
			bench.measure("slower", clients, "baseline", (client, n) -> {
				Thread.sleep(20);
				return true;
			});
		}
		var text = new ByteArrayOutputStream();
		bench.print(new PrintStream(text, true, StandardCharsets.UTF_8));

		String table = text.toString(StandardCharsets.UTF_8);
		assertThat(table).contains("p50 ms", "p95 ms", "per s", "ratio to baseline");
		assertThat(table.lines().filter(l -> l.startsWith("slower")).toList()).hasSize(2)
			.allSatisfy(line -> assertThat(line).containsPattern("0\\.\\d\\dx baseline"));
		var slower = bench.figures().get(ThroughputBenchmark.key("slower", 4));
		assertThat(slower.ops()).isPositive();
		assertThat(slower.p95()).isGreaterThanOrEqualTo(slower.p50()).isGreaterThanOrEqualTo(20.0);
	}

	@Test
	void anOperationWhosePoolRunsDryEndsItsMeasurementEarly() throws Exception {
		var bench = new ThroughputBenchmark(30, 1_000);
		var left = new java.util.concurrent.atomic.AtomicInteger(20);
		var figure = bench.measure("dry", 2, null, (client, n) -> left.decrementAndGet() >= 0);
		// the warm-up took some of the 20; the measurement stopped when none were left, long before 30 s
		assertThat(figure.ops()).isLessThan(20);
		assertThat(left.get()).isNegative();
	}

}
