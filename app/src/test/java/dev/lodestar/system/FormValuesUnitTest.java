package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** The one way form values are read, whatever type they arrive as. */
class FormValuesUnitTest {

	@Test
	void amountsAreReadAsPeopleWriteThemOrRefusedNamingTheField() {
		assertThat(FormValues.decimal("amount", "50,000")).isEqualByComparingTo("50000");
		assertThat(FormValues.decimal("amount", "５００００")).isEqualByComparingTo("50000");
		assertThat(FormValues.decimal("amount", 48000L)).isEqualByComparingTo("48000");
		assertThat(FormValues.decimal("amount", 50000.5d)).isEqualByComparingTo("50000.5");
		assertThat(FormValues.decimal("amount", " ")).isNull();
		assertThatThrownBy(() -> FormValues.decimal("amount", "50,00")).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("amount"));
		assertThat(FormValues.decimalOrNull(Double.POSITIVE_INFINITY)).isNull();
		assertThat(FormValues.decimalOrNull(new BigDecimal("1e999999999"))).isNull();
		assertThat(FormValues.decimalOrNull(true)).isNull();
	}

	@Test
	void wholeNumbersYesNoAndIds() {
		assertThat(FormValues.integer("score", 3.0d)).isEqualTo(3);
		assertThat(FormValues.integer("score", "4")).isEqualTo(4);
		assertThat(FormValues.integer("score", null)).isNull();
		assertThatThrownBy(() -> FormValues.integer("score", 2.5d)).isInstanceOf(InvalidInputException.class);
		assertThat(FormValues.bool(true)).isTrue();
		assertThat(FormValues.bool("TRUE")).isTrue();
		assertThat(FormValues.bool("yes")).isFalse();
		assertThat(FormValues.bool(null)).isFalse();
		assertThat(FormValues.id(7)).isEqualTo(7L);
		assertThat(FormValues.id("42")).isEqualTo(42L);
		assertThat(FormValues.idOrEmpty("x1")).isEmpty();
		assertThat(FormValues.idOrEmpty("99999999999999999999")).isEmpty();
	}

	@Test
	void datesAsTheEngineOrAFormHandsThemOver() {
		Instant at = Instant.parse("2026-12-01T09:00:00Z");
		assertThat(FormValues.instant("due", "2026-12-01")).isEqualTo(at);
		assertThat(FormValues.instant("due", "2026-12-01T10:00:00+01:00")).isEqualTo(at);
		assertThat(FormValues.instant("due", "2026-12-01T09:00:00")).isEqualTo(at);
		assertThat(FormValues.instant("due", "2026-12-01T17:00", ZoneId.of("Asia/Shanghai"))).isEqualTo(at);
		assertThat(FormValues.instant("due", Date.from(at))).isEqualTo(at);
		assertThat(FormValues.instant("due", "")).isNull();
		assertThatThrownBy(() -> FormValues.instant("due", "next week")).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("due"));
	}

	@Test
	void codesInAnyCase() {
		assertThat(FormValues.code("unit", java.util.concurrent.TimeUnit.class, " days ")).isEqualTo(
				java.util.concurrent.TimeUnit.DAYS);
		assertThat(FormValues.code("unit", java.util.concurrent.TimeUnit.class, "")).isNull();
		assertThatThrownBy(() -> FormValues.code("unit", java.util.concurrent.TimeUnit.class, "weeks"))
			.isInstanceOf(InvalidInputException.class);
	}

}
