package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * One limit per field, from the form to the column. For every field of every form in
 * {@code forms/} and every component of every request body of the JSON API, what the field
 * accepts (the form's constraints and the server's: {@link FormValidator}, Bean Validation) must
 * fit every place that keeps it ({@code limits/field-columns.csv}) in the schema that Flyway builds:
 * a text no longer than the column, a number within the column's precision and scale, a yes/no in
 * a boolean, a time in a timestamp. A field without a row fails too: a new field says where it goes.
 */
class FieldLimitsTest {

	/** The engine keeps a string variable in a column of 4,000 characters (ACT_RU_VARIABLE.TEXT_). */
	private static final int ENGINE_TEXT = 4000;

	private static final Path FORMS = Path.of("..", "forms");

	private static Map<String, Column> columns;

	private static Map<String, List<String>> places;

	@BeforeAll
	static void schemaAfterFlyway() throws Exception {
		columns = columnsAfterMigrations("classpath:db/migration", "classpath:db/vendor/h2");
		places = places();
	}

	/** What a field accepts. */
	sealed interface Accepts {
	}

	record Text(long maxChars) implements Accepts {
	}

	/** {@code decimals} null: any number of decimal places. */
	record Number(BigDecimal largest, Integer decimals) implements Accepts {
	}

	record YesNo() implements Accepts {
	}

	record Time() implements Accepts {
	}

	/** A calendar day without a time (a {@code LocalDate}): a date column holds it, as a timestamp does. */
	record Day() implements Accepts {
	}

	record Column(String type, long length, int precision, int scale) {

		boolean text() {
			return type.startsWith("CHARACTER");
		}

	}

	@Test
	void everyFormFieldFitsEveryPlaceThatKeepsIt() throws IOException {
		var problems = new ArrayList<String>();
		int fields = 0;
		try (var files = Files.list(FORMS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				var form = FormSchema.of((ObjectNode) new ObjectMapper().readTree(file.toFile()));
				var json = new ObjectMapper().readTree(file.toFile());
				for (FormSchema.Field field : form.fields()) {
					fields++;
					problems.addAll(check(form.id(), field.key(), accepts(field, decimalDigits(json, field.key()))));
				}
			}
		}
		System.out.printf("FieldLimitsTest: %d form fields checked against %d columns%n", fields, columns.size());
		assertThat(problems).as("form fields whose column cannot hold what the form accepts").isEmpty();
	}

	@Test
	void everyRequestBodyComponentFitsEveryPlaceThatKeepsIt() {
		var problems = new ArrayList<String>();
		int components = 0;
		for (Class<?> body : requestBodies()) {
			for (RecordComponent component : body.getRecordComponents()) {
				Accepts accepts = accepts(component);
				if (accepts == null) {
					continue; // lists and maps: their items are checked where they are kept
				}
				components++;
				problems.addAll(check(body.getSimpleName(), component.getName(), accepts));
			}
		}
		System.out.printf("FieldLimitsTest: %d request-body components checked%n", components);
		assertThat(problems).as("request-body components whose column cannot hold what the API accepts").isEmpty();
	}

	@Test
	void aColumnNarrowedByAMigrationIsFound() throws Exception {
		// the same check against the schema with one more migration that narrows a column
		Path extra = Files.createTempDirectory("narrowing");
		Files.writeString(extra.resolve("V9999__narrow.sql"),
				"alter table crm_complaint alter column description set data type varchar(2000);",
				StandardCharsets.UTF_8);
		var narrowed = columnsAfterMigrations("classpath:db/migration", "classpath:db/vendor/h2",
				"filesystem:" + extra.toAbsolutePath());
		var before = columns;
		try {
			columns = narrowed;
			assertThat(check("ComplaintIntake", "description", new Text(4000)))
				.singleElement()
				.asString()
				.contains("crm_complaint.description");
		}
		finally {
			columns = before;
		}
	}

	private static List<String> check(String source, String field, Accepts accepts) {
		var problems = new ArrayList<String>();
		List<String> where = places.get(source + "," + field);
		if (where == null) {
			problems.add(source + "." + field + ": no row in limits/field-columns.csv says where it is kept");
			return problems;
		}
		for (String place : where) {
			String problem = fits(accepts, place);
			if (problem != null) {
				problems.add(source + "." + field + " accepts " + accepts + " but " + place + " " + problem);
			}
		}
		return problems;
	}

