package dev.lodestar.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Camunda Form (form-js JSON) as the server reads it: its fields with their keys and
 * constraints, in document order (groups and dynamic lists flattened).
 */
record FormSchema(String id, ObjectNode json, List<Field> fields) {

	/** Components that carry no value of their own. */
	private static final Set<String> WITHOUT_VALUE = Set.of("text", "html", "image", "button", "spacer",
			"separator", "iframe", "table", "expression", "documentPreview", "default", "group", "dynamiclist");

	static FormSchema of(ObjectNode json) {
		var fields = new ArrayList<Field>();
		collect(json.path("components"), fields);
		return new FormSchema(json.path("id").asText(null), json, List.copyOf(fields));
	}

	private static void collect(JsonNode components, List<Field> into) {
		for (JsonNode component : components) {
			String type = component.path("type").asText("");
			if (!WITHOUT_VALUE.contains(type) && component.hasNonNull("key")) {
				into.add(Field.of(component));
			}
			if (component.has("components")) {
				collect(component.path("components"), into);
			}
		}
	}

	/**
	 * One keyed field and its constraints. {@code hide} is the FEEL expression of its
	 * {@code conditional.hide}, if any; a disabled or read-only field takes no input. A number
	 * field's {@code decimalDigits} is how many decimal places it keeps (0: whole numbers).
	 * {@code requiredWhen} ({@code properties.requiredWhen}, "{@code decision=false}") makes a field
	 * required when another field has that value: the reason of a rejection. form-js 1.x does not
	 * enforce a conditional requirement, so the server does.
	 */
	record Field(String id, String key, String type, String label, boolean required, Double min, Double max,
			Integer minLength, Integer maxLength, String pattern, String validationType, String hide,
			boolean editable, List<String> options, Integer decimalDigits, String requiredWhen) {

		/** A choice between "true" and "false" (approve / reject): its value is kept as a boolean. */
		boolean yesNoChoice() {
			return Set.of("radio", "select").contains(type) && options.size() == 2 && options.containsAll(List.of("true", "false"));
		}

		static Field of(JsonNode c) {
			JsonNode v = c.path("validate");
			return new Field(c.path("id").asText(null), c.path("key").asText(), c.path("type").asText(),
					c.path("label").asText(c.path("key").asText()), v.path("required").asBoolean(false),
					number(v, "min"), number(v, "max"), integer(v, "minLength"), integer(v, "maxLength"),
					v.hasNonNull("pattern") && !v.path("pattern").asText().isBlank() ? v.path("pattern").asText() : null,
					v.path("validationType").asText(null),
					c.path("conditional").hasNonNull("hide") ? c.path("conditional").path("hide").asText() : null,
					!c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false), options(c),
					c.path("decimalDigits").isNumber() ? Integer.valueOf(c.path("decimalDigits").asInt()) : null,
					c.path("properties").path("requiredWhen").asText(null));
		}

		/** The fixed choices of a radio, select or checklist; empty when the choices come from data. */
		private static List<String> options(JsonNode c) {
			var options = new ArrayList<String>();
			c.path("values").forEach(value -> options.add(value.path("value").asText()));
			return List.copyOf(options);
		}

		private static Double number(JsonNode node, String name) {
			JsonNode value = node.path(name);
			if (value.isNumber()) {
				return value.asDouble();
			}
			var written = value.isTextual() && !value.asText().startsWith("=")
					? dev.lodestar.system.FormValues.decimalOrNull(value.asText()) : null;
			return written == null ? null : written.doubleValue();
		}

		private static Integer integer(JsonNode node, String name) {
			Double value = number(node, name);
			return value == null ? null : value.intValue();
		}

	}

}
