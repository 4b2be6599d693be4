/**
 * Insight for leadership: the KPI definitions in one place ({@link dev.lodestar.insight.Kpi}),
 * {@link dev.lodestar.insight.KpiService} computing them from the engine's history and the
 * rollout's training records, the periodic {@code kpi-review} process and the dashboard API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package dev.lodestar.insight;
