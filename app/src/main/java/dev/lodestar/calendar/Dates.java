package dev.lodestar.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The one way the server turns moments into days and words for people: in the reader's language
 * and in the company's time zone ({@code lodestar.calendar.zone}, the zone the service levels
 * count in). Pages hand moments to the browser as {@code <time datetime>} elements, which
 * {@code lodestar.js} shows in the reader's own zone; what the server itself writes as text — a
 * label on a page, a mail, a line in a case's context — is written here. {@code OneWayPerConcernTest}
 * keeps every other class from formatting dates or reading the JVM's default zone.
 */
@Component
public class Dates {

	private final ZoneId zone;

	public Dates(WorkingCalendarSettings settings) {
		this.zone = settings.zone();
	}

	/** The company's time zone. */
	public ZoneId zone() {
		return zone;
	}

	/** The moment in the company's zone (for mail templates, which format it themselves); null stays null. */
	public ZonedDateTime zoned(Instant instant) {
		return instant == null ? null : instant.atZone(zone);
	}

	/** Today in the company's zone. */
	public LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(zone));
	}

	/** This month in the company's zone. */
	public YearMonth thisMonth(Clock clock) {
		return YearMonth.now(clock.withZone(zone));
	}

	/** The day the moment falls on in the company's zone. */
	public LocalDate day(Instant instant) {
		return instant.atZone(zone).toLocalDate();
	}

	/** Midnight at the start of {@code day}, in the company's zone. */
	public Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}

	/** A wall-clock time written without a zone is read in the company's zone. */
	public Instant instantOf(LocalDateTime wallClock) {
		return wallClock.atZone(zone).toInstant();
	}

	/** "7 Dec 2026" / "2026年12月7日"; null stays null. */
	public String date(Instant instant, Locale locale) {
		return instant == null ? null : date(day(instant), locale);
	}

	/** "7 Dec 2026" / "2026年12月7日"; null stays null. */
	public String date(LocalDate day, Locale locale) {
		return day == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
	}

	/** "Dec 2026" / "2026年12月"; null stays null. */
	public String month(java.time.YearMonth month, Locale locale) {
		if (month == null) {
			return null;
		}
		String pattern = "zh".equals(locale.getLanguage()) ? "yyyy年M月" : "MMM yyyy";
		return DateTimeFormatter.ofPattern(pattern, locale).format(month);
	}

	/** "7 Dec 2026, 14:05" / "2026年12月7日 14:05"; null stays null. */
	public String dateTime(Instant instant, Locale locale) {
		return instant == null ? null
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale)
					.format(instant.atZone(zone));
	}

	/** {@link #dateTime} followed by the zone's short name, where the reader may be elsewhere. */
	public String dateTimeWithZone(Instant instant, Locale locale) {
		return instant == null ? null : dateTime(instant, locale) + " " + zone.getDisplayName(TextStyle.SHORT, locale);
	}

	/** The wall-clock time in the company's zone, as an ISO text without zone (for plain-text lists). */
	public String isoWallClock(Instant instant) {
		return instant == null ? null : instant.atZone(zone).toLocalDateTime().toString();
	}

}
