package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the go-live gate and of the power/interest grid, on the deployed DMN files. */
class RolloutDecisionsTest {

	static DmnEngine dmn;

	static DmnDecision gate;

	static DmnDecision grid;

	@BeforeAll
	static void parse() throws Exception {
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		gate = decision("processes/go-live-gate.dmn", RolloutProcess.DECISION_GATE);
		grid = decision("processes/communication-plan.dmn", StakeholderAssessmentProcess.DECISION_COMMUNICATION_PLAN);
	}

	private static DmnDecision decision(String resource, String key) throws Exception {
		try (InputStream in = RolloutDecisionsTest.class.getClassLoader().getResourceAsStream(resource)) {
			return dmn.parseDecision(key, in);
		}
	}

	private static Map<String, Object> ready() {
		var figures = new HashMap<String, Object>();
		figures.put("executivesCompletion", 100.0);
		figures.put("projectTeamCompletion", 90.0);
		figures.put("endUsersCompletion", 80.0);
		figures.put("openBarrierPoints", 2);
		figures.put("uatPassed", true);
		figures.put("openCriticalIssues", 0);
		return figures;
	}

	private static List<Object> reasons(Map<String, Object> figures) {
		return dmn.evaluateDecisionTable(gate, figures).collectEntries("reason");
	}

	@Test
	void gateSaysGoWhenEveryCriterionIsMetAtItsThreshold() {
		assertThat(reasons(ready())).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"executivesCompletion  | 99.9  | Executive training is below 100%: train the remaining executives",
			"projectTeamCompletion | 89.9  | Project team and middle-manager training is below 90%",
			"endUsersCompletion    | 79.9  | End-user system training is below 80%",
			"openBarrierPoints     | 3     | More than two ADKAR barrier points are still open",
			"uatPassed             | false | User acceptance testing has not passed",
			"openCriticalIssues    | 1     | Critical issues are still open" })
	void gateSaysNoGoWithTheReasonOfEachFailedCriterion(String input, String value, String reason) {
		var figures = ready();
		Object typed = switch (input) {
			case "uatPassed" -> Boolean.valueOf(value);
			case "openBarrierPoints", "openCriticalIssues" -> Integer.valueOf(value);
			default -> Double.valueOf(value);
		};
		figures.put(input, typed);
		assertThat(reasons(figures)).containsExactly(reason);
	}

	@Test
	void gateCollectsEveryReasonAtOnce() {
		var figures = ready();
		figures.put("uatPassed", false);
		figures.put("openCriticalIssues", 2);
		figures.put("endUsersCompletion", 50.0);
		assertThat(reasons(figures)).hasSize(3);
	}

	@ParameterizedTest
	@CsvSource({ "5, 5, MANAGE_CLOSELY, weekly", "4, 4, MANAGE_CLOSELY, weekly", "5, 3, KEEP_SATISFIED, monthly",
			"4, 1, KEEP_SATISFIED, monthly", "3, 4, KEEP_INFORMED, every two weeks", "1, 5, KEEP_INFORMED, every two weeks",
			"3, 3, MONITOR, quarterly", "1, 1, MONITOR, quarterly" })
	void gridQuadrantDrivesTheCommunicationPlan(int influence, int interest, String quadrant, String cadence) {
		var result = dmn.evaluateDecisionTable(grid, Map.of("influence", influence, "interest", interest)).getSingleResult();
		assertThat(result.<String>getEntry("quadrant")).isEqualTo(quadrant);
		assertThat(result.<String>getEntry("cadence")).isEqualTo(cadence);
		assertThat(result.<String>getEntry("channel")).isNotBlank();
	}

}
