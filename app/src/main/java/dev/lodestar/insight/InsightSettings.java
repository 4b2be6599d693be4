package dev.lodestar.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * KPI settings.
 *
 * @param reviewCycle when {@code kpi-review} starts by itself: a Camunda timer cycle (cron or
 * ISO 8601 repetition); monthly on the 1st at 08:00 by default ({@code LODESTAR_INSIGHT_REVIEWCYCLE})
 * @param window how far back the KPI figures look
 */
@ConfigurationProperties("lodestar.insight")
public record InsightSettings(@DefaultValue("0 0 8 1 * ?") String reviewCycle, @DefaultValue("P90D") Duration window) {
}
