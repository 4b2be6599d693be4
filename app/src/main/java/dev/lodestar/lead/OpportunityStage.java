package dev.lodestar.lead;

/** Where an opportunity is, from proposal to won or lost. */
public enum OpportunityStage {
	PROPOSAL, DISCOUNT_APPROVAL, NEGOTIATION, WON, LOST
}
