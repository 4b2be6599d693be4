package dev.lodestar.system;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as people write them, in English and in Chinese: the one rule the task forms, the
 * browser's preview ({@code static/js/numbers.js}, the same rule) and the API share.
 * <ul>
 * <li>digits, an optional leading minus, an optional decimal point: {@code 50000}, {@code 50000.50};</li>
 * <li>full-width digits, minus, comma and point count as their ASCII twins: {@code ５００００};</li>
 * <li>a comma groups three digits (thousands, {@code 50,000}) or four (the Chinese 万 grouping,
 * {@code 5,0000}), the same size throughout, the first group no longer than the others;</li>
 * <li>spaces (also thin and non-breaking) are ignored: {@code 50 000};</li>
 * <li>anything else is refused rather than guessed: {@code 50,00}, {@code 1.234,5}, {@code 1,2345,678},
 * {@code 5e3}. A decimal comma is never read, because {@code 50,000} would then be fifty.</li>
 * </ul>
 */
public final class WrittenNumbers {

	private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern TEN_THOUSANDS = Pattern.compile("-?\\d{1,4}(,\\d{4})+(\\.\\d+)?");

	private WrittenNumbers() {
	}

	/** The number the text means, or empty when the text is not a number or could mean two. */
	public static Optional<BigDecimal> parse(String written) {
		if (written == null) {
			return Optional.empty();
		}
		String text = normalise(written);
		if (text.length() > 40) {
			return Optional.empty();
		}
		if (PLAIN.matcher(text).matches()) {
			return Optional.of(new BigDecimal(text));
		}
		if (THOUSANDS.matcher(text).matches() || TEN_THOUSANDS.matcher(text).matches()) {
			return Optional.of(new BigDecimal(text.replace(",", "")));
		}
		return Optional.empty();
	}

	/** Full-width forms to ASCII, spaces out. */
	static String normalise(String written) {
		var text = new StringBuilder(written.length());
		written.codePoints().forEach(c -> {
			if (c >= '０' && c <= '９') {
				text.append((char) ('0' + (c - '０')));
			}
			else if (c == '，') {
				text.append(',');
			}
			else if (c == '．') {
				text.append('.');
			}
			else if (c == '－' || c == '−') {
				text.append('-');
			}
			else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				text.appendCodePoint(c);
			}
		});
		return text.toString();
	}

}
