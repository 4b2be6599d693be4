package dev.lodestar.activity;

import java.time.Instant;

/**
 * An activity was marked done: published in the transaction that marks it, so that the
 * customer's timeline gets its entry (or nothing happens at all).
 *
 * @param customerId the customer of the case, or {@code null} when the case has none
 * @param caseType {@code lead}, {@code customer} or {@code complaint}
 * @param outcome what the person noted, or {@code null}
 */
public record ActivityCompleted(long activityId, Long customerId, String caseType, long caseId, ActivityType type,
		String subject, String outcome, String doneBy, Instant doneAt) {
}
