package dev.lodestar.worklist;

import java.util.Collection;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task that is gone because a completion ended it a moment ago, told apart from one that
 * never existed: for its assignee and its candidates a second completion is a conflict (409),
 * for everybody else the task does not exist (404), as before.
 */
final class EndedTasks {

	private EndedTasks() {
	}

	static boolean endedAndWasVisibleTo(HistoryService history, String taskId, String userId, Collection<String> groups) {
		var ended = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
		if (ended == null) {
			return false;
		}
		if (userId != null && userId.equals(ended.getAssignee())) {
			return true;
		}
		for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(taskId).list()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())
					&& (userId != null && userId.equals(link.getUserId())
							|| link.getGroupId() != null && groups.contains(link.getGroupId()))) {
				return true;
			}
		}
		return false;
	}

}
