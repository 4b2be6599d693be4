package dev.lodestar.system;

import java.util.Map;

/**
 * The request clashes with the current state (someone else was faster, a stage rule): HTTP 409.
 * A subclass may name its own title and add properties to the problem details (a refused model's
 * findings), so that no module needs an exception handler of its own.
 */
public class ConflictException extends RuntimeException {

	private final String title;

	private final Map<String, Object> properties;

	public ConflictException(String message) {
		this("Conflict", message, Map.of());
	}

	protected ConflictException(String title, String message, Map<String, Object> properties) {
		super(message);
		this.title = title;
		this.properties = Map.copyOf(properties);
	}

	/** The problem's title. */
	public String title() {
		return title;
	}

	/** Extra members of the problem details. */
	public Map<String, Object> properties() {
		return properties;
	}

}
