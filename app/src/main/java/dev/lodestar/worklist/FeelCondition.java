package dev.lodestar.worklist;

import dev.lodestar.system.FormValues;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of FEEL that form conditions use in practice ({@code =qualified},
 * {@code =not(qualified)}, {@code =outcome = "won"}, {@code =amount != 0}), evaluated against
 * the submitted values, so that the server knows which fields the user saw. Anything else is
 * {@code null}: not understood, and then the server does not insist on such a field.
 */
final class FeelCondition {

	private static final Pattern NOT = Pattern.compile("^not\\s*\\((.*)\\)$");
	private static final Pattern COMPARISON = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*(.+)$");
	private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

	private FeelCondition() {
	}

	static Boolean evaluate(String expression, Map<String, Object> values) {
		String text = expression.strip();
		if (text.startsWith("=")) {
			text = text.substring(1).strip();
		}
		return eval(text, values);
	}

	private static Boolean eval(String text, Map<String, Object> values) {
		Matcher not = NOT.matcher(text);
		if (not.matches()) {
			Boolean inner = eval(not.group(1).strip(), values);
			return inner == null ? null : !inner;
		}
		if (NAME.matcher(text).matches()) {
			if ("true".equals(text) || "false".equals(text)) {
				return FormValues.bool(text);
			}
			return Boolean.TRUE.equals(values.get(text)); // FEEL: a non-boolean is null, i.e. not true
		}
		Matcher comparison = COMPARISON.matcher(text);
		if (comparison.matches()) {
			Object left = values.get(comparison.group(1));
			Object right = literal(comparison.group(3).strip());
			if (right == Unknown.VALUE) {
				return null;
			}
			boolean equal = equal(left, right);
			return "=".equals(comparison.group(2)) ? equal : !equal;
		}
		return null;
	}

	private enum Unknown {
		VALUE
	}

	private static Object literal(String text) {
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			return text.substring(1, text.length() - 1);
		}
		if ("true".equals(text) || "false".equals(text)) {
			return FormValues.bool(text);
		}
		if ("null".equals(text)) {
			return null;
		}
		BigDecimal number = FormValues.decimalOrNull(text);
		return number != null ? number : Unknown.VALUE;
	}

	private static boolean equal(Object left, Object right) {
		if (left == null || right == null) {
			return left == right;
		}
		if (right instanceof BigDecimal number && left instanceof Number actual) {
			BigDecimal value = FormValues.decimalOrNull(actual);
			return value != null && value.compareTo(number) == 0;
		}
		if (left instanceof Boolean || right instanceof Boolean) {
			// a decision's radio sends "true", the app's own API true: the same choice
			return String.valueOf(left).equals(String.valueOf(right));
		}
		return right.equals(left);
	}

}
