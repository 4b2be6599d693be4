package dev.lodestar.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one clock, and the home of the engine's: the {@link Clock} bean every module
 * injects is this object, and it reads the engine's {@link ClockUtil}, so a module's records (a
 * complaint's receipt, the rollout's phase actuals, a KPI outcome) carry the same time as the
 * engine's history of the same step. No other class reads the system time or touches
 * {@code ClockUtil} ({@code OneClockTest}).
 *
 * <p>Only the demo moves it ({@link #travelTo}), and only while the application starts, before
 * the web server opens: the engine's clock is global to the JVM, so a request or a background job
 * running at that moment would be stamped with the demo's past. Outside that it is the system
 * clock (UTC).
 */
public final class EngineClock extends Clock {

	public static final Clock INSTANCE = new EngineClock();

	private EngineClock() {
	}

	/** Sets the engine's clock (and so the application's) to {@code at}; the demo's seeding only. */
	public static void travelTo(Instant at) {
		ClockUtil.setCurrentTime(Date.from(at));
	}

	/** Puts the clock back to the real time. */
	public static void backToNow() {
		ClockUtil.reset();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	@Override
	public long millis() {
		return ClockUtil.getCurrentTime().getTime();
	}

	/** Registers the one clock as the application's {@link Clock} bean. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		Clock clock() {
			return INSTANCE;
		}

	}

}
