package dev.lodestar.customer;

import java.util.List;

/**
 * The result of {@link CustomerService#createOrLink}: which customer the new lead or caller is
 * now attached to and how.
 *
 * @param likelyDuplicates existing customers that only resemble a newly created one; each is
 *        recorded as an open possible duplicate for a person to confirm or merge
 */
public record CustomerLink(CustomerSummary customer, Outcome outcome, List<String> matchedOn,
		List<CustomerMatch> likelyDuplicates) {

	/** What happened. */
	public enum Outcome {
		/** An existing customer had the same e-mail or phone; nothing new was created. */
		LINKED,
		/** A new customer was created; nothing resembled it. */
		CREATED,
		/** A new customer was created, but it resembles existing ones (see likelyDuplicates). */
		CREATED_LIKELY_DUPLICATE
	}

	public boolean hasLikelyDuplicates() {
		return !likelyDuplicates.isEmpty();
	}

}
