package dev.lodestar.system;

import java.sql.SQLException;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Whether a failure means that somebody else changed the same thing at the same moment: the
 * engine's optimistic lock, a task claimed a moment ago, or the database refusing the second of
 * two simultaneous writes (a unique key such as the task's permission row, a serialization
 * failure, a deadlock, a lock wait that timed out). Every API answers these with 409: one
 * writer wins, the others reload and try again.
 */
public final class ConcurrentChange {

	/** Unique key, serialization failure, deadlock (PostgreSQL), lock timeout (H2). */
	private static final Set<String> SQL_STATES = Set.of("23505", "40001", "40P01", "HYT00");

	public static final String MESSAGE = "Somebody else changed this at the same moment; reload and try again.";

	private ConcurrentChange() {
	}

	public static boolean in(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException
					|| cause instanceof ConcurrencyFailureException) {
				return true;
			}
			for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
				if (sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
