package dev.lodestar.system;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine keeps the history of finished cases, and when it may clean up.
 *
 * @param cleanupWindowStart start of the nightly window of the engine's history cleanup (HH:mm)
 * @param cleanupWindowEnd end of that window (HH:mm)
 * @param timeToLive per process definition key, how long its finished cases stay in the history
 *        (whole days); overrides the model's {@code camunda:historyTimeToLive}, so operations
 *        decide retention without a new model version
 */
@ConfigurationProperties("lodestar.history")
public record HistorySettings(@DefaultValue("01:00") String cleanupWindowStart,
		@DefaultValue("05:00") String cleanupWindowEnd, Map<String, Duration> timeToLive) {

	public HistorySettings {
		timeToLive = timeToLive == null ? Map.of() : Map.copyOf(timeToLive);
	}

	static int days(Duration duration) {
		return (int) Math.max(0, duration.toDays());
	}

}
