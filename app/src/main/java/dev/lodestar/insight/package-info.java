/**
 * Insight for leadership: the KPI definitions in one place ({@link dev.lodestar.insight.Kpi}), a
 * scheduled job that writes daily KPI snapshots per slice (role, department, training cohort) and
 * the time per process step from aggregate queries over the engine's history and the outcomes
 * other modules announce as events, the leadership cockpit ({@code /insight}) and its API
 * ({@code /api/insight/**}) reading those snapshots, targets with their change log, the periodic
 * {@code kpi-review} process with its case panel beside the task.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package dev.lodestar.insight;
