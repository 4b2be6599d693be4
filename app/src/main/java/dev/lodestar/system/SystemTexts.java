package dev.lodestar.system;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one renderer of what the application writes by itself: a {@link SystemText} (a message
 * code below {@code systext.} with its values) in the reader's language, as the rollout's
 * communication log does for its invitations. Amounts, durations and users are written here too,
 * so that every page shows them the same way.
 * <p>
 * Texts are stored as their code and their values as JSON ({@link #json}, {@link #parse}); a
 * stored row without a code is what a person typed (or an old row nobody recognised) and is shown
 * as it is.
 */
@Component("systemTexts")
public class SystemTexts {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<List<Object>> VALUES = new TypeReference<>() {
	};

	private final MessageSource messages;
	private final MoneySettings money;
	private final UserNames users;

	SystemTexts(MessageSource messages, MoneySettings money, UserNames users) {
		this.messages = messages;
		this.money = money;
		this.users = users;
	}

	/** The text in this language; null stays null. */
	public String render(SystemText text, Locale locale) {
		if (text == null) {
			return null;
		}
		Object[] values = text.args().stream().map(v -> value(v, locale)).toArray();
		return messages.getMessage("systext." + text.code(), values, text.code(), locale);
	}

	/** A stored text: its code and values in this language, or {@code typed} where it has no code. */
	public String render(String code, String argsJson, String typed, Locale locale) {
		return code == null || code.isBlank() ? typed : render(parse(code, argsJson), locale);
	}

	/** The values of a text as stored. */
	public static String json(SystemText text) {
		try {
			return JSON.writeValueAsString(text.args());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("values of " + text.code() + " cannot be stored", ex);
		}
	}

	/** A stored text; values that cannot be read are left out rather than failing the page. */
	public static SystemText parse(String code, String argsJson) {
		if (argsJson == null || argsJson.isBlank()) {
			return new SystemText(code, List.of());
		}
		try {
			return new SystemText(code, JSON.readValue(argsJson, VALUES));
		}
		catch (JsonProcessingException ex) {
			return new SystemText(code, List.of());
		}
	}

	/** {@code 42,500.00 CNY}: grouped and with two decimals as the reader writes numbers, then the currency. */
	public String amount(BigDecimal amount, Locale locale) {
		if (amount == null) {
			return null;
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale == null ? Locale.ROOT : locale);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount) + " " + money.currency();
	}

	/** "2 d 23 h" / "2天23小时": days and hours, hours and minutes, or minutes; overdue ones say so. */
	public String duration(Duration duration, Locale locale) {
		if (duration == null) {
			return "";
		}
		Duration left = duration.abs();
		String text;
		if (left.toDays() > 0) {
			text = messages.getMessage("systext.duration.days",
					new Object[] { String.valueOf(left.toDays()), String.valueOf(left.toHoursPart()) }, locale);
		}
		else if (left.toHours() > 0) {
			text = messages.getMessage("systext.duration.hours",
					new Object[] { String.valueOf(left.toHours()), String.valueOf(left.toMinutesPart()) }, locale);
		}
		else {
			text = messages.getMessage("systext.duration.minutes", new Object[] { String.valueOf(left.toMinutes()) },
					locale);
		}
		return duration.isNegative() ? messages.getMessage("systext.duration.overdue", new Object[] { text }, locale)
				: text;
	}

	/** A user's name ("Alice Wong"), or the id where the user has none or is gone. */
	public String user(String userId) {
		return users.name(userId);
	}

	/** A code's label below {@code prefix} ("leads.region." + "NA"), the code itself where there is none. */
	public String label(String prefix, String code, Locale locale) {
		return code == null ? null : messages.getMessage(prefix + code, null, code, locale);
	}

	private String value(Object value, Locale locale) {
		if (value instanceof Map<?, ?> typed && typed.size() == 1) {
			var entry = typed.entrySet().iterator().next();
			String v = String.valueOf(entry.getValue());
			return switch (String.valueOf(entry.getKey())) {
				case "label" -> messages.getMessage(v, null, v.substring(v.lastIndexOf('.') + 1), locale);
				case "amount" -> {
					BigDecimal amount = FormValues.decimalOrNull(v);
					yield amount == null ? v : amount(amount, locale);
				}
				case "user" -> user(v);
				default -> v;
			};
		}
		// numbers as they were written (an id is not 1,234)
		return value == null ? "" : String.valueOf(value);
	}

}
