package dev.lodestar.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * The decisions' FEEL, parsed once per expression instead of once per evaluation. Camunda's
 * {@link ScalaFeelEngine} parses every input entry, input expression and output entry each time
 * a decision table is evaluated (lead routing: about thirty per lead captured), and the FEEL
 * engine builds its table of built-in functions for each of them (README, Benchmarks). This
 * engine keeps each parsed expression (the same FEEL engine, the same value mappers, the same
 * results), answers the "any" test {@code -} without FEEL, and evaluates a literal output
 * ({@code "HIGH"}, {@code 8}) once. Every decision of the engine and of the model replay uses it.
 */
@Component
class ParsedOnceFeel extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		var dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
				: (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
			List<FeelCustomFunctionProvider> providers = configuration.getDmnFeelCustomFunctionProviders();
			dmn.setFeelEngineFactory(new Factory(providers));
		}
		configuration.setDmnEngineConfiguration(dmn);
	}

	record Factory(List<FeelCustomFunctionProvider> providers) implements FeelEngineFactory {

		@Override
		public FeelEngine createInstance() {
			return new Engine(providers);
		}

	}

	/** {@link ScalaFeelEngine}'s evaluation, with each expression parsed once. */
	static final class Engine extends ScalaFeelEngine {

		/** A string without quote or escape, or a number: the same value whatever the variables. */
		private static final Pattern LITERAL = Pattern.compile("\\s*(\"[^\"\\\\]*\"|-?\\d+(\\.\\d+)?)\\s*");

		/** Enough for every expression of every deployed decision and many drafts; past it, start again. */
		static final int LIMIT = 10_000;

		private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
		private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
		private final Map<String, Object> literals = new ConcurrentHashMap<>();

		Engine(List<FeelCustomFunctionProvider> providers) {
			super(providers);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
			if (LITERAL.matcher(expression).matches()) {
				Object value = literals.get(expression);
				if (value == null) {
					value = evaluate(parsed(expressions, expression, feelEngine::parseExpression),
							Variables.emptyVariableContext());
					if (value != null) {
						bounded(literals).put(expression, value);
					}
				}
				return (T) value;
			}
			return (T) evaluate(parsed(expressions, expression, feelEngine::parseExpression), variableContext);
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
			if ("-".equals(expression.strip())) {
				// FEEL's "any": true for every input, null included
				return true;
			}
			var input = new StaticVariableProvider(
					new camundajar.impl.scala.collection.immutable.Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
			var variables = new ContextVariableWrapper(variableContext);
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new CompositeVariableProvider(toScalaList(input, variables));
				}
			};
			var result = feelEngine.eval(parsedOrFail(unaryTests, expression, feelEngine::parseUnaryTests), context);
			return BoxesRunTime.unboxToBoolean(value(result));
		}

		private Object evaluate(Either<Failure, ParsedExpression> parsed, VariableContext variableContext) {
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new ContextVariableWrapper(variableContext);
				}
			};
			return value(feelEngine.eval(right(parsed), context));
		}

		private ParsedExpression parsedOrFail(Map<String, Either<Failure, ParsedExpression>> cache, String expression,
				Function<String, Either<Failure, ParsedExpression>> parser) {
			return right(parsed(cache, expression, parser));
		}

		private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
				String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
			var parsed = cache.get(expression);
			if (parsed == null) {
				parsed = parser.apply(expression);
				bounded(cache).put(expression, parsed);
			}
			return parsed;
		}

		private static <V> Map<String, V> bounded(Map<String, V> cache) {
			if (cache.size() >= LIMIT) {
				cache.clear();
			}
			return cache;
		}

		private static ParsedExpression right(Either<Failure, ParsedExpression> parsed) {
			if (parsed instanceof Left<Failure, ParsedExpression> left) {
				throw failure(left.value());
			}
			return ((Right<Failure, ParsedExpression>) parsed).value();
		}

		private static Object value(Either<Failure, Object> result) {
			if (result instanceof Left<Failure, Object> left) {
				throw failure(left.value());
			}
			return ((Right<Failure, Object>) result).value();
		}

		private static RuntimeException failure(Failure failure) {
			return LOGGER.evaluationException(failure.message());
		}

	}

}
