package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

class JsonInputLimitsUnitTest {

	private final ObjectMapper mapper = JsonInputLimits.limit(new ObjectMapper());

	private Map<String, Object> read(String json) throws Exception {
		return mapper.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	@Test
	void untypedValuesOfAMapBodyRefuseNumbersBeyondTheMagnitudeNamingTheTopField() {
		for (String number : new String[] { "1e999999999", "-1e999999999", "1e309", "1e101", "1e-101" }) {
			long start = System.nanoTime();
			assertThatThrownBy(() -> read("{\"form\":{\"discountPercent\":" + number + "}}")).as(number)
				.isInstanceOf(InvalidFormatException.class)
				// the top-level field: Jackson's untyped maps do not add the inner keys to the path
				.satisfies(e -> assertThat(((InvalidFormatException) e).getPathReference()).contains("form"));
			assertThatThrownBy(() -> read("{\"list\":[1," + number + "]}")).as(number)
				.isInstanceOf(InvalidFormatException.class);
			assertThat((System.nanoTime() - start) / 1_000_000).as(number + " ms").isLessThan(200);
		}
	}

	@Test
	void aDoubleReadFromTextIsFiniteToo() throws Exception {
		// Camunda reads {"value": "1e999999999", "type": "Double"} as readValue("\"1e999999999\"", Double.class)
		assertThatThrownBy(() -> mapper.readValue("\"1e999999999\"", Double.class)).isInstanceOf(InvalidFormatException.class);
		assertThatThrownBy(() -> mapper.readValue("\"-1e400\"", Double.class)).isInstanceOf(InvalidFormatException.class);
		assertThat(mapper.readValue("\"12.5\"", Double.class)).isEqualTo(12.5);
	}

	@Test
	void untypedTextOfAMapBodyRefusesNul() {
		assertThatThrownBy(() -> read("{\"note\":{\"text\":\"a\\u0000b\"}}")).isInstanceOf(InvalidFormatException.class)
			.hasMessageContaining("NUL");
	}

	@Test
	void untypedValuesInRangeReadAsBefore() throws Exception {
		var read = read("{\"a\":12.5,\"b\":1e99,\"c\":7,\"d\":\"text\",\"e\":[1,\"x\",{\"f\":null}],\"g\":true}");
		assertThat(read).containsEntry("a", 12.5).containsEntry("b", 1e99).containsEntry("c", 7).containsEntry("d", "text")
			.containsEntry("g", true);
		assertThat(read.get("e")).isEqualTo(java.util.List.of(1, "x", java.util.Collections.singletonMap("f", null)));
	}

	@Test
	void aBodysTokensAreCheckedWithoutAMapperNamingWhere() {
		assertThat(problem("{\"variables\":{\"amount\":{\"value\":1e999999999}}}")).contains("/variables/amount/value");
		assertThat(problem("{\"variables\":{\"name\":{\"value\":\"a\\u0000b\"}}}")).contains("/variables/name/value", "NUL");
		assertThat(problem("{\"a\":" + "1".repeat(65) + "}")).isNotNull();
		assertThat(problem("{\"variables\":{\"amount\":{\"value\":1e20,\"type\":\"Double\"}},\"x\":[1,2.5,\"y\"]}")).isNull();
	}

	private static String problem(String json) {
		return JsonInputLimits.problemIn(json.getBytes(StandardCharsets.UTF_8));
	}

}
