package dev.lodestar.lead;

import java.math.BigDecimal;

/**
 * How many leads of one owner, region and source stand at one lead and opportunity stage, and
 * what they are worth: a group of {@link Leads#stageTotals()}.
 */
record PipelineTotal(LeadStage leadStage, OpportunityStage opportunityStage, String owner, Region region,
		LeadSource source, Long count, BigDecimal value) {

	PipelineStage stage() {
		return PipelineStage.of(leadStage, opportunityStage);
	}

}
