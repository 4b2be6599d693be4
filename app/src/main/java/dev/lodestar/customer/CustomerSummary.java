package dev.lodestar.customer;

import java.time.Instant;

/**
 * A customer as other modules and the API see it.
 *
 * @param mergedIntoId the customer this one was merged into, or {@code null} while it is active
 */
public record CustomerSummary(long id, CustomerKind kind, String name, String email, String phone, String region,
		String segment, Long mergedIntoId, Instant createdAt) {
}
