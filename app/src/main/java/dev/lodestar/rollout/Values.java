package dev.lodestar.rollout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import dev.lodestar.system.InvalidInputException;

/** Reads form values as the engine hands them over: numbers may be Long or Double, dates Date or ISO text. */
final class Values {

	private Values() {
	}

	static Integer integer(String field, Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			return null;
		}
		if (value instanceof Number n) {
			if (n.doubleValue() != Math.rint(n.doubleValue())) {
				throw new InvalidInputException(field, "must be a whole number, was " + n);
			}
			return n.intValue();
		}
		try {
			return Integer.valueOf(value.toString().trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, "must be a whole number, was " + value);
		}
	}

	static BigDecimal decimal(Object value) {
		if (value instanceof Number || value instanceof String) {
			// bounded: no digits written out for 1e999999999, null for Infinity
			return dev.lodestar.system.JsonInputLimits.decimalOrNull(value.toString());
		}
		return null;
	}

	/** A date and time; one written without a zone is read in {@code zone} (the company's). */
	static Instant instant(String field, Object value, java.time.ZoneId zone) {
		if (value == null || value instanceof String s && s.isBlank()) {
			return null;
		}
		if (value instanceof Date d) {
			return d.toInstant();
		}
		if (value instanceof Instant i) {
			return i;
		}
		String text = value.toString().trim();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return ZonedDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException e2) {
				try {
					return java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
				}
				catch (DateTimeParseException e3) {
					throw new InvalidInputException(field, "must be a date and time (ISO 8601), was " + text);
				}
			}
		}
	}

	static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
