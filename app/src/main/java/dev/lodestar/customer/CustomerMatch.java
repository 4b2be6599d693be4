package dev.lodestar.customer;

import java.util.List;

/**
 * An existing customer that resembles the one asked about.
 *
 * @param strength {@link Strength#CERTAIN} (same e-mail or phone: the same customer) or
 *        {@link Strength#LIKELY} (similar name only: a person must confirm or merge)
 * @param reasons why it matched, for example {@code ["email"]} or {@code ["name"]}
 */
public record CustomerMatch(CustomerSummary customer, Strength strength, List<String> reasons) {

	/** How sure the match is. */
	public enum Strength {
		CERTAIN, LIKELY
	}

}
