package dev.lodestar.customer;

import java.util.List;
import java.util.Map;

import dev.lodestar.system.ConflictException;

/**
 * A merge or an undo that cannot be done (409), with the reason as a message code and its values,
 * so that the customer page says why in the reader's language; the API's problem details carry
 * the English message and the code ({@code reason}).
 */
class MergeConflict extends ConflictException {

	private final String code;

	private final List<Object> args;

	MergeConflict(String code, String message, Object... args) {
		super("Conflict", message, Map.of("reason", code));
		this.code = code;
		this.args = List.of(args);
	}

	/** The message key that says why, in the page bundle. */
	String code() {
		return code;
	}

	Object[] args() {
		return args.toArray();
	}

}
