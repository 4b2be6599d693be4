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

}
