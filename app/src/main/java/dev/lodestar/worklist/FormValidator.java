package dev.lodestar.worklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.system.InvalidInputException.FieldError;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.WrittenNumbers;

/**
 * Checks submitted values against the constraints of the task's form, on the server: the
 * browser's checks are a convenience, these are the rule. Returns the process variables to
 * complete the task with: only the form's own fields, typed.
 */
@Component
class FormValidator {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,}$");

	private final MessageSource messages;
	private final ObjectMapper json;

	FormValidator(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	record Result(Map<String, Object> variables, List<FieldError> errors) {
	}

	Result validate(FormSchema form, Map<String, Object> submitted, Locale locale) {
		var variables = new LinkedHashMap<String, Object>();
		var errors = new ArrayList<FieldError>();
		var known = new java.util.HashSet<String>();
		form.fields().forEach(field -> known.add(field.key()));
		for (String key : submitted.keySet()) {
			if (!known.contains(key)) {
				errors.add(new FieldError(key, messages.getMessage("platform.validation.unknown", null,
						"is not a field of this form", locale)));
			}
		}
		for (FormSchema.Field field : form.fields()) {
			if (!field.editable()) {
				continue;
			}
			Boolean hidden = field.hide() == null ? Boolean.FALSE : FeelCondition.evaluate(field.hide(), submitted);
			if (Boolean.TRUE.equals(hidden)) {
				continue; // hidden fields are neither checked nor submitted, as in the browser
			}
			Object value = submitted.get(field.key());
			if (isEmpty(value) && requiredNow(field, submitted)) {
				errors.add(new FieldError(field.key(), messages.getMessage("validation.requiredWhen", null,
						"is needed for this decision: say why", locale)));
				continue;
			}
			if (isEmpty(value)) {
				// a condition beyond the simple FEEL this server reads is left to the browser
				if (field.required() && hidden != null) {
					errors.add(error(field, "required", locale));
				}
				if (submitted.containsKey(field.key())) {
					variables.put(field.key(), "checkbox".equals(field.type()) ? Boolean.FALSE : null);
				}
				continue;
			}
			String problem = check(field, value);
			if (problem != null) {
				errors.add(error(field, problem, locale));
				continue;
			}
			variables.put(field.key(), typed(field, value));
		}
		return new Result(variables, errors);
	}

	/** True when the field's {@code requiredWhen} condition ("decision=false") holds for what was submitted. */
	private static boolean requiredNow(FormSchema.Field field, Map<String, Object> submitted) {
		if (field.requiredWhen() == null || !field.requiredWhen().contains("=")) {
			return false;
		}
		String other = field.requiredWhen().substring(0, field.requiredWhen().indexOf('=')).strip();
		String expected = field.requiredWhen().substring(field.requiredWhen().indexOf('=') + 1).strip();
		Object actual = submitted.get(other);
		return actual != null && expected.equals(String.valueOf(actual));
	}

	/**
	 * The type rule first, then the form's own constraints. Strict: a checkbox takes a boolean
	 * (not "yes"), a number field a finite JSON number, or a text that {@link WrittenNumbers} reads,
	 * no larger than {@link #LARGEST_NUMBER},
	 * text at most {@link #LONGEST_TEXT} characters and no NUL character.
	 */
	static String check(FormSchema.Field field, Object value) {
		if ("checkbox".equals(field.type())) {
			return value instanceof Boolean ? null : "boolean";
		}
		if (field.yesNoChoice() && value instanceof Boolean) {
			return null; // an approve / reject choice, sent typed by the app's own API
		}
		if ("number".equals(field.type())) {
			Double number = asNumber(value);
			if (number == null) {
				return "number";
			}
			if (Math.abs(number) > LARGEST_NUMBER) {
				return field.max() != null && number > 0 ? "max" : "range";
			}
			if (field.min() != null && number < field.min()) {
				return "min";
			}
			if (field.max() != null && number > field.max()) {
				return "max";
			}
			if (field.decimalDigits() != null
					&& java.math.BigDecimal.valueOf(number).stripTrailingZeros().scale() > field.decimalDigits()) {
				return "decimals"; // never rounded behind the person's back: the column keeps that many
			}
			return null;
		}
		if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
			return LIST_TYPES.contains(field.type()) ? null : "text";
		}
		if ("datetime".equals(field.type())
				&& (value instanceof java.util.Date || value instanceof java.time.temporal.Temporal)) {
			return null; // server code passes dates typed
		}
		if (!(value instanceof String)) {
			return "text";
		}
		if ("datetime".equals(field.type()) && !isDate(((String) value).strip())) {
			return "date"; // 2030-02-30 is refused here, not deep in the step that reads it
		}
		if (value instanceof String text) {
			if (text.indexOf('\u0000') >= 0) {
				return "nul";
			}
			if (!field.options().isEmpty() && Set.of("radio", "select").contains(field.type())
					&& !field.options().contains(text)) {
				return "option";
			}
			if (text.length() > LONGEST_TEXT && (field.maxLength() == null || field.maxLength() > LONGEST_TEXT)) {
				return "longestText";
			}
			if (field.minLength() != null && text.length() < field.minLength()) {
				return "minLength";
			}
			if (field.maxLength() != null && text.length() > field.maxLength()) {
				return "maxLength";
			}
			if (field.pattern() != null) {
				try {
					if (!Pattern.compile(field.pattern()).matcher(text).matches()) {
						return "pattern";
					}
				}
				catch (PatternSyntaxException ex) {
					return null; // a broken pattern in a model is the modeller's bug, not the user's
				}
			}
			if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
				return "email";
			}
			if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
				return "phone";
			}
		}
		return null;
	}

	/**
	 * The engine keeps a string variable in a column of 4,000 characters; a longer text would
	 * fail deep inside the engine (a 500), so the form refuses it first.
	 */
	static final int LONGEST_TEXT = 4000;

	/** Larger than any amount, score or cost of a CRM case, and still exact as a double. */
	static final double LARGEST_NUMBER = 1e12;

	/** Fields whose value is a list (kept as JSON text). */
	private static final java.util.Set<String> LIST_TYPES = java.util.Set.of("checklist", "taglist");

	private Object typed(FormSchema.Field field, Object value) {
		if ("number".equals(field.type())) {
			Double number = asNumber(value);
			return number == Math.rint(number) && Math.abs(number) < Long.MAX_VALUE ? (Object) number.longValue()
					: number;
		}
		if ("checkbox".equals(field.type()) || field.yesNoChoice()) {
			// a decision's "true" / "false" goes to the process as the boolean its gateway reads
			return FormValues.bool(value);
		}
		if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
			// lists (checklist, taglist) are kept as JSON text: the engine has no JSON format without Spin
			try {
				return json.writeValueAsString(value);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException(ex);
			}
		}
		return value;
	}

	/** A date (2030-02-28) or a date-time with or without its offset, as form-js writes them. */
	private static boolean isDate(String text) {
		for (java.util.function.Consumer<String> parse : List.<java.util.function.Consumer<String>>of(
				java.time.LocalDate::parse, java.time.OffsetDateTime::parse, java.time.LocalDateTime::parse)) {
			try {
				parse.accept(text);
				return true;
			}
			catch (java.time.format.DateTimeParseException ex) {
				// the next form
			}
		}
		return false;
	}

	private static Double asNumber(Object value) {
		if (value instanceof Boolean) {
			return null;
		}
		// a JSON number, or text as the person typed it ("50,000", "5,0000", "５００００"); ambiguous text is
		// refused, never cut
		var number = FormValues.decimalOrNull(value);
		return number == null ? null : number.doubleValue();
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String s && s.isBlank())
				|| (value instanceof Collection<?> c && c.isEmpty());
	}

	private FieldError error(FormSchema.Field field, String rule, Locale locale) {
		if (Set.of("boolean", "unknown", "nul", "text", "range", "longestText", "option").contains(rule)) {
			Object limit = switch (rule) {
				case "range" -> plain(LARGEST_NUMBER);
				case "option" -> String.join(", ", field.options());
				default -> LONGEST_TEXT;
			};
			return new FieldError(field.key(),
					messages.getMessage("platform.validation." + rule, new Object[] { limit }, rule, locale));
		}
		Object limit = switch (rule) {
			case "min" -> plain(field.min());
			case "max" -> plain(field.max());
			case "decimals" -> field.decimalDigits();
			case "minLength" -> field.minLength();
			case "maxLength" -> field.maxLength();
			default -> "";
		};
		return new FieldError(field.key(),
				messages.getMessage("validation." + rule, new Object[] { limit }, rule, locale));
	}

	private static String plain(Double number) {
		return number == Math.rint(number) ? String.valueOf(number.longValue()) : String.valueOf(number);
	}

}
