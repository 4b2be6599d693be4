package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The heatmap's shares add up to 100 % whatever the step times (seeded random totals, seed printed). */
class HeatmapSharesTest {

	@Test
	void sharesOfAnyStepTimesAddUpToExactlyAHundredAndNoneIsNegative() {
		long seed = System.nanoTime();
		System.out.println("HeatmapSharesTest seed " + seed);
		var random = new Random(seed);
		for (int run = 0; run < 500; run++) {
			double[] totals = new double[1 + random.nextInt(30)];
			for (int i = 0; i < totals.length; i++) {
				totals[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 1e9;
			}
			double[] shares = Cockpit.shares(totals);
			double sum = Arrays.stream(shares).sum();
			if (Arrays.stream(totals).sum() > 0) {
				assertThat(sum).as("seed %d run %d", seed, run).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
			}
			assertThat(Arrays.stream(shares).min().orElse(0)).isGreaterThanOrEqualTo(0);
		}
		// three equal steps: rounding each alone gives 99.9
		assertThat(Arrays.stream(Cockpit.shares(new double[] { 1, 1, 1 })).sum()).isCloseTo(100.0,
				org.assertj.core.data.Offset.offset(1e-6));
	}

}
