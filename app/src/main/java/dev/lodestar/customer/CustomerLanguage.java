package dev.lodestar.customer;

import java.util.Locale;

import dev.lodestar.system.InvalidInputException;

/**
 * A customer's preferred language: {@code en} or {@code zh-CN} (CONTRACT). Every mail and page to
 * the customer is written in it; a customer whose language is not known reads English.
 */
public final class CustomerLanguage {

	public static final String ENGLISH = "en";

	public static final String CHINESE = "zh-CN";

	private CustomerLanguage() {
	}

	/** The code for a written value ({@code zh}, {@code zh_CN}, {@code ZH-cn} are Chinese); refused when neither. */
	public static String code(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip().replace('_', '-').toLowerCase(Locale.ROOT);
		return switch (v) {
			case "en" -> ENGLISH;
			case "zh", "zh-cn", "zh-hans" -> CHINESE;
			default -> throw new InvalidInputException("preferredLanguage", "must be one of [en, zh-CN]");
		};
	}

	/** The locale that templates are rendered in. */
	public static Locale locale(String code) {
		return CHINESE.equals(code) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

	/** A text's language as far as it can be told: any Han character makes it Chinese. */
	public static String of(String text) {
		if (text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return CHINESE;
		}
		return ENGLISH;
	}

}
