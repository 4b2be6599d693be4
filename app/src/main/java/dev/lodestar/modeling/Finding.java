package dev.lodestar.modeling;

/**
 * One result of checking a model: an error refuses the deployment, a warning does not.
 *
 * @param resourceName the file, e.g. {@code processes/lead-to-sale.bpmn}
 * @param elementId the diagram element the finding is about, or {@code null} for the whole file
 * @param code a stable code, e.g. {@code noRole}
 * @param message the finding in words, in the caller's language
 * @param elementName the element's name as people know it, in the caller's language (a step's
 *        name from the process texts), or {@code null} when the element has none: pages name
 *        the element by it and show the id in small print
 */
public record Finding(Severity severity, String resourceName, String elementId, String code, String message,
		String elementName) {

	Finding(Severity severity, String resourceName, String elementId, String code, String message) {
		this(severity, resourceName, elementId, code, message, null);
	}

	/** The same finding, naming its element. */
	Finding named(String name) {
		return new Finding(severity, resourceName, elementId, code, message, name);
	}

	public enum Severity {
		ERROR, WARNING
	}

	boolean isError() {
		return severity == Severity.ERROR;
	}

}
