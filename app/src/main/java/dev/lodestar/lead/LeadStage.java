package dev.lodestar.lead;

/** Where a lead is. A qualified lead continues as an {@link Opportunity}. */
public enum LeadStage {
	/** Captured, not yet matched and routed. */
	NEW,
	/** Resembles an existing customer: a rep confirms or merges. */
	DUPLICATE_REVIEW,
	/** Routed to a queue, waiting for BANT qualification. */
	QUALIFYING,
	/** Qualified: the opportunity carries on. */
	QUALIFIED,
	/** Not worth pursuing, with a reason. */
	DISQUALIFIED
}
