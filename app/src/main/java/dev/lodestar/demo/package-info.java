/**
 * The demo: the demo users (ARCHITECTURE.md, "Fixed names"), the cases of "A day in Lodestar" (leads, complaints, the
 * rollout replayed up to its trial run, this month's KPI review) and six months of history for
 * the cockpit, all created through the domain modules' public APIs and the real processes. On
 * the top floor: it may use every module, and no module imports it (ModularityTests). Switched on
 * by {@code lodestar.demo.enabled} (the embedded default; never the {@code postgres} profile).
 *
 * <p>Everything is seeded by {@link dev.lodestar.demo.DemoSeeding} before the web server opens,
 * the only time the application's one clock ({@link dev.lodestar.system.EngineClock}) is moved:
 * no request, scheduled job or job executor runs while the demo replays the past.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package dev.lodestar.demo;
