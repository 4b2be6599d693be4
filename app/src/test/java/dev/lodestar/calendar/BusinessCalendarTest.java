package dev.lodestar.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Business hours, counted the way a service desk counts them. */
class BusinessCalendarTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final BusinessCalendar calendar = new BusinessCalendar(new WorkingCalendarSettings(SHANGHAI,
			List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
			"09:00", "17:00", List.of("2026-10-01"), 0.75));

	private static Date at(String local) {
		return Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant());
	}

	@Test
	void countsWithinOneWorkingDay() {
		assertThat(calendar.deadline(at("2026-11-23T10:00"), 4)).isEqualTo(at("2026-11-23T14:00"));
	}

	@Test
	void carriesTheRestOverNightAndOverTheWeekend() {
		// Friday 16:00 + 8h = 1h on Friday, 7h on Monday
		assertThat(calendar.deadline(at("2026-11-27T16:00"), 8)).isEqualTo(at("2026-11-30T16:00"));
		assertThat(calendar.deadline(at("2026-11-24T15:00"), 3)).isEqualTo(at("2026-11-25T10:00"));
	}

	@Test
	void startsCountingAtOpeningTimeWhenReceivedOutsideHours() {
		assertThat(calendar.deadline(at("2026-11-23T07:30"), 1)).isEqualTo(at("2026-11-23T10:00"));
		assertThat(calendar.deadline(at("2026-11-23T20:00"), 1)).isEqualTo(at("2026-11-24T10:00"));
		assertThat(calendar.deadline(at("2026-11-28T12:00"), 2)).isEqualTo(at("2026-11-30T11:00"));
	}

	@Test
	void skipsHolidays() {
		// 2026-10-01 is a Thursday and a holiday
		assertThat(calendar.deadline(at("2026-09-30T16:00"), 2)).isEqualTo(at("2026-10-02T10:00"));
	}

	@Test
	void warnsAtThreeQuartersOfTheTarget() {
		assertThat(calendar.warning(at("2026-11-23T09:00"), 8)).isEqualTo(at("2026-11-23T15:00"));
		assertThat(calendar.warning(at("2026-11-27T16:00"), 8)).isEqualTo(at("2026-11-30T14:00"));
	}

	@Test
	void measuresBusinessTimeBetweenTwoMoments() {
		assertThat(calendar.between(at("2026-11-27T16:00").toInstant(), at("2026-11-30T16:00").toInstant()))
			.isEqualTo(Duration.ofHours(8));
		assertThat(calendar.between(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z")))
			.isZero();
	}

	@Test
	void refusesACalendarWithoutWorkingTime() {
		assertThatThrownBy(() -> new BusinessCalendar(new WorkingCalendarSettings(SHANGHAI, List.of(DayOfWeek.MONDAY),
				"17:00", "09:00", List.of(), 0.75))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BusinessCalendar(new WorkingCalendarSettings(SHANGHAI, List.of(DayOfWeek.MONDAY),
				"09:00", "17:00", List.of(), 1.5))).isInstanceOf(IllegalArgumentException.class);
	}

}
