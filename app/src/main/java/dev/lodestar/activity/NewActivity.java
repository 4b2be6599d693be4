package dev.lodestar.activity;

import java.time.Instant;

/**
 * An activity to plan.
 *
 * @param caseType {@code lead}, {@code customer} or {@code complaint}
 * @param assignee whom it is for; {@code null} means the planner herself
 * @param note optional
 */
public record NewActivity(String caseType, Long caseId, ActivityType type, String subject, String note, Instant dueAt,
		String assignee) {
}
