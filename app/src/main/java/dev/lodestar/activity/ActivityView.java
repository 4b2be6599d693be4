package dev.lodestar.activity;

import java.time.Instant;

/**
 * One activity as pages and the API show it.
 *
 * @param caseType {@code lead}, {@code customer} or {@code complaint}
 * @param caseTitle the case's name when it was planned (the customer's or company's name)
 * @param overdue open and due before now
 */
public record ActivityView(long id, String caseType, long caseId, String caseTitle, ActivityType type, String subject,
		String note, Instant dueAt, String assignee, String plannedBy, Instant plannedAt, ActivityState state,
		String outcome, String doneBy, Instant doneAt, boolean overdue) {

	/** The case's page. */
	public String caseLink() {
		return "/" + caseType + "s/" + caseId;
	}

}
