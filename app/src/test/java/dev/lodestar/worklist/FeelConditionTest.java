package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FeelConditionTest {

	@Test
	void readsTheConditionsThatFormsUse() {
		assertThat(FeelCondition.evaluate("=qualified", Map.of("qualified", true))).isTrue();
		assertThat(FeelCondition.evaluate("=qualified", Map.of())).isFalse();
		assertThat(FeelCondition.evaluate("=not(qualified)", Map.of("qualified", false))).isTrue();
		assertThat(FeelCondition.evaluate("=not(qualified)", Map.of("qualified", true))).isFalse();
		assertThat(FeelCondition.evaluate("=won = \"lost\"", Map.of("won", "lost"))).isTrue();
		assertThat(FeelCondition.evaluate("=won = \"lost\"", Map.of("won", "won"))).isFalse();
		assertThat(FeelCondition.evaluate("=amount != 0", Map.of("amount", 5L))).isTrue();
		assertThat(FeelCondition.evaluate("=amount = 5", Map.of("amount", 5.0))).isTrue();
	}

	@Test
	void admitsWhatItDoesNotUnderstand() {
		assertThat(FeelCondition.evaluate("=amount > 1000 and qualified", Map.of())).isNull();
		assertThat(FeelCondition.evaluate("=not(amount > 3)", Map.of())).isNull();
	}

}
