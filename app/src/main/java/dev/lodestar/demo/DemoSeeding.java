package dev.lodestar.demo;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.lodestar.system.EngineClock;

/**
 * Seeds every {@link DemoData} part, in order, while the application starts: after every bean is
 * ready (the roles and the process models are in place) and before the web server opens, the
 * scheduled jobs start and the engine's job executor starts (at application ready). The demo may
 * therefore move the application's one clock ({@link EngineClock#travelTo}) without any request
 * or background job reading a moved clock, and no request ever waits for it. The clock is always
 * back at the real time when this returns.
 */
@Component
@ConditionalOnProperty(name = "lodestar.demo.enabled", havingValue = "true")
class DemoSeeding implements SmartLifecycle {

	/** Before the web server (Spring Boot starts it at {@code DEFAULT_PHASE - 2048}). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

	private final ObjectProvider<DemoData> parts;

	private volatile boolean running;

	DemoSeeding(ObjectProvider<DemoData> parts) {
		this.parts = parts;
	}

	@Override
	public void start() {
		long started = System.nanoTime();
		try {
			parts.orderedStream().forEach(DemoData::seed);
		}
		finally {
			EngineClock.backToNow();
			running = true;
		}
		log.info("Demo seeded in {} ms, before the web server opened",
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
