package dev.lodestar.rollout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A wave's knowledge check, parsed from its {@code knowledge-check.md}: a title, an introduction,
 * then numbered multiple-choice questions whose options are task-list items; the options marked
 * {@code [x]} are the key.
 *
 * <pre>
 * 1. What does BANT stand for?
 *    - [ ] Business, Account, Need, Time
 *    - [x] Budget, Authority, Need, Timeline
 * </pre>
 *
 * A question with more than one {@code [x]} asks for every one of them. The key stays on the
 * server: {@link #questions()} gives the browser text and options only.
 */
public record KnowledgeCheck(String title, String introduction, List<Question> questions) {

	private static final Pattern QUESTION = Pattern.compile("^(\\d+)\\.\\s+(.+)$");

	private static final Pattern OPTION = Pattern.compile("^\\s+[-*]\\s+\\[([ xX])\\]\\s+(.+)$");

	/** One question: its number, text, options, and the indexes (from 0) of the right options. */
	public record Question(int number, String text, List<String> options, Set<Integer> key) {

		boolean multiple() {
			return key.size() > 1;
		}

	}

	/** The outcome of one attempt. */
	public record Result(int correct, int questions, int score) {
	}

	static KnowledgeCheck parse(String markdown) {
		String title = null;
		var intro = new StringBuilder();
		var questions = new ArrayList<Question>();
		Integer number = null;
		StringBuilder text = null;
		List<String> options = null;
		Set<Integer> key = null;
		for (String line : markdown.split("\\R")) {
			var option = OPTION.matcher(line);
			var question = QUESTION.matcher(line);
			if (number != null && option.matches()) {
				if (!"x".equalsIgnoreCase(option.group(1)) && !" ".equals(option.group(1))) {
					throw new IllegalArgumentException("question " + number + ": unreadable mark " + option.group(1));
				}
				if ("x".equalsIgnoreCase(option.group(1))) {
					key.add(options.size());
				}
				options.add(option.group(2).strip());
			}
			else if (question.matches()) {
				if (number != null) {
					questions.add(question(number, text, options, key));
				}
				number = Integer.valueOf(question.group(1));
				text = new StringBuilder(question.group(2).strip());
				options = new ArrayList<>();
				key = new LinkedHashSet<>();
			}
			else if (number != null && !line.isBlank() && options.isEmpty() && line.startsWith(" ")) {
				text.append(' ').append(line.strip());
			}
			else if (number == null && title == null && line.startsWith("# ")) {
				title = line.substring(2).strip();
			}
			else if (number == null) {
				intro.append(line).append('\n');
			}
		}
		if (number != null) {
			questions.add(question(number, text, options, key));
		}
		if (questions.isEmpty()) {
			throw new IllegalArgumentException("a knowledge check needs numbered questions");
		}
		return new KnowledgeCheck(title, intro.toString().strip(), List.copyOf(questions));
	}

	private static Question question(int number, StringBuilder text, List<String> options, Set<Integer> key) {
		if (options.size() < 2) {
			throw new IllegalArgumentException("question " + number + " needs at least two options");
		}
		if (key.isEmpty()) {
			throw new IllegalArgumentException("question " + number + " has no option marked [x]");
		}
		return new Question(number, text.toString(), List.copyOf(options), Set.copyOf(key));
	}

	/**
	 * Scores answers (question number → chosen option indexes) against the key: a question counts
	 * when exactly its right options were chosen; an unanswered question counts as wrong.
	 */
	Result score(Map<Integer, Set<Integer>> answers) {
		int correct = 0;
		for (Question q : questions) {
			if (q.key().equals(answers.getOrDefault(q.number(), Set.of()))) {
				correct++;
			}
		}
		return new Result(correct, questions.size(), (int) Math.round(100.0 * correct / questions.size()));
	}

	/** The structure without the words: question numbers with their option counts and keys (to compare languages). */
	List<String> shape() {
		return questions.stream().map(q -> q.number() + ":" + q.options().size() + ":" + q.key()).toList();
	}

}
