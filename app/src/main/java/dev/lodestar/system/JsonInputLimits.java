package dev.lodestar.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * What any JSON body may hold, on every path that reads one (Lodestar's API, {@code /engine-rest},
 * the public pages): refused while the body is read, before a value exists, so nothing later can
 * choke on it.
 * <ul>
 * <li>A number of more than {@value #MAX_NUMBER_LENGTH} characters (Jackson's stream read
 * constraint; made the default of every Jackson factory created after start-up too, so
 * Camunda's own mappers, such as Tasklist's API, refuse it as well).</li>
 * <li>A decimal whose magnitude is above 10^{@value #MAX_MAGNITUDE} or finer than
 * 10^-{@value #MAX_MAGNITUDE}: {@code 1e999999999} is 11 characters but, written out, a
 * billion digits; {@code BigDecimal.toPlainString} or {@code setScale} of it fills the heap.
 * The exponent is what is bounded, so the refusal costs nothing.</li>
 * <li>A number, or text, that is no finite {@code double} where a {@code double} is expected.</li>
 * <li>The same bound on untyped values ({@code Map<String, Object>} bodies, Camunda's variable
 * values), and, for readers whose mapper Lodestar does not configure, {@link #problemIn(byte[])}.</li>
 * <li>Text with a NUL character: PostgreSQL cannot store it, and no person types it.</li>
 * </ul>
 * A value within these bounds can still be too large for its column: each amount is checked
 * against its column where it is stored ({@link DecimalColumn}).
 */
public final class JsonInputLimits {

	/** Characters of one number: far more than any amount, count or date a person sends. */
	public static final int MAX_NUMBER_LENGTH = 64;

	/** Largest decimal exponent, either way, of a number that is read as a decimal. */
	public static final int MAX_MAGNITUDE = 100;

	private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
		.maxNumberLength(MAX_NUMBER_LENGTH)
		.build();

	static {
		// Camunda's REST API (and the web apps' copy of it) make a new ObjectMapper per request
		// from Jackson's defaults: the default is where the number length limit reaches them.
		StreamReadConstraints.overrideDefaultStreamReadConstraints(CONSTRAINTS);
	}

	private JsonInputLimits() {
	}

	/** The limits on this mapper: its factory's number length and the module of {@link #module()}. */
	public static ObjectMapper limit(ObjectMapper mapper) {
		JsonFactory factory = mapper.getFactory();
		factory.setStreamReadConstraints(CONSTRAINTS);
		return mapper.registerModule(module());
	}

	/** The stream read constraints (number length) that every JSON reader of Lodestar applies. */
	public static StreamReadConstraints constraints() {
		return CONSTRAINTS;
	}

	/** Deserializers for text and numbers that refuse what the class comment lists. */
	public static Module module() {
		var module = new SimpleModule("lodestar-json-input-limits");
		module.addDeserializer(String.class, new NulRefusingStrings());
		module.addDeserializer(BigDecimal.class, new BoundedDecimals());
		module.addDeserializer(BigInteger.class, new BoundedIntegers());
		module.addDeserializer(Double.class, new FiniteDoubles(Double.class, null));
		module.addDeserializer(double.class, new FiniteDoubles(double.class, 0d));
		module.addDeserializer(Object.class, new BoundedUntyped());
		return module;
	}

	/**
	 * Whether a decimal is within {@link #MAX_MAGNITUDE}: compares exponents (precision and scale),
	 * never the digits written out.
	 */
	public static boolean withinMagnitude(BigDecimal value) {
		long integerDigits = (long) value.precision() - value.scale();
		return integerDigits <= MAX_MAGNITUDE && value.scale() <= MAX_MAGNITUDE;
	}

	private static final JsonFactory CHECKING_FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

	/**
	 * What in a JSON body is out of these limits, naming where (a JSON pointer such as
	 * {@code /variables/amount/value}), or {@code null} when nothing is: for readers whose
	 * ObjectMapper Lodestar does not configure (Camunda's web apps' copy of the REST API, whose
	 * variable values are read untyped). Reads the tokens only: {@code 1e999999999} costs as
	 * little as {@code 12}.
	 */
	public static String problemIn(byte[] json) {
		try (JsonParser parser = CHECKING_FACTORY.createParser(json)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.VALUE_NUMBER_FLOAT && !withinMagnitude(parser.getDecimalValue())) {
					return where(parser) + ": a number out of range (" + abbreviated(parser) + ")";
				}
				if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
						&& parser.getText().indexOf('\u0000') >= 0) {
					return where(parser) + ": text with a NUL character";
				}
			}
			return null;
		}
		catch (IOException e) {
			String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
					? processing.getOriginalMessage() : e.getMessage();
			return "not valid JSON: " + message;
		}
	}

	private static String where(JsonParser parser) {
		String pointer = parser.getParsingContext().pathAsPointer().toString();
		return pointer.isEmpty() ? "/" : pointer;
	}

	private static final class NulRefusingStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\u0000') >= 0) {
				throw InvalidFormatException.from(parser, "text with a NUL character", text, String.class);
			}
			return text;
		}

	}

	private static final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			BigDecimal value = super.deserialize(parser, context);
			if (value != null && !withinMagnitude(value)) {
				throw InvalidFormatException.from(parser, "a number out of range", abbreviated(parser), BigDecimal.class);
			}
			return value;
		}

	}

	private static final class BoundedIntegers extends NumberDeserializers.BigIntegerDeserializer {

		@Override
		public BigInteger deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			// Jackson turns 1e999999999 into a BigInteger by writing out every digit: look first
			if (parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
				if (!withinMagnitude(parser.getDecimalValue())) {
					throw InvalidFormatException.from(parser, "a number out of range", abbreviated(parser),
							BigInteger.class);
				}
			}
			return super.deserialize(parser, context);
		}

	}

	/**
	 * Values of {@code Map<String, Object>} bodies (a task's form fields) and of Camunda's untyped
	 * variable values: a decimal out of {@link #MAX_MAGNITUDE} would become an infinite
	 * {@code Double} (or, with decimals, a billion digits) that no deserializer above sees.
	 */
	private static final class BoundedUntyped extends com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer {

		BoundedUntyped() {
			super((com.fasterxml.jackson.databind.JavaType) null, (com.fasterxml.jackson.databind.JavaType) null);
		}

		/** Itself: Jackson's contextual copy would be a plain {@code UntypedObjectDeserializer}. */
		@Override
		public com.fasterxml.jackson.databind.JsonDeserializer<?> createContextual(DeserializationContext context,
				com.fasterxml.jackson.databind.BeanProperty property) {
			return this;
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT) && !withinMagnitude(parser.getDecimalValue())) {
				throw InvalidFormatException.from(parser, "a number out of range", abbreviated(parser), Object.class);
			}
			return super.deserialize(parser, context);
		}

	}

	private static final class FiniteDoubles extends NumberDeserializers.DoubleDeserializer {

		FiniteDoubles(Class<Double> type, Double empty) {
			super(type, empty);
		}

		@Override
		public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			// from a number or from text: Camunda reads a variable {"value": "1e999999999", "type": "Double"}
			// by reading the text as a Double
			Double value = super.deserialize(parser, context);
			if (value != null && !Double.isFinite(value)) {
				throw InvalidFormatException.from(parser, "a number out of range", abbreviated(parser), Double.class);
			}
			return value;
		}

	}

	private static String abbreviated(JsonParser parser) throws IOException {
		String text = parser.getText();
		return text == null || text.length() <= 20 ? text : text.substring(0, 20) + "…";
	}

}
