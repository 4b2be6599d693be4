package dev.lodestar.customer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * When two normalised names ({@link MatchKeys#name}) are probably the same company or person:
 * the same words in any order ("wang wei" / "wei wang"), words a typo or two apart relative to
 * their length ("sakura designs" / "sakura design"), the same letters spaced differently
 * ("sakuradesign" / "sakura design"), or one name is the other plus more words ("acme" /
 * "acme industries", "樱花设计" / "北京樱花设计"). Short words must match exactly ("wang wei" is
 * not "wang fang", "王伟" not "王芳"), and so must words with digits ("store 12" is not
 * "store 13").
 *
 * <p>{@link #blocks} are what the database looks candidates up by (table
 * {@code crm_customer_name_block}): the first three letters of each word, and each pair of
 * neighbouring characters of a Chinese, Japanese or Korean word. A resemblance whose every word
 * differs within its first three letters is not found; that is the price of not comparing a new
 * name with every customer.
 */
final class NameSimilarity {

	/** A score below this is no resemblance. */
	static final double NONE = 0;

	private static final Pattern CJK_WORD = Pattern.compile("[" + MatchKeys.CJK + "]+");

	private static final Pattern HAS_DIGIT = Pattern.compile(".*\\p{N}.*");

	private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

	private NameSimilarity() {
	}

	/** The words of a name key. */
	static List<String> words(String key) {
		if (key == null || key.isBlank()) {
			return List.of();
		}
		return Arrays.stream(key.strip().split(" +")).toList();
	}

	/** The keys the database finds candidates by: see the class comment. */
	static Set<String> blocks(String key) {
		var blocks = new LinkedHashSet<String>();
		for (String word : words(key)) {
			int[] points = word.codePoints().toArray();
			if (isCjk(word) && points.length > 1) {
				for (int i = 0; i + 1 < points.length; i++) {
					blocks.add(new String(points, i, 2));
				}
			}
			else {
				blocks.add(new String(points, 0, Math.min(3, points.length)));
			}
		}
		return blocks;
	}

	/** Whether a key is long enough to be matched at all: two Chinese characters, three letters otherwise. */
	static boolean matchable(String key) {
		String letters = key == null ? "" : key.replace(" ", "");
		int length = letters.codePointCount(0, letters.length());
		return length >= (isCjk(letters) ? 2 : 3);
	}

	/**
	 * How alike two name keys are: {@link #NONE} when they do not resemble each other, else a
	 * score up to 1 (the same key), higher for closer names.
	 */
	static double score(String a, String b) {
		if (a == null || b == null || a.isBlank() || b.isBlank()) {
			return NONE;
		}
		if (a.equals(b)) {
			return 1;
		}
		List<String> wordsA = words(a);
		List<String> wordsB = words(b);
		if (wordsA.stream().sorted().toList().equals(wordsB.stream().sorted().toList())) {
			return 0.95;
		}
		if (wordsA.size() == wordsB.size()) {
			int edits = pairEdits(wordsA, wordsB);
			if (edits >= 0) {
				return Math.max(0.7, 0.9 - 0.05 * edits);
			}
		}
		else if (close(String.join("", wordsA), String.join("", wordsB))) {
			return 0.85;
		}
		// one name is the other and more: fewer words, or (as many) fewer letters
		boolean aShorter = wordsA.size() != wordsB.size() ? wordsA.size() < wordsB.size() : length(a) < length(b);
		List<String> shorter = aShorter ? wordsA : wordsB;
		List<String> longer = aShorter ? wordsB : wordsA;
		String shorterJoined = String.join("", shorter);
		if (matchable(shorterJoined) && contained(shorter, longer)) {
			double coverage = (double) length(shorterJoined) / length(String.join("", longer));
			return 0.5 + 0.3 * Math.min(1, coverage);
		}
		return NONE;
	}

	/** The edits of the closest one-to-one pairing of the words, or -1 when some word has no partner. */
	private static int pairEdits(List<String> wordsA, List<String> wordsB) {
		var unpaired = new ArrayList<>(wordsB);
		int total = 0;
		// the longest words first: they are the most distinctive
		for (String word : wordsA.stream().sorted((x, y) -> Integer.compare(y.length(), x.length())).toList()) {
			int best = -1;
			int bestEdits = Integer.MAX_VALUE;
			for (int i = 0; i < unpaired.size(); i++) {
				int edits = edits(word, unpaired.get(i));
				if (edits >= 0 && edits < bestEdits) {
					best = i;
					bestEdits = edits;
				}
			}
			if (best < 0) {
				return -1;
			}
			unpaired.remove(best);
			total += bestEdits;
		}
		return total;
	}

	/** Every word of the shorter name has a partner in the longer one (a Chinese word may be inside one). */
	private static boolean contained(List<String> shorter, List<String> longer) {
		var unpaired = new ArrayList<>(longer);
		for (String word : shorter) {
			int found = -1;
			for (int i = 0; i < unpaired.size() && found < 0; i++) {
				String other = unpaired.get(i);
				if (edits(word, other) >= 0
						|| (isCjk(word) && length(word) >= 3 && isCjk(other) && other.contains(word))) {
					found = i;
				}
			}
			if (found < 0) {
				return false;
			}
			unpaired.remove(found);
		}
		return true;
	}

	/** The edits between two words when within the tolerance of their length, else -1. */
	static int edits(String a, String b) {
		if (a.equals(b)) {
			return 0;
		}
		if (HAS_DIGIT.matcher(a).matches() || HAS_DIGIT.matcher(b).matches()) {
			return -1;
		}
		int allowed = allowedEdits(Math.max(length(a), length(b)), isCjk(a) || isCjk(b));
		if (allowed == 0 || Math.abs(length(a) - length(b)) > allowed) {
			return -1;
		}
		int edits = DISTANCE.apply(a, b);
		return edits <= allowed ? edits : -1;
	}

	private static boolean close(String a, String b) {
		return edits(a, b) >= 0;
	}

	/**
	 * Typos tolerated in a word (or a name written together) of this length: none up to four
	 * letters (names that short differ by a letter: "wang" / "wong"), one up to eight, two beyond;
	 * a Chinese character carries a word's meaning, so one from five characters on, else none.
	 */
	static int allowedEdits(int length, boolean cjk) {
		if (cjk) {
			return length >= 5 ? 1 : 0;
		}
		return length <= 4 ? 0 : length <= 8 ? 1 : 2;
	}

	private static boolean isCjk(String word) {
		return !word.isEmpty() && CJK_WORD.matcher(word.substring(0, Character.charCount(word.codePointAt(0)))).matches();
	}

	private static int length(String word) {
		return word.codePointCount(0, word.length());
	}

}
