package dev.lodestar.worklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.system.InvalidInputException.FieldError;

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
		for (FormSchema.Field field : form.fields()) {
			if (!field.editable()) {
				continue;
			}
			Boolean hidden = field.hide() == null ? Boolean.FALSE : FeelCondition.evaluate(field.hide(), submitted);
			if (Boolean.TRUE.equals(hidden)) {
				continue; // hidden fields are neither checked nor submitted, as in the browser
			}
			Object value = submitted.get(field.key());
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

	private String check(FormSchema.Field field, Object value) {
		if ("number".equals(field.type())) {
			Double number = asNumber(value);
			if (number == null) {
				return "number";
			}
			if (field.min() != null && number < field.min()) {
				return "min";
			}
			if (field.max() != null && number > field.max()) {
				return "max";
			}
			return null;
		}
		if (value instanceof String text) {
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

	private Object typed(FormSchema.Field field, Object value) {
		if ("number".equals(field.type())) {
			Double number = asNumber(value);
			return number == Math.rint(number) && Math.abs(number) < Long.MAX_VALUE ? (Object) number.longValue()
					: number;
		}
		if ("checkbox".equals(field.type())) {
			return value instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(value));
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

	private static Double asNumber(Object value) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		try {
			return Double.valueOf(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String s && s.isBlank())
				|| (value instanceof Collection<?> c && c.isEmpty());
	}

	private FieldError error(FormSchema.Field field, String rule, Locale locale) {
		Object limit = switch (rule) {
			case "min" -> plain(field.min());
			case "max" -> plain(field.max());
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
