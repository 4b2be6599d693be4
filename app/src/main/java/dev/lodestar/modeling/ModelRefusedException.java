package dev.lodestar.modeling;

import java.util.Map;

import dev.lodestar.system.ConflictException;

/**
 * A model with errors is not deployed; the report names every error and its element. Answered
 * as a 409 titled "Model refused" whose {@code findings} list the report's findings.
 */
class ModelRefusedException extends ConflictException {

	ModelRefusedException(CheckReport report) {
		super("Model refused", "The model has errors: " + report.findings()
			.stream()
			.filter(Finding::isError)
			.map(f -> (f.elementId() != null ? f.elementId() : f.resourceName()) + " (" + f.message() + ")")
			.reduce((a, b) -> a + "; " + b)
			.orElse(""), Map.of("findings", report.findings()));
	}

}
