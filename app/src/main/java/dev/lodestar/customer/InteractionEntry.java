package dev.lodestar.customer;

import java.time.Instant;

/**
 * One logged interaction.
 *
 * @param recordedBy the user who had the interaction and logged it
 * @param contactName whom we talked to, if known
 * @param subjectType what case it belongs to ("lead", "complaint"), or {@code null}
 * @param subjectId the id of that case, or {@code null}
 */
public record InteractionEntry(long id, long customerId, InteractionType type, Instant occurredAt, String recordedBy,
		String contactName, String summary, String outcome, String subjectType, String subjectId) {
}
