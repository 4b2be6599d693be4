package dev.lodestar.customer;

import java.time.Instant;

/**
 * A customer as other modules and the API see it.
 *
 * @param mergedIntoId the customer this one was merged into, or {@code null} while it is active
 * @param createdAt when the customer's record was created
 * @param since "customer since": the earliest of its creation and its history (first interaction,
 *        lead, complaint), never later than its own timeline
 */
public record CustomerSummary(long id, CustomerKind kind, String name, String email, String phone, String region,
		String segment, Long mergedIntoId, Instant createdAt, Instant since) {
}
