package dev.lodestar.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a merge would do, shown before a person confirms it: the survivor as it would look, what
 * moves over from the absorbed customer, and where the two disagree, which value is kept.
 *
 * @param result the survivor after the merge
 * @param contacts the survivor's contacts after the merge, its own first
 * @param contactsMoving how many of them come from the absorbed customer
 * @param interactionsMoving how many interactions move to the survivor's timeline
 * @param recordsMoving the other records that move, by kind ({@code leads}, {@code opportunities},
 *        {@code complaints}, {@code attachments}), only kinds with any
 * @param conflicts the fields where both have a different value: the survivor's is kept
 * @param version what the confirmation must carry: a merge whose customers changed since gets 409
 * @param undoableUntil until when the merge could be undone if it were made now
 */
public record MergePreview(CustomerSummary survivor, CustomerSummary absorbed, CustomerSummary result,
		List<ContactSummary> contacts, int contactsMoving, int interactionsMoving, Map<String, Integer> recordsMoving,
		List<Conflict> conflicts, String version, Instant undoableUntil) {

	/**
	 * Both customers have a value here and they differ: {@code kept} is the survivor's (it lives
	 * on), {@code dropped} the absorbed customer's (kept on the absorbed customer, which an undo
	 * brings back).
	 *
	 * @param field {@code name}, {@code email}, {@code phone}, {@code region}, {@code segment}
	 *        or {@code language}
	 */
	public record Conflict(String field, String kept, String dropped) {
	}

}
