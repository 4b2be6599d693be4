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

	/** The lead's stage of the leads here (qualified for the opportunity's stages). */
	LeadStage leadStage() {
		return switch (this) {
			case PROPOSAL, DISCOUNT_APPROVAL, NEGOTIATION, WON, LOST -> LeadStage.QUALIFIED;
			default -> LeadStage.valueOf(name());
		};
	}

	/** The opportunity's stage of the leads here, {@code null} before there is one. */
	OpportunityStage opportunityStage() {
		return leadStage() == LeadStage.QUALIFIED ? OpportunityStage.valueOf(name()) : null;
	}

	/** Whether a qualified lead whose opportunity is not open yet stands here (it shows as a proposal). */
	boolean orWithoutOpportunity() {
		return this == PROPOSAL;
	}

	/**
	 * Whether leads here are done with (won, lost, disqualified): the board folds such a stage to
	 * its count and links to its list, so that the page does not grow with the history.
	 */
	public boolean finished() {
		return this == WON || this == LOST || this == DISQUALIFIED;
	}

}
