package dev.lodestar.worklist;

import java.time.Instant;
import java.util.List;

/**
 * Everything the task page shows: the task, the case beside it, the earlier steps of the case,
 * the comments, what the caller may do, and the owner of the case where it has one.
 */
public record TaskView(TaskRow task, String description, String processInstanceId, String processDefinitionId,
		String activityId, List<String> roles, List<CaseContext> cases, List<Step> history, List<Note> comments,
		boolean hasForm, boolean canClaim, boolean canUnclaim, boolean canComplete, boolean canReassign,
		List<String> reassignTo, CaseOwner caseOwner) {

	/**
	 * The owner of the task's case where its case has one ({@code null} otherwise): who it is now
	 * ({@code null} while nobody), and the prefix of the page's texts about it
	 * ({@link CaseOwnership#messagePrefix}).
	 */
	public record CaseOwner(String userId, String messagePrefix) {
	}

	/** An earlier (or the current) step of the case: who did what, when. */
	public record Step(String activityId, String name, String type, String who, Instant started, Instant ended) {
	}

	/** A comment on the task. */
	public record Note(String who, Instant at, String text) {
	}

}
