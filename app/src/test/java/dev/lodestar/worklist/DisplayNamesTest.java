package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

	@Test
	void aVariableInAStepsNameTakesTheCasesValue() {
		assertThat(DisplayNames.resolve("Plan the sessions of ${waveName}", Map.of("waveName", "End users")))
			.isEqualTo("Plan the sessions of End users");
	}

	@Test
	void whatCannotBeResolvedNeverShowsAsAnExpression() {
		assertThat(DisplayNames.resolve("Review the KPIs of ${kpiPeriod}", Map.of())).isEqualTo("Review the KPIs of \u2026");
		assertThat(DisplayNames.clean("Act on ${kpiReviewService.nameOf(kpiCode)}: coach or retrain the team"))
			.isEqualTo("Act on \u2026: coach or retrain the team");
		assertThat(DisplayNames.clean("Qualify lead (BANT)")).isEqualTo("Qualify lead (BANT)");
	}

}
