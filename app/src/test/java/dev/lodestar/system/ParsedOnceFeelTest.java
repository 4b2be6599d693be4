package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.lodestar.SeededRandom;

/**
 * {@link ParsedOnceFeel} decides exactly as Camunda's own FEEL engine: every decision of
 * {@code processes/} evaluated on both, with inputs drawn from the values its rules name (and
 * their neighbours, other values and nothing), gives the same outputs with the same Java types,
 * or fails the same way; an expression that does not parse fails each time it is evaluated.
 */
class ParsedOnceFeelTest {

	private static final DmnEngine CAMUNDA = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static final DmnEngine PARSED_ONCE = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
		.createDefaultDmnEngineConfiguration()).feelEngineFactory(new ParsedOnceFeel.Factory(List.of())).buildEngine();

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	@ParameterizedTest
	@ValueSource(strings = { "lead-routing", "complaint-classification", "communication-plan", "go-live-gate" })
	void everyDecisionOfTheProcessesDecidesAsCamundasFeel(String name) throws IOException {
		var random = SeededRandom.forProperty("feel parsed once: " + name);
		List<DmnDecision> camunda = parse(CAMUNDA, name);
		List<DmnDecision> parsedOnce = parse(PARSED_ONCE, name);
		assertThat(camunda).isNotEmpty();
		int decided = 0;
		for (int d = 0; d < camunda.size(); d++) {
			if (!(camunda.get(d).getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
				continue;
			}
			var candidates = new HashMap<String, List<Object>>();
			for (int i = 0; i < table.getInputs().size(); i++) {
				DmnDecisionTableInputImpl input = table.getInputs().get(i);
				candidates.put(input.getExpression().getExpression().strip(), candidates(table, i));
			}
			for (int run = 0; run < 300; run++) {
				Map<String, Object> variables = new HashMap<>();
				candidates.forEach((variable, values) -> variables.put(variable, random.oneOf(values)));
				Object expected = outcome(CAMUNDA, camunda.get(d), variables);
				Object actual = outcome(PARSED_ONCE, parsedOnce.get(d), variables);
				assertThat(actual).as("%s with %s", camunda.get(d).getKey(), variables).isEqualTo(expected);
				// the second evaluation takes the parsed expressions and literals from the cache
				assertThat(outcome(PARSED_ONCE, parsedOnce.get(d), variables)).isEqualTo(expected);
				if (!(expected instanceof String)) {
					decided++;
				}
			}
		}
		assertThat(decided).as("evaluations that decided rather than failed").isPositive();
	}

	@Test
	void anExpressionThatDoesNotParseFailsEveryTimeAsInCamundasFeel() {
		var camunda = new ScalaFeelEngine(List.of());
		var parsedOnce = new ParsedOnceFeel.Factory(List.of()).createInstance();
		var variables = Variables.createVariables().putValue("x", 3);
		for (String broken : List.of(">= (", "\"open", "[1,")) {
			String expected = message(() -> camunda.evaluateSimpleUnaryTests(broken, "x", variables.asVariableContext()));
			for (int i = 0; i < 2; i++) {
				assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(broken, "x", variables.asVariableContext()))
					.isInstanceOf(FeelException.class)
					.hasMessage(expected);
				assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression(broken, variables.asVariableContext()))
					.isInstanceOf(FeelException.class)
					.hasMessage(message(() -> camunda.evaluateSimpleExpression(broken, variables.asVariableContext())));
			}
		}
	}

	@Test
	void theSameExpressionAnswersForEachInputAndEachLiteralKeepsItsType() {
		var parsedOnce = new ParsedOnceFeel.Factory(List.of()).createInstance();
		for (int x : new int[] { 99_999, 100_000, 5, 100_001 }) {
			var variables = Variables.createVariables().putValue("x", x).asVariableContext();
			assertThat(parsedOnce.evaluateSimpleUnaryTests(">= 100000", "x", variables)).isEqualTo(x >= 100_000);
			assertThat(parsedOnce.evaluateSimpleUnaryTests("-", "x", variables)).isTrue();
			assertThat((Object) parsedOnce.evaluateSimpleExpression("x + 1", variables)).isEqualTo(x + 1L);
		}
		var none = Variables.createVariables().asVariableContext();
		var camunda = new ScalaFeelEngine(List.of());
		for (String literal : List.of("\"HIGH\"", "8", "-2", "2.5", "\"\"")) {
			Object expected = camunda.evaluateSimpleExpression(literal, none);
			assertThat((Object) parsedOnce.evaluateSimpleExpression(literal, none)).isEqualTo(expected);
			assertThat((Object) parsedOnce.evaluateSimpleExpression(literal, none)).isEqualTo(expected)
				.hasSameClassAs(expected);
		}
	}

	private static List<DmnDecision> parse(DmnEngine engine, String name) throws IOException {
		try (InputStream dmn = ParsedOnceFeelTest.class.getResourceAsStream("/processes/" + name + ".dmn")) {
			return engine.parseDecisions(dmn);
		}
	}

	/** The values the rules name in this column, their neighbours, another value and nothing. */
	private static List<Object> candidates(DmnDecisionTableImpl table, int column) {
		String declared = table.getInputs().get(column).getExpression().getTypeDefinition().getTypeName();
		String type = declared == null ? "string" : declared;
		Set<Object> values = new LinkedHashSet<>();
		values.add(null);
		for (DmnDecisionTableRuleImpl rule : table.getRules()) {
			String condition = rule.getConditions().get(column).getExpression();
			if (condition == null) {
				continue;
			}
			var quoted = QUOTED.matcher(condition);
			while (quoted.find()) {
				values.add(quoted.group(1));
			}
			var number = NUMBER.matcher(condition.replaceAll("\"[^\"]*\"", ""));
			while (number.find()) {
				var n = new BigDecimal(number.group());
				for (BigDecimal v : List.of(n.subtract(BigDecimal.ONE), n, n.add(BigDecimal.ONE))) {
					values.add(switch (type) {
						case "integer" -> v.intValue();
						case "long" -> v.longValue();
						default -> v.doubleValue();
					});
				}
			}
		}
		switch (type) {
			case "string" -> values.add("SOMETHING_ELSE");
			case "boolean" -> {
				values.add(true);
				values.add(false);
			}
			case "integer" -> values.add(0);
			default -> values.add(0d);
		}
		return new ArrayList<>(values);
	}

	/** The result entries of each matched rule, with their Java types, or the failure's message. */
	private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
		try {
			var result = engine.evaluateDecisionTable(decision, variables);
			var rows = new ArrayList<List<Object>>();
			result.getResultList().forEach(row -> row.forEach((key, value) -> rows.add(
					List.of(key, value == null ? "null" : value, value == null ? "" : value.getClass().getName()))));
			return rows;
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	private static String message(Runnable evaluation) {
		try {
			evaluation.run();
		}
		catch (FeelException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("expected a failure");
	}

}
