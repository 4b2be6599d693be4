package dev.lodestar.worklist;

import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.security.access.AccessDeniedException;

import dev.lodestar.system.ConcurrentChange;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;

/**
 * The one place where what the engine throws during task work becomes the answer a user
 * understands. A stage rule broken in a task listener reaches us wrapped by the engine: it is
 * handed back as itself (400 with the field, 409 for the case's state, 404, 403); an entity's
 * {@link IllegalStateException} is a 409 and its {@link IllegalArgumentException} a 400.
 */
final class EngineErrors {

	private EngineErrors() {
	}

	/**
	 * @param gone whether the task vanished meanwhile (somebody else completed it): then a 409
	 *        with {@code goneMessage}
	 */
	static RuntimeException translate(RuntimeException thrown, BooleanSupplier gone, String goneMessage) {
		if (ConcurrentChange.in(thrown)) {
			// e.g. two claims of one task at once: the second insert of its permission row
			return new ConflictException("Somebody else took or changed this task a moment ago; reload the page.");
		}
		if (goneMessage != null && vanished(gone)) {
			// whatever failed first (a stage rule seeing the case already moved on, a listener),
			// the task was completed by somebody else meanwhile: that is the answer
			return new ConflictException(goneMessage);
		}
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInputException || cause instanceof ConflictException
					|| cause instanceof NotFoundException || cause instanceof AccessDeniedException) {
				return (RuntimeException) cause;
			}
			if (cause instanceof AuthorizationException) {
				return new AccessDeniedException(cause.getMessage());
			}
			if (cause instanceof TaskAlreadyClaimedException || cause instanceof OptimisticLockingException) {
				return new ConflictException("Somebody else took or changed this task a moment ago; reload the page.");
			}
			if (cause instanceof IllegalStateException) {
				return new ConflictException(cause.getMessage());
			}
			if (cause instanceof IllegalArgumentException) {
				return new InvalidInputException("task", cause.getMessage());
			}
		}
		return thrown;
	}

	private static boolean vanished(BooleanSupplier gone) {
		try {
			return gone.getAsBoolean();
		}
		catch (RuntimeException unanswerable) {
			return false; // e.g. a transaction PostgreSQL already aborted: keep the first failure
		}
	}

}
