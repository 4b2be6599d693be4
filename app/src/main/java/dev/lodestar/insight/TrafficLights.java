package dev.lodestar.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.Dates;
import dev.lodestar.rollout.RolloutOverview;
import dev.lodestar.system.EngineClock;

/**
 * The sponsor's answer at a glance: one light per area (time, cost, quality, adoption,
 * readiness), red, amber or green by {@link LightRules}, each with its reason in words, the
 * figure it comes from (a link into the cockpit) and that figure in the previous period of the
 * same length.
 */
@Service
@Transactional(readOnly = true)
public class TrafficLights {

	/** The five areas, in the order the top line shows them. */
	public enum Area {
		TIME, COST, QUALITY, ADOPTION, READINESS
	}

	/** Red, amber, green; NONE when the area has no data yet. */
	public enum Colour {
		RED, AMBER, GREEN, NONE
	}

	/**
	 * One area's light.
	 *
	 * @param value the figure the colour comes from (days late, % over plan, figures missing
	 * their target, %), {@code null} without data
	 * @param previous the same figure for the previous period of the same length
	 * @param link where the figure is on the cockpit ({@code #kpi-...} or {@code #section-rollout})
	 * @param rule the rule in words, in the reader's language
	 */
	public record Light(Area area, String name, Colour colour, String colourName, String reason, String rule,
			String link, Double value, Double previous, String unit) {
	}

	/** The lights of one window, and the previous window they are compared with. */
	public record Answer(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, List<Light> lights) {
	}

	private final Cockpit cockpit;
	private final LightRules rules;
	private final MessageSource messages;
	private final Dates dates;

	TrafficLights(Cockpit cockpit, LightRules rules, MessageSource messages, Dates dates) {
		this.dates = dates;
		this.cockpit = cockpit;
		this.rules = rules;
		this.messages = messages;
	}

	/** The previous period of the same length, ending the day before the window starts. */
	static Cockpit.Window previous(Cockpit.Window w) {
		long days = w.to().toEpochDay() - w.from().toEpochDay();
		LocalDate to = w.from().minusDays(1);
		return new Cockpit.Window(to.minusDays(days), to);
	}

	/** The five lights over a window, for everybody. */
	public Answer answer(Cockpit.Window w, Locale locale) {
		var before = previous(w);
		var now = cockpit.figures(w, "all", "all", locale);
		var then = cockpit.figures(before, "all", "all", locale);
		var programme = cockpit.programme();
		List<RolloutOverview.PhaseRow> phases = programme == null ? List.of() : programme.phases();
		Instant end = endOf(w.to());
		Instant endBefore = endOf(before.to());
		var lights = List.of(time(phases, end, endBefore, locale), cost(phases, end, endBefore, locale),
				quality(now, then, locale), figureLight(Area.ADOPTION, Kpi.ADOPTION_ACTIVE_USERS, rules.adoptionRedPoints(), now, then, locale),
				figureLight(Area.READINESS, Kpi.TRAINING_COMPLETION, rules.readinessRedPoints(), now, then, locale));
		return new Answer(w.from(), w.to(), before.from(), before.to(), lights);
	}

	/** The window's end: its last day's end, or now when that is later than now. */
	private static Instant endOf(LocalDate day) {
		Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant now = EngineClock.INSTANCE.instant();
		return dayEnd.isAfter(now) ? now : dayEnd;
	}

	// ------------------------------------------------------------------ time

	/** Days a phase runs or ran past its planned end, at a moment; {@code null} while it is within plan or has no plan. */
	static Double daysLate(RolloutOverview.PhaseRow p, Instant at) {
		if (p.plannedEnd() == null || !at.isAfter(p.plannedEnd())) {
			return p.plannedEnd() == null ? null : 0.0;
		}
		Instant finished = p.actualEnd() != null && !p.actualEnd().isAfter(at) ? p.actualEnd() : at;
		double days = Duration.between(p.plannedEnd(), finished).toHours() / 24.0;
		return Math.max(0, Math.round(days * 10) / 10.0);
	}

