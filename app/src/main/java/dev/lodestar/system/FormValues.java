package dev.lodestar.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Optional;

/**
 * The one home for reading the values a form, the engine or a process variable hands over: text,
 * yes/no, whole numbers, amounts, dates and record ids, whatever type they arrive as (a task form
 * sends text or JSON numbers, the engine keeps Long or Double, a date as {@link Date} or ISO text).
 * Amounts written as text are read as people write them ({@link WrittenNumbers}); what cannot be
 * read is refused with {@link InvalidInputException} naming the field, never guessed or truncated.
 * {@code OneWayPerConcernTest} keeps the parsing of such text here.
 */
public final class FormValues {

	private FormValues() {
	}

	/** The value as text, or {@code null}. */
	public static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** The value as text without surrounding blanks, or {@code null} when there is none. */
	public static String textOrNull(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	/** A checkbox or a yes/no choice: {@code true} or the text "true" (any case); anything else is no. */
	public static boolean bool(Object value) {
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().strip());
	}

	/** A record's id as the engine keeps it (Long, Integer) or as text (a business key). */
	public static long id(Object value) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		return idOrEmpty(value == null ? null : value.toString())
			.orElseThrow(() -> new IllegalArgumentException("not a record id: " + value));
	}

	/** The id in the text, or empty when the text is no id (a link somebody typed). */
	public static Optional<Long> idOrEmpty(String text) {
		if (text == null || text.isBlank() || text.strip().length() > 19) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(text.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/**
	 * The enum constant the code names, in any case ({@code web} is {@code WEB}), or {@code null} for
	 * empty text; an unknown code is refused naming the field (checked first by {@link OneOf}).
	 */
	public static <E extends Enum<E>> E code(String field, Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
		}
	}

	/** A whole number, or {@code null} when empty; {@code 3.0} is 3, {@code 2.5} and "two" are refused. */
	public static Integer integer(String field, Object value) {
		if (isEmpty(value)) {
			return null;
		}
		BigDecimal number = decimalOrNull(value);
		if (number == null || number.stripTrailingZeros().scale() > 0
				|| number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			throw new InvalidInputException(field, "must be a whole number, was " + abbreviated(value));
		}
		return number.intValueExact();
	}

	/**
	 * An amount, or {@code null} when empty: a number as the engine keeps it, or text as a person
	 * writes it ({@code 50,000}, {@code ５００００}). Anything else is refused naming the field.
	 */
	public static BigDecimal decimal(String field, Object value) {
		if (isEmpty(value)) {
			return null;
		}
		BigDecimal number = decimalOrNull(value);
		if (number == null) {
			throw new InvalidInputException(field, "must be a number, such as 50,000 or 50000.50");
		}
		return number;
	}

	/**
	 * The amount the value means, or {@code null} when it means none (empty, not a number, not
	 * finite, or beyond {@link JsonInputLimits#MAX_MAGNITUDE}): for showing a value as sent.
	 */
	public static BigDecimal decimalOrNull(Object value) {
		if (value == null) {
			return null;
		}
		BigDecimal number;
		if (value instanceof BigDecimal decimal) {
			number = decimal;
		}
		else if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			number = Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			number = BigDecimal.valueOf(((Number) value).longValue());
		}
		else if (value instanceof java.math.BigInteger big) {
			number = new BigDecimal(big);
		}
		else if (value instanceof CharSequence text) {
			number = WrittenNumbers.parse(text.toString()).orElse(null);
		}
		else {
			number = null;
		}
		return number != null && JsonInputLimits.withinMagnitude(number) ? number : null;
	}

	/** A date or date-time, local ones read in UTC: see {@link #instant(String, Object, ZoneId)}. */
	public static Instant instant(String field, Object value) {
		return instant(field, value, ZoneOffset.UTC);
	}

	/**
	 * A moment, or {@code null} when empty: a {@link Date}, a temporal, or ISO text, either a
	 * date-time with offset or zone, a local date-time (read in {@code zone}) or a date alone
	 * ({@code 2026-12-01}, 09:00 in {@code zone}, the start of a working day).
	 */
	public static Instant instant(String field, Object value, ZoneId zone) {
		if (isEmpty(value)) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof TemporalAccessor temporal && !(value instanceof LocalDate)
				&& !(value instanceof LocalDateTime)) {
			return Instant.from(temporal);
		}
		String text = value.toString().strip();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atTime(9, 0).atZone(zone).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return ZonedDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException again) {
				try {
					return LocalDateTime.parse(text).atZone(zone).toInstant();
				}
				catch (DateTimeParseException last) {
					throw new InvalidInputException(field,
							"must be a date (yyyy-mm-dd) or an ISO date-time, was " + abbreviated(value));
				}
			}
		}
	}

	private static boolean isEmpty(Object value) {
		return value == null || value instanceof CharSequence text && text.toString().isBlank();
	}

	private static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return text.length() <= 20 ? text : text.substring(0, 20) + "…";
	}

}
