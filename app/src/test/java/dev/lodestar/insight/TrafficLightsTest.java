package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.lodestar.rollout.RolloutOverview;

/** The sponsor's lights: each area's colour on both sides of its thresholds, and reasons that name their figure. */
class TrafficLightsTest {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
	static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	final TrafficLights lights = new TrafficLights(null, LightRules.defaults(), messages(),
			new dev.lodestar.calendar.Dates(new dev.lodestar.calendar.WorkingCalendarSettings(java.time.ZoneOffset.UTC,
					java.util.List.of(java.time.DayOfWeek.MONDAY), "09:00", "17:00", java.util.List.of(), 0.75)));

	static ResourceBundleMessageSource messages() {
		var m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/insight", "i18n/rollout");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	static RolloutOverview.PhaseRow phase(String code, Instant plannedEnd, Instant actualEnd, Integer planned, Integer actual) {
		return new RolloutOverview.PhaseRow(code, code, 1, plannedEnd.minus(30, ChronoUnit.DAYS), plannedEnd,
				plannedEnd.minus(30, ChronoUnit.DAYS), actualEnd, planned == null ? null : BigDecimal.valueOf(planned),
				actual == null ? null : BigDecimal.valueOf(actual), null, null, actualEnd == null ? "RUNNING" : "DONE");
	}

	static Cockpit.Figure figure(Kpi k, Double value, double target) {
		return new Cockpit.Figure(k.name(), k.layer().name(), k.title(), "", k.unit(), value, target, k.higherIsBetter(),
				k.meets(value, target), 10, 0, 0, "", NOW, true);
	}

	@Test
	void timeIsGreenOnPlanAmberJustLateAndRedMoreThanTwoWeeksLate() {
		var onPlan = lights.time(List.of(phase("DESIGN", NOW.plus(1, ChronoUnit.DAYS), null, null, null)), NOW, NOW, Locale.ENGLISH);
		assertThat(onPlan.colour()).isEqualTo(TrafficLights.Colour.GREEN);
		var late = lights.time(List.of(phase("DESIGN", NOW.minus(3, ChronoUnit.DAYS), null, null, null)), NOW, NOW, Locale.ENGLISH);
		assertThat(late.colour()).isEqualTo(TrafficLights.Colour.AMBER);
		assertThat(late.reason()).contains("Requirements and process design").contains("3 days past its planned end");
		var exactlyRed = lights.time(List.of(phase("DESIGN", NOW.minus(14, ChronoUnit.DAYS), null, null, null)), NOW, NOW, Locale.ENGLISH);
		assertThat(exactlyRed.colour()).as("14 days is not more than 14").isEqualTo(TrafficLights.Colour.AMBER);
		var red = lights.time(List.of(phase("DESIGN", NOW.minus(15, ChronoUnit.DAYS), null, null, null)), NOW, NOW, ZH);
		assertThat(red.colour()).isEqualTo(TrafficLights.Colour.RED);
		assertThat(red.reason()).contains("15").contains("超出计划结束日期");
		assertThat(red.rule()).contains("14").contains("红");
		var finishedLate = lights.time(List.of(phase("DESIGN", NOW.minus(40, ChronoUnit.DAYS), NOW.minus(20, ChronoUnit.DAYS), null, null)),
				NOW, NOW, Locale.ENGLISH);
		assertThat(finishedLate.colour()).as("a phase that finished 20 days late stays late").isEqualTo(TrafficLights.Colour.RED);
		assertThat(finishedLate.value()).isEqualTo(20.0);
	}

	@Test
	void costIsGreenWithinFivePercentAmberAboveAndRedAboveTenPercent() {
		var at = NOW;
		assertThat(lights.cost(List.of(phase("DESIGN", NOW, NOW, 1000, 1050)), at, at, Locale.ENGLISH).colour())
			.isEqualTo(TrafficLights.Colour.GREEN);
		assertThat(lights.cost(List.of(phase("DESIGN", NOW, NOW, 1000, 1051)), at, at, Locale.ENGLISH).colour())
			.isEqualTo(TrafficLights.Colour.AMBER);
		assertThat(lights.cost(List.of(phase("DESIGN", NOW, NOW, 1000, 1100)), at, at, Locale.ENGLISH).colour())
			.isEqualTo(TrafficLights.Colour.AMBER);
		var red = lights.cost(List.of(phase("DESIGN", NOW, NOW, 1000, 1101), phase("TESTING", NOW, null, 500, null)), at, at,
				Locale.ENGLISH);
		assertThat(red.colour()).isEqualTo(TrafficLights.Colour.RED);
		assertThat(red.reason()).contains("Rollout cost").contains("10.1 % over the plan");
		assertThat(red.rule()).isEqualTo("Red when more than 10 % over the planned cost; amber when more than 5 %.");
		assertThat(lights.cost(List.of(phase("DESIGN", NOW, null, 1000, null)), at, at, Locale.ENGLISH).colour())
			.as("no cost booked yet").isEqualTo(TrafficLights.Colour.NONE);
	}

