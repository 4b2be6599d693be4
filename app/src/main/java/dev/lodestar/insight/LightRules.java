package dev.lodestar.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules that colour the sponsor's top line ({@code lodestar.insight.lights.*}, each
 * overridable by an environment variable such as {@code LODESTAR_INSIGHT_LIGHTS_COSTREDPERCENT}).
 * The cockpit states them in words beside the lights.
 *
 * @param timeAmberDays amber when a phase runs (or ran) more than this many days past its planned end
 * @param timeRedDays red when more than this many days
 * @param costAmberPercent amber when the phases that booked a cost spent more than this % over their plan
 * @param costRedPercent red when more than this %
 * @param qualityAmberMisses amber when at least this many quality figures (data quality and performance) miss their target
 * @param qualityRedMisses red when at least this many
 * @param adoptionRedPoints active users: amber under the target, red more than this many points under it
 * @param readinessRedPoints training completion: amber under the target, red more than this many points under it
 */
@ConfigurationProperties("lodestar.insight.lights")
public record LightRules(@DefaultValue("0") int timeAmberDays, @DefaultValue("14") int timeRedDays,
		@DefaultValue("5") double costAmberPercent, @DefaultValue("10") double costRedPercent,
		@DefaultValue("1") int qualityAmberMisses, @DefaultValue("3") int qualityRedMisses,
		@DefaultValue("15") double adoptionRedPoints, @DefaultValue("15") double readinessRedPoints) {

	/** The defaults, as the cockpit runs without settings. */
	static LightRules defaults() {
		return new LightRules(0, 14, 5, 10, 1, 3, 15, 15);
	}

}
