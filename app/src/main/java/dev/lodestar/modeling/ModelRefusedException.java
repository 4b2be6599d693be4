package dev.lodestar.modeling;

/** A model with errors is not deployed; the report names every error and its element. */
class ModelRefusedException extends RuntimeException {

	private final CheckReport report;

	ModelRefusedException(CheckReport report) {
		super("The model has errors: " + report.findings()
			.stream()
			.filter(Finding::isError)
			.map(f -> (f.elementId() != null ? f.elementId() : f.resourceName()) + " (" + f.message() + ")")
			.reduce((a, b) -> a + "; " + b)
			.orElse(""));
		this.report = report;
	}

	CheckReport report() {
		return report;
	}

}
