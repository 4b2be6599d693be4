package dev.lodestar.customer;

import java.util.Optional;

/**
 * SPI: a module that owns customer-related cases (leads, complaints) implements this as a
 * Spring bean to add its section to the customer's 360° view. The customer module calls every
 * contributor and depends on none of them.
 */
public interface CustomerViewContributor {

	/**
	 * The section for this customer as the given user may see it; empty when the module has
	 * nothing to show or the user may not see it. A merged customer's cases follow
	 * {@link CustomersMerged}, so only the surviving id is asked for.
	 */
	Optional<CustomerViewSection> section(long customerId, String userId);

	/**
	 * Whether this user may read the customer's interactions about this module's cases of this
	 * subject type ({@code "complaint"}): the same rule as the module's section of the 360° view,
	 * since such an interaction is the case's data. Empty when the subject type is not this
	 * module's.
	 */
	default Optional<Boolean> mayReadInteractionsAbout(String subjectType, String userId) {
		return Optional.empty();
	}

	/**
	 * Whether this user may write about this case (log an interaction about it on this customer):
	 * the case must exist, be the customer's, and be one the user may see. Empty when the subject
	 * type is not this module's; a subject type no module claims is refused.
	 */
	default Optional<SubjectAccess> mayWriteAbout(String subjectType, String subjectId, long customerId,
			String userId) {
		return Optional.empty();
	}

}