	@Test
	void qualityTurnsAmberAtOneMissAndRedAtThreeNamingTheFurthestFigure() {
		var figures = new ArrayList<>(List.of(figure(Kpi.DATA_NEXT_STEP, 95.0, 90), figure(Kpi.SERVICE_REOPEN_RATE, 9.0, 10),
				figure(Kpi.SALES_CONVERSION_RATE, 30.0, 25), figure(Kpi.ADOPTION_ACTIVE_USERS, 10.0, 80)));
		assertThat(lights.quality(figures, List.of(), Locale.ENGLISH).colour()).as("adoption is not quality")
			.isEqualTo(TrafficLights.Colour.GREEN);
		figures.set(1, figure(Kpi.SERVICE_REOPEN_RATE, 11.4, 10));
		var amber = lights.quality(figures, List.of(), Locale.ENGLISH);
		assertThat(amber.colour()).isEqualTo(TrafficLights.Colour.AMBER);
		assertThat(amber.reason()).contains("Reopen rate 11.4 %, target ≤ 10 % · above the maximum");
		assertThat(amber.link()).isEqualTo("#kpi-SERVICE_REOPEN_RATE");
		figures.set(0, figure(Kpi.DATA_NEXT_STEP, 80.0, 90));
		assertThat(lights.quality(figures, List.of(), Locale.ENGLISH).colour()).isEqualTo(TrafficLights.Colour.AMBER);
		figures.set(2, figure(Kpi.SALES_CONVERSION_RATE, 5.0, 25));
		var red = lights.quality(figures, List.of(), ZH);
		assertThat(red.colour()).isEqualTo(TrafficLights.Colour.RED);
		assertThat(red.reason()).contains("Sales conversion rate").contains("低于最低值");
		assertThat(red.link()).isEqualTo("#kpi-SALES_CONVERSION_RATE");
	}

	@Test
	void adoptionAndReadinessAreAmberUnderTargetAndRedMoreThanFifteenPointsUnder() {
		for (var area : List.of(TrafficLights.Area.ADOPTION, TrafficLights.Area.READINESS)) {
			Kpi k = area == TrafficLights.Area.ADOPTION ? Kpi.ADOPTION_ACTIVE_USERS : Kpi.TRAINING_COMPLETION;
			double target = 80;
			var green = lights.figureLight(area, k, 15, List.of(figure(k, 80.0, target)), List.of(figure(k, 70.0, target)), Locale.ENGLISH);
			assertThat(green.colour()).isEqualTo(TrafficLights.Colour.GREEN);
			assertThat(green.previous()).isEqualTo(70.0);
			assertThat(lights.figureLight(area, k, 15, List.of(figure(k, 79.9, target)), List.of(), Locale.ENGLISH).colour())
				.isEqualTo(TrafficLights.Colour.AMBER);
			assertThat(lights.figureLight(area, k, 15, List.of(figure(k, 65.0, target)), List.of(), Locale.ENGLISH).colour())
				.isEqualTo(TrafficLights.Colour.AMBER);
			var red = lights.figureLight(area, k, 15, List.of(figure(k, 64.9, target)), List.of(), Locale.ENGLISH);
			assertThat(red.colour()).isEqualTo(TrafficLights.Colour.RED);
			assertThat(red.reason()).startsWith(k.title() + " 64.9 %").contains("under the minimum");
			assertThat(red.link()).isEqualTo("#kpi-" + k.name());
			assertThat(lights.figureLight(area, k, 15, List.of(figure(k, null, target)), List.of(), ZH).colourName())
				.isEqualTo("暂无数据");
		}
	}

	@Test
	void verdictWordsFollowTheTargetsDirectionInBothLanguages() {
		assertThat(lights.verdict(false, false, Locale.ENGLISH)).isEqualTo("above the maximum");
		assertThat(lights.verdict(false, true, Locale.ENGLISH)).isEqualTo("under the minimum");
		assertThat(lights.verdict(true, false, Locale.ENGLISH)).isEqualTo("within the maximum");
		assertThat(lights.verdict(true, true, Locale.ENGLISH)).isEqualTo("meets the minimum");
		assertThat(lights.verdict(false, false, ZH)).isEqualTo("超过最高值");
		assertThat(lights.verdict(false, true, ZH)).isEqualTo("低于最低值");
		assertThat(lights.figureText(figure(Kpi.SERVICE_REOPEN_RATE, 11.4, 10), Locale.ENGLISH))
			.isEqualTo("Reopen rate 11.4 %, target ≤ 10 % · above the maximum");
	}

	@Test
	void thePreviousPeriodHasTheSameLengthAndEndsTheDayBefore() {
		var w = new Cockpit.Window(java.time.LocalDate.of(2026, 11, 8), java.time.LocalDate.of(2026, 12, 7));
		var p = TrafficLights.previous(w);
		assertThat(p.to()).isEqualTo(java.time.LocalDate.of(2026, 11, 7));
		assertThat(p.from()).isEqualTo(java.time.LocalDate.of(2026, 10, 9));
	}

}
