package dev.lodestar.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: a module's records (a complaint's receipt, the rollout's phase actuals and
 * training records) carry the same time as the engine's history of the same step, also when the
 * demo replays months of work with the engine's clock set back. Outside such a replay it is the
 * system clock.
 */
public final class EngineClock extends Clock {

	public static final Clock INSTANCE = new EngineClock();

	private EngineClock() {
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

}
