package dev.lodestar.knowledge;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into the lower-case words that search matches against. Kept in our own table
 * instead of a vendor full-text index so that search behaves the same on H2 and PostgreSQL.
 */
final class SearchTerms {

	static final int MAX_LENGTH = 100;

	private SearchTerms() {
	}

	static Set<String> of(String... texts) {
		var terms = new LinkedHashSet<String>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
			for (String word : normalized.split("[^\\p{L}\\p{N}]+")) {
				if (word.length() >= 2) {
					terms.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
				}
			}
		}
		return terms;
	}

}
