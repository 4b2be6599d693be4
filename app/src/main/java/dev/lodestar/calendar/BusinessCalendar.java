package dev.lodestar.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dev.lodestar.system.ProcessApi;

/**
 * Counts business hours. A target of 8 hours received on Friday at 16:00 (opening hours
 * 09:00–17:00, Monday to Friday) is due on Monday at 16:00, not on Saturday at midnight.
 * Used from BPMN expressions (timer dates, task due and follow-up dates), hence the
 * {@link Date} signatures.
 */
@Component("businessCalendar")
public class BusinessCalendar {

	private final ZoneId zone;
	private final Set<DayOfWeek> workingDays;
	private final LocalTime opensAt;
	private final LocalTime closesAt;
	private final Set<LocalDate> holidays;
	private final double warningFraction;

	public BusinessCalendar(WorkingCalendarSettings settings) {
		this.zone = settings.zone();
		this.workingDays = settings.workingDays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
				: EnumSet.copyOf(settings.workingDays());
		this.opensAt = LocalTime.parse(settings.opensAt());
		this.closesAt = LocalTime.parse(settings.closesAt());
		this.holidays = new TreeSet<>(settings.holidays().stream().map(LocalDate::parse).toList());
		this.warningFraction = settings.warningFraction();
		if (workingDays.isEmpty() || !opensAt.isBefore(closesAt)) {
			throw new IllegalArgumentException("lodestar.calendar needs at least one working day and opens-at before closes-at");
		}
		if (warningFraction <= 0 || warningFraction >= 1) {
			throw new IllegalArgumentException("lodestar.calendar.warning-fraction must lie between 0 and 1");
		}
	}

	/** The moment a target of {@code hours} business hours, counted from {@code start}, is breached. */
	@ProcessApi
	public Date deadline(Date start, double hours) {
		return Date.from(plus(start.toInstant(), hoursToDuration(hours)));
	}

	/** The moment the owner is warned: {@code warningFraction} of the target, in business hours. */
	@ProcessApi
	public Date warning(Date start, double hours) {
		return Date.from(plus(start.toInstant(), hoursToDuration(hours * warningFraction)));
	}

	/** {@code work} business time after {@code start}. */
	public Instant plus(Instant start, Duration work) {
		long remaining = work.getSeconds();
		ZonedDateTime at = nextWorkingMoment(start.atZone(zone));
		while (true) {
			ZonedDateTime closing = at.toLocalDate().atTime(closesAt).atZone(zone);
			long available = Duration.between(at, closing).getSeconds();
			if (remaining <= available) {
				return at.plusSeconds(remaining).toInstant();
			}
			remaining -= available;
			at = nextWorkingMoment(closing);
		}
	}

	/** Business time between two moments (zero when {@code to} is not after {@code from}). */
	public Duration between(Instant from, Instant to) {
		Duration total = Duration.ZERO;
		ZonedDateTime at = nextWorkingMoment(from.atZone(zone));
		while (at.toInstant().isBefore(to)) {
			ZonedDateTime closing = at.toLocalDate().atTime(closesAt).atZone(zone);
			Instant end = closing.toInstant().isBefore(to) ? closing.toInstant() : to;
			total = total.plus(Duration.between(at.toInstant(), end));
			at = nextWorkingMoment(closing);
		}
		return total;
	}

	/** Whether the desk is staffed on that day. */
	public boolean isWorkingDay(LocalDate day) {
		return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
	}

	public ZoneId zone() {
		return zone;
	}

	private ZonedDateTime nextWorkingMoment(ZonedDateTime at) {
		ZonedDateTime candidate = at;
		while (true) {
			LocalDate day = candidate.toLocalDate();
			if (!isWorkingDay(day) || !candidate.toLocalTime().isBefore(closesAt)) {
				candidate = day.plusDays(1).atTime(opensAt).atZone(zone);
			}
			else if (candidate.toLocalTime().isBefore(opensAt)) {
				return day.atTime(opensAt).atZone(zone);
			}
			else {
				return candidate;
			}
		}
	}

	private static Duration hoursToDuration(double hours) {
		if (hours < 0) {
			throw new IllegalArgumentException("a target cannot be negative: " + hours);
		}
		return Duration.ofSeconds(Math.round(hours * 3600));
	}

}
