package dev.lodestar.activity;

import java.util.Optional;

import dev.lodestar.worklist.Caller;

/**
 * Implemented by a module that owns a kind of case on which activities are planned: whether the
 * case exists, its customer and name, and who may read its activities or plan on it, by the same
 * rule as the case's own pages. A case a user may not read is, to her, a case that does not exist.
 */
public interface ActivityCase {

	/** The kind: {@code lead}, {@code customer} or {@code complaint}. */
	String type();

	/** The case, when it exists. */
	Optional<Found> find(long id);

	/** Whether this user may read the case (and so its activities). */
	boolean mayRead(long id, Caller caller);

	/** Whether this user may plan activities on the case. */
	boolean mayPlan(long id, Caller caller);

	/**
	 * A case found.
	 *
	 * @param customerId its customer, or {@code null}
	 * @param title how a list names it (the company's or customer's name)
	 */
	record Found(Long customerId, String title) {
	}

}
