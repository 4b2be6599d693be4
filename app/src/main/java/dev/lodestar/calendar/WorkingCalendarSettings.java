package dev.lodestar.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the company works. Every value can be set by environment variable, for example
 * {@code LODESTAR_CALENDAR_ZONE=Asia/Shanghai} or {@code LODESTAR_CALENDAR_HOLIDAYS=2026-12-25,2026-12-26}.
 *
 * @param zone the time zone the opening hours are in
 * @param workingDays the days of the week the service desk is staffed
 * @param opensAt the start of a working day, {@code HH:mm}
 * @param closesAt the end of a working day, {@code HH:mm}
 * @param holidays dates ({@code yyyy-MM-dd}) that are not working days
 * @param warningFraction how far into a target the warning comes (0.75 = at 75% of the target)
 */
@ConfigurationProperties("lodestar.calendar")
public record WorkingCalendarSettings(@DefaultValue("UTC") ZoneId zone,
		@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) List<DayOfWeek> workingDays,
		@DefaultValue("09:00") String opensAt, @DefaultValue("17:00") String closesAt,
		@DefaultValue({}) List<String> holidays, @DefaultValue("0.75") double warningFraction) {
}
