package dev.lodestar.rollout;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;

/** The engine wraps what a listener throws; the API must still answer 400/404/409, not 500. */
final class EngineCalls {

	private EngineCalls() {
	}

	static void complete(TaskService taskService, String taskId, Map<String, Object> variables) {
		try {
			taskService.complete(taskId, variables);
		}
		catch (ProcessEngineException e) {
			for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidInputException || cause instanceof NotFoundException
						|| cause instanceof ConflictException) {
					throw (RuntimeException) cause;
				}
			}
			throw e;
		}
	}

}
