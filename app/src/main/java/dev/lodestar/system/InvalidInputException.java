package dev.lodestar.system;

import java.util.List;

/**
 * Input that binding alone cannot judge (a rule across fields, a value unknown to the
 * database) is invalid: HTTP 400 with each offending field named.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

	/** One invalid field and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

}
