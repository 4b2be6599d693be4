package dev.lodestar.lead;

/**
 * The columns of the pipeline board: where a lead stands, the lead's own stage until it is
 * qualified, its opportunity's stage after that.
 */
public enum PipelineStage {
	NEW, DUPLICATE_REVIEW, QUALIFYING, PROPOSAL, DISCOUNT_APPROVAL, NEGOTIATION, WON, LOST, DISQUALIFIED;

	static PipelineStage of(Lead lead, Opportunity opportunity) {
		if (lead.getStage() == LeadStage.QUALIFIED) {
			return opportunity == null ? PROPOSAL : valueOf(opportunity.getStage().name());
		}
		return valueOf(lead.getStage().name());
	}

}
