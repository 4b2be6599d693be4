package dev.lodestar.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * KPI settings ({@code lodestar.insight.*}, each overridable by an environment variable such as
 * {@code LODESTAR_INSIGHT_REVIEWCYCLE}).
 *
 * @param reviewCycle when {@code kpi-review} starts by itself: a Camunda timer cycle (cron or
 * ISO 8601 repetition); monthly on the 1st at 08:00 by default
 * @param window how far back the cockpit's current figures and the heatmap look
 * @param backfill how many days of history the snapshot job computes on its first run
 * @param snapshotsScheduled whether the snapshot job runs on its own (tests run it themselves)
 * @param snapshotInterval pause between two runs of the snapshot job
 */
@ConfigurationProperties("lodestar.insight")
public record InsightSettings(@DefaultValue("0 0 8 1 * ?") String reviewCycle, @DefaultValue("P30D") Duration window,
		@DefaultValue("P200D") Duration backfill, @DefaultValue("true") boolean snapshotsScheduled,
		@DefaultValue("PT15M") Duration snapshotInterval) {
}
