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
			"srl", "spa", "kg", "pty", "pte", "kk", "the");

	/** Digits of a phone number compared: enough to ignore country and trunk prefixes. */
	static final int PHONE_DIGITS = 10;

	/** Shorter digit strings are no phone number worth matching on. */
	static final int MIN_PHONE_DIGITS = 7;

	private MatchKeys() {
	}

	/**
	 * A company or person name without case, accents, punctuation and legal-form words, for
	 * example {@code "Müller & Co. GmbH"} → {@code "muller"}; empty when nothing is left.
	 */
	public static String name(String name) {
		if (name == null) {
			return "";
		}
		String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		plain = plain.toLowerCase(Locale.ROOT).replace("&", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		String key = Arrays.stream(plain.split(" "))
			.filter(word -> !word.isEmpty() && !LEGAL_SUFFIXES.contains(word))
			.collect(Collectors.joining(" "));
		return key.isEmpty() ? plain : key;
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
