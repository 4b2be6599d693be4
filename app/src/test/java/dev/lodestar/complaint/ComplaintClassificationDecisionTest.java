package dev.lodestar.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of {@code processes/complaint-classification.dmn}, on the DMN engine alone. The table
 * has hit policy FIRST, so each row also proves that the rules above it do not match.
 */
class ComplaintClassificationDecisionTest {

	private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static final DmnDecision DECISION = parse();

	private static DmnDecision parse() {
		try (InputStream dmn = ComplaintClassificationDecisionTest.class
			.getResourceAsStream("/processes/complaint-classification.dmn")) {
			return ENGINE.parseDecision(ComplaintToResolution.DECISION_KEY, dmn);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@ParameterizedTest(name = "{0} / {1} / {2} -> {3} {4}h/{5}h {6} {7}")
	@CsvSource({
			// Rule_Safety: whatever tier and channel
			"SAFETY,         STANDARD, EMAIL, CRITICAL, 1,  8,  safety,    service-manager",
			"SAFETY,         PLATINUM, PHONE, CRITICAL, 1,  8,  safety,    service-manager",
			// Rule_Platinum
			"BILLING,        PLATINUM, WEB,   HIGH,     2,  16, priority,  service-agent",
			"PRODUCT_DEFECT, PLATINUM, STORE, HIGH,     2,  16, priority,  service-agent",
			// Rule_DefectGold
			"PRODUCT_DEFECT, GOLD,     EMAIL, HIGH,     4,  24, quality,   service-agent",
			// Rule_Defect
			"PRODUCT_DEFECT, STANDARD, PHONE, MEDIUM,   8,  40, quality,   service-agent",
			// Rule_DeliveryInPerson
			"DELIVERY,       STANDARD, PHONE, MEDIUM,   4,  24, logistics, service-agent",
			"DELIVERY,       GOLD,     STORE, MEDIUM,   4,  24, logistics, service-agent",
			// Rule_Delivery
			"DELIVERY,       STANDARD, WEB,   MEDIUM,   8,  32, logistics, service-agent",
			// Rule_Billing
			"BILLING,        GOLD,     EMAIL, LOW,      8,  40, billing,   service-agent",
			// Rule_Other
			"SERVICE,        STANDARD, WEB,   LOW,      16, 40, general,   service-agent",
			"SERVICE,        GOLD,     PHONE, LOW,      16, 40, general,   service-agent" })
	void classifiesEachCombinationByItsRule(String category, String tier, String channel, String severity,
			int responseHours, int resolutionHours, String queue, String role) {
		DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(DECISION,
				Map.of("category", category, "customerTier", tier, "channel", channel));

		assertThat(result.getSingleResult().getEntryMap()).containsEntry("severity", severity)
			.containsEntry("responseTargetHours", responseHours)
			.containsEntry("resolutionTargetHours", resolutionHours)
			.containsEntry("queue", queue)
			.containsEntry("handlingRole", role);
	}

}
