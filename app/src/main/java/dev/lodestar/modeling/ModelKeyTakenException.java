package dev.lodestar.modeling;

import java.util.List;
import java.util.Map;

import dev.lodestar.system.ConflictException;

/**
 * A new or uploaded model whose key a process, decision or form has already: the workspace
 * names every model by its key alone. Answered as a 409 titled "Key taken" naming the field
 * {@code key}.
 */
class ModelKeyTakenException extends ConflictException {

	ModelKeyTakenException(String key, String takenBy) {
		super("Key taken", "The key \"" + key + "\" is taken by " + takenBy + ": choose another key.",
				Map.of("field", "key", "errors",
						List.of(Map.of("field", "key", "message", "is taken by " + takenBy))));
	}

}
