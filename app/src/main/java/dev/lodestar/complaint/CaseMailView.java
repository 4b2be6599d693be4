package dev.lodestar.complaint;

import java.time.Instant;

/**
 * One mail of a complaint's thread as pages and the API show it: text only (an HTML mail was
 * read as text), with its attachments named.
 *
 * @param direction {@code IN} from the customer, {@code OUT} to the customer
 * @param attachments the attachments' names, types and sizes, one per line; {@code null} when none
 */
public record CaseMailView(Long id, String direction, String sender, String recipient, String subject, String body,
		String attachments, Instant occurredAt, String recordedBy) {
}
