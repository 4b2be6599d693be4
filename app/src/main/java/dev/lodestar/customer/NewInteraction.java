package dev.lodestar.customer;

import java.time.Instant;

import dev.lodestar.system.SystemText;

/**
 * An interaction to log.
 *
 * @param occurredAt when it happened; {@code null} means now
 * @param recordedBy the user logging it (required)
 * @param summary what was said or done (required unless {@code summaryText} says it)
 * @param subjectType the case it belongs to ("lead", "complaint"), optional
 * @param summaryText what the application wrote by itself, shown in the reader's language; or null
 * @param outcomeText the outcome the application wrote by itself; or null
 */
public record NewInteraction(InteractionType type, Instant occurredAt, String recordedBy, String contactName,
		String summary, String outcome, String subjectType, String subjectId, SystemText summaryText,
		SystemText outcomeText) {

	/** What a person typed. */
	public NewInteraction(InteractionType type, Instant occurredAt, String recordedBy, String contactName,
			String summary, String outcome, String subjectType, String subjectId) {
		this(type, occurredAt, recordedBy, contactName, summary, outcome, subjectType, subjectId, null, null);
	}

	/** What the application writes by itself: a summary and an outcome (or null) as codes with their values. */
	public static NewInteraction written(InteractionType type, Instant occurredAt, String recordedBy,
			String contactName, SystemText summary, SystemText outcome, String subjectType, String subjectId) {
		return new NewInteraction(type, occurredAt, recordedBy, contactName, null, null, subjectType, subjectId,
				summary, outcome);
	}

}
