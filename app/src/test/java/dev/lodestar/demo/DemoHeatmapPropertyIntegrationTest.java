package dev.lodestar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.insight.Cockpit;

/**
 * A property of the seeded demo history as the cockpit's heatmap shows it: for every process,
 * the rollout's and the training waves' among them, no step has a negative mean or p90 time and
 * the shares of each process add up to 100 % (±0.1). The same properties as
 * {@link DemoHistoryIntegrationTest}, so both share one seeded context; the seeded figures are
 * printed.
 */
@LodestarIntegrationTest
@TestPropertySource(properties = { "lodestar.demo.history.enabled=true", "lodestar.demo.history.days=21" })
class DemoHeatmapPropertyIntegrationTest {

	@Autowired
	Cockpit cockpit;

	@Test
	void everyHeatmapOfTheSeededHistoryHasNoNegativeTimeAndSharesThatAddUpToAHundred() {
		var processes = cockpit.heatmapProcesses(Locale.ENGLISH).stream().map(Cockpit.HeatmapProcess::key).toList();
		System.out.println("Demo history (21 days) heatmap processes: " + processes);
		assertThat(processes).as("the rollout and the training waves have heatmaps")
			.anyMatch(k -> k.contains("rollout")).anyMatch(k -> k.contains("training-wave"));
		for (String key : processes) {
			var h = cockpit.heatmap(key, cockpit.window(null, null), Locale.ENGLISH);
			double sum = 0;
			for (var s : h.steps()) {
				System.out.printf("%s %s: n=%d mean=%.0f ms p90=%.0f ms share=%.1f %%%n", key, s.activityId(), s.instances(),
						s.meanMs(), s.p90Ms(), s.sharePercent());
				assertThat(s.meanMs()).as(key + " " + s.activityId() + " mean").isGreaterThanOrEqualTo(0);
				assertThat(s.p90Ms()).as(key + " " + s.activityId() + " p90").isGreaterThanOrEqualTo(0);
				assertThat(s.sharePercent()).as(key + " " + s.activityId() + " share").isBetween(0.0, 100.0);
				sum += s.sharePercent();
			}
			if (h.steps().stream().anyMatch(s -> s.sharePercent() > 0)) {
				assertThat(sum).as(key + ": shares add up to 100 %").isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1));
			}
			for (var s : h.slowest()) {
				assertThat(s.meanMs()).as(key + ": a slowest step takes a second at least").isGreaterThanOrEqualTo(1000);
			}
		}
	}

}