	/** Null when the place holds every value the field accepts; otherwise why not. */
	static String fits(Accepts accepts, String place) {
		if ("-".equals(place)) {
			return null;
		}
		if ("variable".equals(place)) {
			return accepts instanceof Text text && text.maxChars() > ENGINE_TEXT ? "holds " + ENGINE_TEXT + " characters"
					: null;
		}
		int overhead = 0;
		String name = place;
		if (place.contains("+")) {
			name = place.substring(0, place.indexOf('+'));
			overhead = Integer.parseInt(place.substring(place.indexOf('+') + 1));
		}
		Column column = columns.get(name.toLowerCase(Locale.ROOT));
		if (column == null) {
			return "does not exist";
		}
		if (accepts instanceof Text text) {
			if (!column.text()) {
				return "is " + column.type();
			}
			return text.maxChars() > column.length() - overhead
					? "holds " + column.length() + " characters" + (overhead > 0 ? " (with a prefix of " + overhead + ")" : "")
					: null;
		}
		if (accepts instanceof Number number) {
			switch (column.type()) {
				case "DOUBLE PRECISION", "REAL", "DECFLOAT":
					return null;
				case "INTEGER", "BIGINT", "SMALLINT": {
					if (number.decimals() == null || number.decimals() > 0) {
						return "is " + column.type() + " (whole numbers), the field takes decimals";
					}
					BigDecimal limit = "BIGINT".equals(column.type()) ? BigDecimal.valueOf(Long.MAX_VALUE)
							: "INTEGER".equals(column.type()) ? BigDecimal.valueOf(Integer.MAX_VALUE)
									: BigDecimal.valueOf(Short.MAX_VALUE);
					return number.largest().compareTo(limit) > 0 ? "is " + column.type() : null;
				}
				case "NUMERIC", "DECIMAL": {
					if (number.decimals() == null || number.decimals() > column.scale()) {
						return "keeps " + column.scale() + " decimals, the field takes "
								+ (number.decimals() == null ? "any number" : number.decimals());
					}
					BigDecimal limit = BigDecimal.TEN.pow(column.precision() - column.scale());
					return number.largest().compareTo(limit) >= 0
							? "is NUMERIC(" + column.precision() + ", " + column.scale() + ")" : null;
				}
				default:
					return "is " + column.type();
			}
		}
		if (accepts instanceof YesNo) {
			return "BOOLEAN".equals(column.type()) ? null : "is " + column.type();
		}
		if (accepts instanceof Day) {
			return "DATE".equals(column.type()) || column.type().startsWith("TIMESTAMP") ? null : "is " + column.type();
		}
		return column.type().startsWith("TIMESTAMP") ? null : "is " + column.type();
	}

	private static Accepts accepts(FormSchema.Field field, Integer decimalDigits) {
		return switch (field.type()) {
			case "checkbox" -> new YesNo();
			case "datetime" -> new Time();
			case "number" -> new Number(largest(field.min(), field.max()), decimalDigits);
			case "radio", "select" -> field.options().isEmpty() ? new Text(FormValidator.LONGEST_TEXT)
					: new Text(field.options().stream().mapToInt(String::length).max().orElse(0));
			default -> new Text(field.maxLength() != null && field.maxLength() < FormValidator.LONGEST_TEXT
					? field.maxLength() : FormValidator.LONGEST_TEXT);
		};
	}

	private static BigDecimal largest(Double min, Double max) {
		double low = min == null ? -FormValidator.LARGEST_NUMBER : Math.max(min, -FormValidator.LARGEST_NUMBER);
		double high = max == null ? FormValidator.LARGEST_NUMBER : Math.min(max, FormValidator.LARGEST_NUMBER);
		return BigDecimal.valueOf(Math.max(Math.abs(low), Math.abs(high)));
	}

	private static Integer decimalDigits(com.fasterxml.jackson.databind.JsonNode form, String key) {
		var found = new Integer[1];
		form.findParents("key").forEach(component -> {
			if (key.equals(component.path("key").asText()) && component.path("decimalDigits").isNumber()) {
				found[0] = component.path("decimalDigits").asInt();
			}
		});
		return found[0];
	}

