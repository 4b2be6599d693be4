package dev.lodestar.modeling;

/**
 * One result of checking a model: an error refuses the deployment, a warning does not.
 *
 * @param resourceName the file, e.g. {@code processes/lead-to-sale.bpmn}
 * @param elementId the diagram element the finding is about, or {@code null} for the whole file
 * @param code a stable code, e.g. {@code noRole}
 * @param message the finding in words, in the caller's language
 */
public record Finding(Severity severity, String resourceName, String elementId, String code, String message) {

	public enum Severity {
		ERROR, WARNING
	}

	boolean isError() {
		return severity == Severity.ERROR;
	}

}
