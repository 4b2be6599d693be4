package dev.lodestar.customer;

import java.time.Instant;

/**
 * A merge into a customer, as its page and the API list it.
 *
 * @param absorbed the customer that was merged in (as it is now: merged, or back if undone)
 * @param undoable whether it can still be undone (not undone, within 24 hours)
 */
public record MergeRecord(long id, CustomerSummary absorbed, long survivorId, String mergedBy, Instant mergedAt,
		Instant undoableUntil, Instant undoneAt, boolean undoable) {
}
