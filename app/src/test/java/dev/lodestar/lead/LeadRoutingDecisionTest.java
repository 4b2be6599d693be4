package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

/** Every rule of processes/lead-routing.dmn, as deployed. */
@LodestarIntegrationTest
class LeadRoutingDecisionTest {

	@Autowired
	DecisionService decisionService;

	@Autowired
	HistoryService historyService;

	@ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4}")
	@CsvSource({
			// source, region, segment, dealSize -> rule, priority, queue, followUpDays
			"WEB, APAC, SMB, 150000, Rule_KeyAccount, HIGH, sales-manager, 1",
			"REFERRAL, NA, ENTERPRISE, 100000, Rule_KeyAccount, HIGH, sales-manager, 1",
			"WEB, LATAM, ENTERPRISE, 5000, Rule_Enterprise, HIGH, sales-rep, 1",
			"REFERRAL, APAC, SMB, 0, Rule_ReferralOrPartner, HIGH, sales-rep, 2",
			"PARTNER, LATAM, UNKNOWN, 99999, Rule_ReferralOrPartner, HIGH, sales-rep, 2",
			"WEB, EMEA, SMB, 0, Rule_InboundCoreRegion, MEDIUM, sales-rep, 3",
			"PHONE, NA, CONSUMER, 0, Rule_InboundCoreRegion, MEDIUM, sales-rep, 3",
			"EMAIL, EMEA, UNKNOWN, 0, Rule_InboundCoreRegion, MEDIUM, sales-rep, 3",
			"EVENT, APAC, SMB, 0, Rule_Event, MEDIUM, sales-rep, 3",
			"WEB, APAC, SMB, 0, Rule_Default, LOW, sales-rep, 5",
			"IMPORT, EMEA, UNKNOWN, 0, Rule_Default, LOW, sales-rep, 5" })
	void routesEachKindOfLeadByTheFirstMatchingRule(String source, String region, String segment, double dealSize,
			String rule, String priority, String queue, int followUpDays) {
		var variables = new HashMap<String, Object>();
		variables.put("source", source);
		variables.put("region", region);
		variables.put("segment", segment);
		variables.put("dealSize", dealSize);

		var result = decisionService.evaluateDecisionTableByKey(LeadProcess.ROUTING_DECISION, variables).getSingleResult();

		assertThat(result.<String>getEntry("priority")).isEqualTo(priority);
		assertThat(result.<String>getEntry("queue")).isEqualTo(queue);
		assertThat(result.<Integer>getEntry("followUpDays")).isEqualTo(followUpDays);
		var evaluation = historyService.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(LeadProcess.ROUTING_DECISION)
			.includeOutputs()
			.orderByEvaluationTime()
			.desc()
			.listPage(0, 1)
			.get(0);
		assertThat(evaluation.getOutputs()).extracting(o -> o.getRuleId()).containsOnly(rule);
	}

}
