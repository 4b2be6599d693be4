package dev.lodestar.complaint;

/** How much business the customer does with us; better tiers get tighter service levels. */
public enum CustomerTier {
	STANDARD, GOLD, PLATINUM
}
