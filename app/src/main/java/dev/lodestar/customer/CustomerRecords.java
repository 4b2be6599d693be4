package dev.lodestar.customer;

import java.util.List;
import java.util.Map;

/**
 * Implemented by the modules that keep records of a customer (leads and opportunities,
 * complaints), so that this module depends on none of them: a merge preview counts the records
 * that would move, the merge record keeps their ids, and an undo checks that they are still on
 * the survivor. The records themselves move in their own module, on {@link CustomersMerged} and
 * back on {@link CustomerMergeUndone}.
 */
public interface CustomerRecords {

	/**
	 * The ids of this module's records of the customer, by kind ({@code leads},
	 * {@code opportunities}, {@code complaints}: a kind is named once across all modules).
	 */
	Map<String, List<Long>> recordsOf(long customerId);

}
