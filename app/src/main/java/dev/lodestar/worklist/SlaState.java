package dev.lodestar.worklist;

import java.time.Instant;
import java.util.Date;

/**
 * The service-level state of a task, from the conventions of {@code processes/README.md}:
 * the due date is the target (breached after it), the follow-up date the warning point.
 */
public enum SlaState {

	NONE, ON_TIME, WARNING, BREACHED;

	static SlaState of(Date due, Date followUp, Instant now) {
		if (due != null && now.isAfter(due.toInstant())) {
			return BREACHED;
		}
		if (followUp != null && now.isAfter(followUp.toInstant())) {
			return WARNING;
		}
		return due == null && followUp == null ? NONE : ON_TIME;
	}

}
