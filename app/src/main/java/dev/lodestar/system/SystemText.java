package dev.lodestar.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A text the application writes by itself (an interaction's summary, an outcome), kept as a
 * message code with its values so that each reader reads it in her language ({@link SystemTexts}).
 * <p>
 * A value is shown as it is (a number, a name, what a person typed), unless it is one of:
 * {@link #label} (a code shown as its label, "PRODUCT_DEFECT" as "product defect"),
 * {@link #amount} (in the reader's number format, with the company's currency) or
 * {@link #user} (a user id shown as the person's name).
 *
 * @param code the message key below {@code systext.} ({@code interaction.complaintRecorded})
 * @param args the values, in the order of the message's placeholders
 */
public record SystemText(String code, List<Object> args) {

	public SystemText {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("a system text needs a code");
		}
		args = args == null ? List.of() : new ArrayList<>(args);
	}

	/** The text {@code code} with these values. */
	public static SystemText of(String code, Object... args) {
		return new SystemText(code, Arrays.asList(args));
	}

	/** A code shown as its label: the message {@code key} in the reader's language. */
	public static Map<String, Object> label(String key) {
		return Map.of("label", key);
	}

	/** An amount in the reader's number format, with the company's currency; null shows as "—". */
	public static Object amount(BigDecimal amount) {
		return amount == null ? "—" : Map.of("amount", amount.toPlainString());
	}

	/** A user shown by name. */
	public static Object user(String userId) {
		return userId == null ? "—" : Map.of("user", userId);
	}

}
