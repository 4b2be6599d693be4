package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lodestar.system.InvalidInputException.FieldError;

/**
 * Decisions are explicit and numbers mean what people typed: the real forms in {@code forms/}
 * checked by the real {@link FormValidator}, as the task API completes them.
 */
class DecisionFormsUnitTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final FormValidator validator = new FormValidator(messages(), JSON);

	@Test
	void everyFieldThatAGatewayReadsIsARequiredChoiceWithoutADefaultOrABoundedNumber() throws IOException {
		var read = new TreeSet<String>();
		var identifier = Pattern.compile("\\$\\{!?\\s*([A-Za-z_][A-Za-z0-9_]*)");
		try (var files = Files.list(Path.of("..", "processes"))) {
			for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				var conditions = Pattern.compile("conditionExpression[^>]*>([^<]*)<").matcher(Files.readString(bpmn));
				while (conditions.find()) {
					var names = identifier.matcher(conditions.group(1));
					while (names.find()) {
						read.add(names.group(1));
					}
				}
			}
		}
		var problems = new ArrayList<String>();
		int decisions = 0;
		try (var files = Files.list(Path.of("..", "forms"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				for (JsonNode component : JSON.readTree(file.toFile()).findParents("key")) {
					String key = component.path("key").asText();
					if (!read.contains(key) || component.path("readonly").asBoolean(false)) {
						continue;
					}
					decisions++;
					String type = component.path("type").asText();
					if (type.equals("number")) {
						// a quantity a gateway compares (lead-to-sale's discount against its threshold) is no
						// yes/no: the field shows its value, default included, and a range bounds what is typed
						if (!component.path("validate").has("min") || !component.path("validate").has("max")) {
							problems.add(file.getFileName() + " " + key + " is a number a gateway compares without a range");
						}
						continue;
					}
					if (!Set.of("radio", "select").contains(type)) {
						problems.add(file.getFileName() + " " + key + " is a " + type + ": silence would decide");
					}
					if (!component.path("validate").path("required").asBoolean(false)) {
						problems.add(file.getFileName() + " " + key + " is not required");
					}
					if (component.has("defaultValue")) {
						problems.add(file.getFileName() + " " + key + " has a default: " + component.get("defaultValue"));
					}
				}
			}
		}
		assertThat(decisions).as("decision fields found").isGreaterThanOrEqualTo(6);
		assertThat(problems).isEmpty();
	}

	@Test
	void completingTheCompensationApprovalWithoutChoosingIsRefused() throws IOException {
		var result = validate("complaint-approve-compensation", Map.of("approvalNote", "fine"));
		assertThat(fields(result)).contains("compensationApproved");
	}

	@Test
	void aRejectionNeedsAReasonInEveryLanguageAndGoesToTheProcessAsFalse() throws IOException {
		var refused = validate("complaint-approve-compensation", Map.of("compensationApproved", "false"));
		assertThat(fields(refused)).containsExactly("approvalNote");
		assertThat(refused.errors().get(0).message()).contains("say why");
		var chinese = validator.validate(form("lead-approve-discount"), Map.of("discountApproved", "false"),
				Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("原因"));

		var rejected = validate("complaint-approve-compensation",
				Map.of("compensationApproved", "false", "approvalNote", "Above policy: offer a voucher instead"));
		assertThat(rejected.errors()).isEmpty();
		assertThat(rejected.variables()).containsEntry("compensationApproved", Boolean.FALSE)
			.containsEntry("approvalNote", "Above policy: offer a voucher instead");
		// an approval needs no reason; the app's own API sends the choice typed
		assertThat(validate("lead-approve-discount", Map.of("discountApproved", true)).variables())
			.containsEntry("discountApproved", Boolean.TRUE);
	}

	@Test
	void aNumberIsStoredAsItsWriterMeantItNeverCut() throws IOException {
		for (String written : List.of("50,000", "５００００", "5,0000", "50000")) {
			var result = validate("lead-prepare-proposal", proposal(written));
			assertThat(result.errors()).as(written).isEmpty();
			assertThat(result.variables()).as(written).containsEntry("amount", 50000L);
		}
		assertThat(validate("lead-prepare-proposal", proposal("50000.50")).variables()).containsEntry("amount", 50000.5);
		for (String ambiguous : List.of("50,00", "1.234,5", "50k")) {
			var result = validate("lead-prepare-proposal", proposal(ambiguous));
			assertThat(result.errors()).as(ambiguous).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("amount");
				assertThat(e.message()).contains("50,000");
			});
		}
		// more decimals than the column keeps are refused, not rounded
		assertThat(fields(validate("lead-prepare-proposal", proposal("50000.505")))).containsExactly("amount");
		assertThat(fields(validate("training-record-result", Map.of("attended", true, "score", 87.5))))
			.containsExactly("score");
	}

	private static Map<String, Object> proposal(String amount) {
		var values = new HashMap<String, Object>();
		values.put("amount", amount);
		values.put("decisionMaker", "Li Wei");
		values.put("nextFollowUp", "2026-12-31T09:00:00Z");
		return values;
	}

	private FormValidator.Result validate(String form, Map<String, Object> values) throws IOException {
		return validator.validate(form(form), values, Locale.ENGLISH);
	}

	private static FormSchema form(String id) throws IOException {
		return FormSchema.of((ObjectNode) JSON.readTree(Path.of("..", "forms", id + ".form").toFile()));
	}

	private static List<String> fields(FormValidator.Result result) {
		return result.errors().stream().map(FieldError::field).toList();
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/platform");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
