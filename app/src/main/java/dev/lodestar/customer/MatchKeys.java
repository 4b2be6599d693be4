package dev.lodestar.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The normalised forms that matching compares. "ACME Ltd.", "Acme Limited" and "acme" are one
 * company; "+44 20 7946 0000" and "020 7946 0000" are one phone.
 */
public final class MatchKeys {

	/** Legal-form words that say nothing about which company it is. */
	private static final Set<String> LEGAL_SUFFIXES = Set.of("ltd", "limited", "gmbh", "inc", "incorporated", "co",
			"company", "corp", "corporation", "llc", "llp", "plc", "ag", "sa", "sarl", "sas", "bv", "nv", "oy", "ab",
			"srl", "spa", "kg", "pty", "pte", "kk", "the", "株");

	/** Digits of a phone number compared: enough to ignore country and trunk prefixes. */
	static final int PHONE_DIGITS = 10;

	/** Shorter digit strings are no phone number worth matching on. */
	static final int MIN_PHONE_DIGITS = 7;

	private MatchKeys() {
	}

	/**
	 * Legal forms written in Chinese or Japanese, glued to the name ("樱花设计有限公司"): cut off
	 * the end of a word, longest first ("股份有限公司" before "有限公司" before "公司").
	 */
	private static final java.util.List<String> CJK_LEGAL_SUFFIXES = java.util.List.of("股份有限公司", "有限责任公司",
			"有限責任公司", "集团有限公司", "集團有限公司", "有限公司", "分公司", "株式会社", "有限会社", "公司");

	/** Japanese legal forms also stand in front ("株式会社サクラ"). */
	private static final java.util.List<String> CJK_LEGAL_PREFIXES = java.util.List.of("株式会社", "有限会社");

	/** Scripts written without spaces between words: a run of them is one word of the key. */
	static final String CJK = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}";

	private static final java.util.regex.Pattern SCRIPT_BOUNDARY = java.util.regex.Pattern
		.compile("(?<=[" + CJK + "])(?=[^" + CJK + "\\s])|(?<=[^" + CJK + "\\s])(?=[" + CJK + "])");

	/**
	 * A company or person name without case, accents, full-width forms, punctuation and
	 * legal-form words, for example {@code "Müller & Co. GmbH"} → {@code "muller"},
	 * {@code "樱花设计有限公司"} → {@code "樱花设计"}; the words are kept in their order, separated
	 * by one space (a run of Chinese, Japanese or Korean characters is one word). When nothing but
	 * legal forms is left, the name as it was normalised.
	 */
	public static String name(String name) {
		if (name == null) {
			return "";
		}
		// NFKC first: full-width letters and digits ("ＳＡＫＵＲＡ") become the ordinary ones
		String plain = Normalizer.normalize(Normalizer.normalize(name, Normalizer.Form.NFKC), Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "");
		plain = plain.toLowerCase(Locale.ROOT).replace("&", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		plain = SCRIPT_BOUNDARY.matcher(plain).replaceAll(" ");
		String key = Arrays.stream(plain.split(" "))
			.filter(word -> !word.isEmpty() && !LEGAL_SUFFIXES.contains(word))
			.map(MatchKeys::withoutCjkLegalForm)
			.filter(word -> !word.isEmpty())
			.collect(Collectors.joining(" "));
		return key.isEmpty() ? plain : key;
	}

	private static String withoutCjkLegalForm(String word) {
		String rest = word;
		for (String prefix : CJK_LEGAL_PREFIXES) {
			if (rest.startsWith(prefix)) {
				rest = rest.substring(prefix.length());
			}
		}
		boolean cut = true;
		while (cut && !rest.isEmpty()) {
			cut = false;
			for (String suffix : CJK_LEGAL_SUFFIXES) {
				if (rest.endsWith(suffix)) {
					rest = rest.substring(0, rest.length() - suffix.length());
					cut = true;
					break;
				}
			}
		}
		return rest;
	}

	/** An e-mail address trimmed and lower-cased, or {@code null} when blank. */
	public static String email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The last ten digits of a phone number, so that international and national spellings
	 * agree; {@code null} when it has fewer than seven digits.
	 */
	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("\\D", "");
		if (digits.length() < MIN_PHONE_DIGITS) {
			return null;
		}
		return digits.length() > PHONE_DIGITS ? digits.substring(digits.length() - PHONE_DIGITS) : digits;
	}

}
