package dev.lodestar.worklist;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of steps as people read them. A BPMN name may hold an expression ("Plan the sessions of
 * ${waveName}"): the engine resolves it for a task's own name, but the history of activities,
 * the diagram and older records keep the raw text. Here a plain {@code ${variable}} takes the
 * case's value, and whatever cannot be resolved becomes "…" — a person never reads "${...}".
 */
final class DisplayNames {

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
	private static final Pattern IDENTIFIER = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");

	private DisplayNames() {
	}

	/** The name with each {@code ${variable}} replaced by its value, the rest by "…". */
	static String resolve(String name, Map<String, ?> variables) {
		if (name == null || name.indexOf('{') < 0) {
			return name;
		}
		Matcher matcher = EXPRESSION.matcher(name);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			Matcher identifier = IDENTIFIER.matcher(matcher.group(1));
			Object value = identifier.matches() && variables != null ? variables.get(identifier.group(1)) : null;
			String text = value == null || value.toString().isBlank() ? "\u2026" : value.toString();
			matcher.appendReplacement(out, Matcher.quoteReplacement(text));
		}
		matcher.appendTail(out);
		return out.toString().strip();
	}

	/** The name with any expression left in it replaced by "…". */
	static String clean(String name) {
		return resolve(name, Map.of());
	}

}
