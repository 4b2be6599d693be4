package dev.lodestar.system;

import java.util.Map;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller may not do this, for a reason worth naming (a rule, not only a missing role):
 * HTTP 403 whose problem details carry the reason as {@code detail} and the subclass's title and
 * properties. Pages treat it like every refusal of access.
 */
public class ForbiddenException extends AccessDeniedException {

	private final String title;

	private final Map<String, Object> properties;

	public ForbiddenException(String title, String message, Map<String, Object> properties) {
		super(message);
		this.title = title;
		this.properties = Map.copyOf(properties);
	}

	public String title() {
		return title;
	}

	public Map<String, Object> properties() {
		return properties;
	}

}