	Light time(List<RolloutOverview.PhaseRow> phases, Instant at, Instant before, Locale locale) {
		String rule = text("insight.light.rule.TIME", locale, rules.timeAmberDays(), rules.timeRedDays());
		RolloutOverview.PhaseRow worst = null;
		double late = 0;
		boolean anyPlan = false;
		for (var p : phases) {
			Double d = daysLate(p, at);
			if (d == null) {
				continue;
			}
			anyPlan = true;
			if (d > late) {
				late = d;
				worst = p;
			}
		}
		if (!anyPlan) {
			return light(Area.TIME, Colour.NONE, text("insight.light.noRollout", locale), rule, "#section-rollout", null, null,
					"days", locale);
		}
		double lateBefore = phases.stream().map(p -> daysLate(p, before)).filter(d -> d != null).mapToDouble(d -> d).max()
			.orElse(0);
		Colour colour = late > rules.timeRedDays() ? Colour.RED : late > rules.timeAmberDays() ? Colour.AMBER : Colour.GREEN;
		String reason = worst == null ? text("insight.light.reason.TIME.onPlan", locale)
				: text(worst.actualEnd() != null && !worst.actualEnd().isAfter(at) ? "insight.light.reason.TIME.finishedLate"
						: "insight.light.reason.TIME.late", locale, phaseName(worst, locale), number(late, locale),
						date(worst.plannedEnd(), locale));
		return light(Area.TIME, colour, reason, rule, "#section-rollout", late, lateBefore, "days", locale);
	}

	// ------------------------------------------------------------------ cost

	/** % over (positive) or under (negative) the plan of the phases that booked a cost by a moment; {@code null} when none did. */
	static Double overrunPercent(List<RolloutOverview.PhaseRow> phases, Instant at) {
		BigDecimal planned = BigDecimal.ZERO;
		BigDecimal actual = BigDecimal.ZERO;
		for (var p : phases) {
			if (p.actualCost() != null && p.plannedCost() != null && (p.actualEnd() == null || !p.actualEnd().isAfter(at))) {
				planned = planned.add(p.plannedCost());
				actual = actual.add(p.actualCost());
			}
		}
		if (planned.signum() <= 0) {
			return null;
		}
		double over = 100.0 * actual.subtract(planned).doubleValue() / planned.doubleValue();
		return Math.round(over * 10) / 10.0;
	}

	Light cost(List<RolloutOverview.PhaseRow> phases, Instant at, Instant before, Locale locale) {
		String rule = text("insight.light.rule.COST", locale, number(rules.costAmberPercent(), locale),
				number(rules.costRedPercent(), locale));
		Double over = overrunPercent(phases, at);
		if (over == null) {
			return light(Area.COST, Colour.NONE, text("insight.light.reason.COST.none", locale), rule, "#section-rollout",
					null, null, "%", locale);
		}
		BigDecimal planned = BigDecimal.ZERO;
		BigDecimal actual = BigDecimal.ZERO;
		for (var p : phases) {
			if (p.actualCost() != null && p.plannedCost() != null && (p.actualEnd() == null || !p.actualEnd().isAfter(at))) {
				planned = planned.add(p.plannedCost());
				actual = actual.add(p.actualCost());
			}
		}
		Colour colour = over > rules.costRedPercent() ? Colour.RED
				: over > rules.costAmberPercent() ? Colour.AMBER : Colour.GREEN;
		String reason = text(over > 0 ? "insight.light.reason.COST.over" : "insight.light.reason.COST.within", locale,
				number(actual.doubleValue(), locale), number(planned.doubleValue(), locale), number(Math.abs(over), locale));
		return light(Area.COST, colour, reason, rule, "#section-rollout", over, overrunPercent(phases, before), "%", locale);
	}

	// ------------------------------------------------------------------ quality

	private static boolean quality(Cockpit.Figure f) {
		return Kpi.Layer.DATA_QUALITY.name().equals(f.layer()) || Kpi.Layer.PERFORMANCE.name().equals(f.layer());
	}

	/** How far a figure misses its target, relative to the target (0 when it meets it). */
	private static double shortfall(Cockpit.Figure f) {
		if (!Boolean.FALSE.equals(f.onTarget())) {
			return 0;
		}
		double gap = f.higherIsBetter() ? f.target() - f.value() : f.value() - f.target();
		return gap / Math.max(1e-9, Math.abs(f.target()));
	}

