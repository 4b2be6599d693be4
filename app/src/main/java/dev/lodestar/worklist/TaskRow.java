package dev.lodestar.worklist;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of My work.
 *
 * @param timeLeft until the due date (negative when overdue), or {@code null} without one
 */
public record TaskRow(String id, String name, String processKey, String processName, String businessKey,
		String customer, String assignee, int priority, Instant created, Instant due, Instant followUp,
		SlaState sla, Duration timeLeft) {

	/** "2d 4h", "-3h 10m": the time left in words short enough for a table cell. */
	public String timeLeftText() {
		if (timeLeft == null) {
			return "";
		}
		Duration left = timeLeft.abs();
		String sign = timeLeft.isNegative() ? "-" : "";
		if (left.toDays() > 0) {
			return sign + left.toDays() + "d " + left.toHoursPart() + "h";
		}
		if (left.toHours() > 0) {
			return sign + left.toHours() + "h " + left.toMinutesPart() + "m";
		}
		return sign + left.toMinutes() + "m";
	}

}
