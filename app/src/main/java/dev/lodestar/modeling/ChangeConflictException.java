package dev.lodestar.modeling;

import java.util.Map;

import dev.lodestar.system.ConflictException;

/**
 * A change request that no longer fits the model (its draft changed, another version was
 * deployed): 409 with a title and a {@code reason} the page names.
 */
class ChangeConflictException extends ConflictException {

	ChangeConflictException(String title, String reason, String message) {
		super(title, message, Map.of("reason", reason));
	}

	/** Another request of the model is still open: named, so that its author can move it to the new draft. */
	static ChangeConflictException stillOpen(long id, String key, String status) {
		return new ChangeConflictException("Change request open", "stillOpen", id, "Change request " + id + " of "
				+ key + " is still " + status + ": move it to the new draft, or withdraw it first.");
	}

	private ChangeConflictException(String title, String reason, long id, String message) {
		super(title, message, Map.of("reason", reason, "changeRequest", id));
	}

}
