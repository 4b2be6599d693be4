package dev.lodestar.worklist;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * For the pages of other modules ({@code @taskLinks.opens(#authentication, id)}): a case page
 * links a task only when its reader may open it, so no link leads to "not found".
 */
@Component("taskLinks")
public class TaskLinks {

	private final TaskVisibility visibility;

	TaskLinks(TaskVisibility visibility) {
		this.visibility = visibility;
	}

	public boolean opens(Authentication reader, String taskId) {
		return reader != null && taskId != null && visibility.canOpen(Caller.of(reader), taskId);
	}

	/**
	 * Whether the reader may do the task now: it is theirs, or it is nobody's yet and in one of
	 * their queues (they may claim it). A manager who may only look or reassign may not.
	 */
	public boolean mayWork(Authentication reader, String taskId) {
		return reader != null && taskId != null && visibility.mayWork(Caller.of(reader), taskId);
	}

}
