package dev.lodestar.customer;

import java.time.Instant;
import java.util.Locale;

import dev.lodestar.system.SystemText;
import dev.lodestar.system.SystemTexts;

/**
 * One logged interaction.
 *
 * @param recordedBy the user who had the interaction and logged it
 * @param contactName whom we talked to, if known
 * @param summary what was said or done: as typed, or (for what the application wrote) in English
 * @param subjectType what case it belongs to ("lead", "complaint"), or {@code null}
 * @param subjectId the id of that case, or {@code null}
 * @param summaryText what the application wrote, to show in the reader's language; null when typed
 * @param outcomeText the outcome the application wrote; null when typed or none
 */
public record InteractionEntry(long id, long customerId, InteractionType type, Instant occurredAt, String recordedBy,
		String contactName, String summary, String outcome, String subjectType, String subjectId,
		SystemText summaryText, SystemText outcomeText) {

	/** The summary in this language where the application wrote it; as typed where a person did. */
	public String summaryIn(SystemTexts texts, Locale locale) {
		return summaryText == null ? summary : texts.render(summaryText, locale);
	}

	/** The outcome in this language where the application wrote it; as typed (or null) otherwise. */
	public String outcomeIn(SystemTexts texts, Locale locale) {
		return outcomeText == null ? outcome : texts.render(outcomeText, locale);
	}

}