	/** What a record component accepts, by its type and its Bean Validation constraints. */
	private static Accepts accepts(RecordComponent component) {
		Class<?> type = component.getType();
		if (type == String.class) {
			// a code (@OneOf): as long as the longest code; an amount as people write it (@WrittenAmount): a number
			var code = annotation(component, dev.lodestar.system.OneOf.class);
			if (code != null) {
				return new Text(java.util.Arrays.stream(code.value().getEnumConstants())
					.mapToInt(constant -> ((Enum<?>) constant).name().length())
					.max()
					.orElse(0));
			}
			var amount = annotation(component, dev.lodestar.system.WrittenAmount.class);
			if (amount != null) {
				int integer = amount.precision() - amount.scale();
				return new Number(BigDecimal.TEN.pow(integer).subtract(BigDecimal.ONE.movePointLeft(amount.scale())),
						amount.scale());
			}
			Size size = annotation(component, Size.class);
			return new Text(size == null ? Long.MAX_VALUE : size.max());
		}
		if (type == Boolean.class || type == boolean.class) {
			return new YesNo();
		}
		if (type == java.time.LocalDate.class) {
			return new Day();
		}
		if (Temporal.class.isAssignableFrom(type) || type == Instant.class) {
			return new Time();
		}
		if (type.isEnum()) {
			int longest = 0;
			for (Object constant : type.getEnumConstants()) {
				longest = Math.max(longest, ((Enum<?>) constant).name().length());
			}
			return new Text(longest);
		}
		if (java.lang.Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			Integer decimals = type == Integer.class || type == int.class || type == Long.class || type == long.class
					? Integer.valueOf(0) : null;
			BigDecimal largest = type == Integer.class || type == int.class ? BigDecimal.valueOf(Integer.MAX_VALUE)
					: type == Long.class || type == long.class ? BigDecimal.valueOf(Long.MAX_VALUE)
							: BigDecimal.valueOf(Double.MAX_VALUE);
			Digits digits = annotation(component, Digits.class);
			if (digits != null) {
				decimals = digits.fraction();
				largest = BigDecimal.TEN.pow(digits.integer()).subtract(BigDecimal.ONE.movePointLeft(digits.fraction()));
			}
			BigDecimal bound = bound(component);
			if (bound != null && bound.compareTo(largest) < 0) {
				largest = bound;
			}
			return new Number(largest, decimals);
		}
		if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isRecord()) {
			return null;
		}
		throw new IllegalStateException("a request body component of a type this test does not know: " + component);
	}

	/** Bean Validation's constraints do not target record components: they land on the field. */
	private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent component, Class<A> type) {
		try {
			return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static BigDecimal bound(RecordComponent component) {
		BigDecimal high = null;
		BigDecimal low = null;
		if (annotation(component, Max.class) != null) {
			high = BigDecimal.valueOf(annotation(component, Max.class).value());
		}
		if (annotation(component, DecimalMax.class) != null) {
			high = new BigDecimal(annotation(component, DecimalMax.class).value());
		}
		if (annotation(component, Min.class) != null) {
			low = BigDecimal.valueOf(annotation(component, Min.class).value());
		}
		if (annotation(component, DecimalMin.class) != null) {
			low = new BigDecimal(annotation(component, DecimalMin.class).value());
		}
		if (high == null || low == null) {
			return null; // one side open: the type's own range
		}
		return high.abs().max(low.abs());
	}

	/** The records that controllers of the JSON API take as request bodies. */
	private static Set<Class<?>> requestBodies() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		var bodies = new LinkedHashSet<Class<?>>();
		for (var candidate : scanner.findCandidateComponents("dev.lodestar")) {
			Class<?> controller;
			try {
				controller = Class.forName(candidate.getBeanClassName());
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
			for (var method : controller.getDeclaredMethods()) {
				for (var parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
						bodies.add(parameter.getType());
					}
				}
			}
		}
		assertThat(bodies).as("request-body records found").hasSizeGreaterThan(20);
		return bodies;
	}

	private static Map<String, List<String>> places() throws IOException {
		var map = new HashMap<String, List<String>>();
		for (String line : new ClassPathResource("limits/field-columns.csv").getContentAsString(StandardCharsets.UTF_8)
			.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.strip().split(",");
			map.computeIfAbsent(cells[0] + "," + cells[1], k -> new ArrayList<>()).add(cells[2]);
		}
		return map;
	}

	/** The app's own tables as H2 builds them from the migrations (Camunda's tables are not Flyway's). */
	static Map<String, Column> columnsAfterMigrations(String... locations) throws SQLException {
		String url = "jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure().dataSource(url, "sa", "").locations(locations).load().migrate();
		var found = new LinkedHashMap<String, Column>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select table_name, column_name, data_type, character_maximum_length,"
						+ " numeric_precision, numeric_scale from information_schema.columns"
						+ " where table_schema = 'PUBLIC'")) {
			while (rows.next()) {
				found.put((rows.getString(1) + "." + rows.getString(2)).toLowerCase(Locale.ROOT),
						new Column(rows.getString(3), rows.getLong(4), rows.getInt(5), rows.getInt(6)));
			}
			statement.execute("shutdown");
		}
		return found;
	}

	@Test
	void everyRowOfTheMapNamesAFieldThatExists() throws IOException {
		var sources = new TreeSet<String>();
		try (var files = Files.list(FORMS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				var form = FormSchema.of((ObjectNode) new ObjectMapper().readTree(file.toFile()));
				form.fields().forEach(f -> sources.add(form.id() + "," + f.key()));
			}
		}
		for (Class<?> body : requestBodies()) {
			for (RecordComponent component : body.getRecordComponents()) {
				sources.add(body.getSimpleName() + "," + component.getName());
			}
		}
		assertThat(new TreeSet<>(places.keySet())).as("rows in limits/field-columns.csv for fields that do not exist")
			.isSubsetOf(sources);
	}

}