	Light quality(List<Cockpit.Figure> now, List<Cockpit.Figure> then, Locale locale) {
		String rule = text("insight.light.rule.QUALITY", locale, rules.qualityAmberMisses(), rules.qualityRedMisses());
		var measured = now.stream().filter(TrafficLights::quality).filter(f -> f.value() != null).toList();
		if (measured.isEmpty()) {
			return light(Area.QUALITY, Colour.NONE, text("insight.light.noData", locale), rule, "#section-figures", null,
					null, "", locale);
		}
		var missing = measured.stream().filter(f -> Boolean.FALSE.equals(f.onTarget()))
			.sorted(Comparator.comparingDouble(TrafficLights::shortfall).reversed()).toList();
		long missesBefore = then.stream().filter(TrafficLights::quality).filter(f -> Boolean.FALSE.equals(f.onTarget())).count();
		boolean anyBefore = then.stream().filter(TrafficLights::quality).anyMatch(f -> f.value() != null);
		int misses = missing.size();
		Colour colour = misses >= rules.qualityRedMisses() ? Colour.RED
				: misses >= rules.qualityAmberMisses() ? Colour.AMBER : Colour.GREEN;
		String reason = missing.isEmpty() ? text("insight.light.reason.QUALITY.allMet", locale, measured.size())
				: text("insight.light.reason.QUALITY.misses", locale, misses, measured.size(), figureText(missing.get(0), locale));
		String link = missing.isEmpty() ? "#section-figures" : "#kpi-" + missing.get(0).code();
		return light(Area.QUALITY, colour, reason, rule, link, (double) misses, anyBefore ? (double) missesBefore : null,
				"", locale);
	}

	// ------------------------------------------------------------------ adoption, readiness

	Light figureLight(Area area, Kpi kpi, double redPoints, List<Cockpit.Figure> now, List<Cockpit.Figure> then,
			Locale locale) {
		String rule = text("insight.light.rule." + area.name(), locale, number(redPoints, locale));
		var f = now.stream().filter(x -> x.code().equals(kpi.name())).findFirst().orElse(null);
		var before = then.stream().filter(x -> x.code().equals(kpi.name())).findFirst().map(Cockpit.Figure::value)
			.orElse(null);
		if (f == null || f.value() == null) {
			return light(area, Colour.NONE, text("insight.light.noData", locale), rule, "#kpi-" + kpi.name(), null, before,
					kpi.unit(), locale);
		}
		double gap = f.higherIsBetter() ? f.target() - f.value() : f.value() - f.target();
		Colour colour = gap > redPoints ? Colour.RED : gap > 0 ? Colour.AMBER : Colour.GREEN;
		return light(area, colour, figureText(f, locale) + ".", rule, "#kpi-" + kpi.name(), f.value(), before, f.unit(),
				locale);
	}

	// ------------------------------------------------------------------ words

	/**
	 * A figure against its target in words that follow the target's direction: "Reopen rate
	 * 11.4 %, target ≤ 10 % · above the maximum".
	 */
	String figureText(Cockpit.Figure f, Locale locale) {
		String value = f.value() == null ? text("insight.noData", locale) : number(f.value(), locale) + " " + f.unit();
		return text("insight.light.figure", locale, f.name(), value, (f.higherIsBetter() ? "≥ " : "≤ ")
				+ number(f.target(), locale) + " " + f.unit(), verdict(f.onTarget(), f.higherIsBetter(), locale));
	}

	/** Met, under the minimum (a target to reach), above the maximum (a limit); empty without data. */
	String verdict(Boolean onTarget, boolean higherIsBetter, Locale locale) {
		if (onTarget == null) {
			return text("insight.verdict.noData", locale);
		}
		return text(onTarget ? (higherIsBetter ? "insight.verdict.atLeastMinimum" : "insight.verdict.withinMaximum")
				: higherIsBetter ? "insight.verdict.underMinimum" : "insight.verdict.aboveMaximum", locale);
	}

	private Light light(Area area, Colour colour, String reason, String rule, String link, Double value, Double previous,
			String unit, Locale locale) {
		return new Light(area, text("insight.light.area." + area.name(), locale), colour,
				text("insight.light.colour." + colour.name(), locale), reason, rule, link, value, previous, unit);
	}

	private String phaseName(RolloutOverview.PhaseRow p, Locale locale) {
		return messages.getMessage("rollout.phase." + p.code(), null, p.name(), locale);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String number(double v, Locale locale) {
		var format = java.text.NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(1);
		return format.format(v);
	}

	private String date(Instant at, Locale locale) {
		return dates.date(at, locale);
	}

}
