package dev.lodestar.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An open lead as the forecast reads it: a row of {@link Leads#forecastLeads()}. */
record ForecastLead(Long id, String company, String owner, LeadStage leadStage, OpportunityStage opportunityStage,
		BigDecimal amount, LocalDate expectedClose, Integer probability, Instant createdAt) {

	PipelineStage stage() {
		return PipelineStage.of(leadStage, opportunityStage);
	}

}
