package dev.lodestar.demo;

/**
 * One part of the demo's story. {@link DemoSeeding} seeds the parts in their {@code @Order}
 * before the web server opens; each part is idempotent (a restart adds nothing) and must never
 * stop the application from starting.
 */
interface DemoData {

	void seed();

}
