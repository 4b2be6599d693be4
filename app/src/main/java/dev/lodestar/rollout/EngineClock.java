package dev.lodestar.rollout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: the rollout's records (phase actuals, training records, issues) carry the
 * same time as the engine's history of the same step, also when the demo replays months of a
 * programme with the engine's clock set back.
 */
final class EngineClock extends Clock {

	static final Clock INSTANCE = new EngineClock();

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
