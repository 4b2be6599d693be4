package dev.lodestar.lead;

/**
 * The columns of the pipeline board: where a lead stands, the lead's own stage until it is
 * qualified, its opportunity's stage after that.
 */
public enum PipelineStage {
	NEW, DUPLICATE_REVIEW, QUALIFYING, PROPOSAL, DISCOUNT_APPROVAL, NEGOTIATION, WON, LOST, DISQUALIFIED;

	static PipelineStage of(Lead lead, Opportunity opportunity) {
		return of(lead.getStage(), opportunity == null ? null : opportunity.getStage());
	}

	static PipelineStage of(LeadStage lead, OpportunityStage opportunity) {
		if (lead == LeadStage.QUALIFIED) {
			return opportunity == null ? PROPOSAL : valueOf(opportunity.name());
		}
		return valueOf(lead.name());
	}

	/**
	 * Whether leads here are done with (won, lost, disqualified): the board folds such a stage to
	 * its count and links to its list, so that the page does not grow with the history.
	 */
	public boolean finished() {
		return this == WON || this == LOST || this == DISQUALIFIED;
	}

}
