package dev.lodestar.customer;

import java.time.Instant;

/**
 * An interaction to log.
 *
 * @param occurredAt when it happened; {@code null} means now
 * @param recordedBy the user logging it (required)
 * @param summary what was said or done (required)
 * @param subjectType the case it belongs to ("lead", "complaint"), optional
 */
public record NewInteraction(InteractionType type, Instant occurredAt, String recordedBy, String contactName,
		String summary, String outcome, String subjectType, String subjectId) {
}
