package dev.lodestar.worklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The deployed Camunda Form of a task (the version its {@code formRef} binding resolves to),
 * with its labels translated from the form's message bundle
 * ({@code forms/i18n/<form id>_<locale>.properties}: {@code <field key>.label},
 * {@code <field key>.description}, {@code <component id>.text} for text components, and
 * {@code <field key>.option.<value>} for the options of radio buttons, selects and checklists),
 * when there is one for the user's language. Validation messages come from the message bundle
 * ({@code validation.*}), so every form shares them.
 */
@Component
class FormSchemas {

	private final FormService formService;
	private final ObjectMapper json;

	FormSchemas(FormService formService, ObjectMapper json) {
		this.formService = formService;
		this.json = json;
	}

	Optional<FormSchema> forTask(String taskId, Locale locale) {
		ObjectNode schema;
		try (InputStream form = formService.getDeployedTaskForm(taskId)) {
			schema = (ObjectNode) json.readTree(form);
		}
		catch (NotFoundException | NullValueException | IllegalArgumentException | ClassCastException ex) {
			return Optional.empty();
		}
		catch (org.camunda.bpm.engine.BadUserRequestException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new IllegalStateException("unreadable form of task " + taskId, ex);
		}
		translate(schema, locale);
		return Optional.of(FormSchema.of(schema));
	}

	private void translate(ObjectNode schema, Locale locale) {
		String formId = schema.path("id").asText("");
		if (formId.isEmpty() || locale == null) {
			return;
		}
		Properties labels = bundle(formId, locale);
		if (!labels.isEmpty()) {
			translate(schema.path("components"), labels);
		}
	}

	/**
	 * The form as the browser shows it: a number field becomes a text field (marked
	 * {@code properties.writtenNumber}), so that a person can type {@code 50,000} or {@code ５００００}
	 * and see what it is understood as before saving (task-form.js; the server reads it with
	 * {@link dev.lodestar.system.WrittenNumbers}); a money field ({@code properties.money}) carries
	 * the company's currency beside it. The deployed form stays as it is, for Camunda's Tasklist.
	 */
	static ObjectNode forPeople(ObjectNode schema, String currency) {
		ObjectNode copy = schema.deepCopy();
		forPeople(copy.path("components"), currency);
		return copy;
	}

	private static void forPeople(JsonNode components, String currency) {
		for (JsonNode component : components) {
			if (component instanceof ObjectNode node && "number".equals(node.path("type").asText())) {
				node.put("type", "textfield");
				ObjectNode properties = node.with("properties");
				properties.put("writtenNumber", "true");
				if (node.hasNonNull("decimalDigits")) {
					properties.put("decimalDigits", node.path("decimalDigits").asText());
				}
				if ("true".equals(properties.path("money").asText())) {
					properties.put("currency", currency);
					node.with("appearance").put("suffixAdorner", currency);
				}
				// the range is checked on the number, by the server; a text field would compare text
				if (node.path("validate") instanceof ObjectNode validate) {
					validate.remove(java.util.List.of("min", "max"));
				}
			}
			forPeople(component.path("components"), currency);
		}
	}

	/** The properties of a form-js component that a person reads (a datetime field has two labels). */
	static final String[] TEXTS = { "label", "description", "text", "dateLabel", "timeLabel" };

	private static void translate(JsonNode components, Properties labels) {
		for (JsonNode component : components) {
			String name = component.path("key").asText(component.path("id").asText(""));
			if (component instanceof ObjectNode node) {
				for (String property : TEXTS) {
					String translated = labels.getProperty(name + "." + property);
					if (translated != null && node.has(property)) {
						node.put(property, translated);
					}
				}
				for (JsonNode option : node.path("values")) {
					String translated = labels.getProperty(name + ".option." + option.path("value").asText());
					if (translated != null && option instanceof ObjectNode optionNode) {
						optionNode.put("label", translated);
					}
				}
			}
			translate(component.path("components"), labels);
		}
	}

	static Properties bundle(String formId, Locale locale) {
		var properties = new Properties();
		for (String suffix : new String[] { "_" + locale.getLanguage(), "_" + locale }) {
			var resource = new ClassPathResource("forms/i18n/" + formId + suffix + ".properties");
			if (resource.exists()) {
				try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return properties;
	}

}
