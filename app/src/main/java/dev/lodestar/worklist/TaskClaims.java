package dev.lodestar.worklist;

import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * For a task listener on {@code assignment}: whether the task is being claimed (a user takes it
 * for herself, through any API) rather than handed to somebody by a manager or by the model's
 * assignee expression. A claim may make the claimer the case's owner; a reassignment does so
 * only when the manager asks ({@link CaseOwnership}).
 */
public final class TaskClaims {

	private TaskClaims() {
	}

	/** Whether the engine command running on this thread is a claim. */
	public static boolean claiming() {
		var invocation = Context.getCommandInvocationContext();
		return invocation != null && invocation.getCommand() instanceof ClaimTaskCmd;
	}

}
