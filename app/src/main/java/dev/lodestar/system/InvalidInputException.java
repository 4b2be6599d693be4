package dev.lodestar.system;

import java.util.Collection;
import java.util.List;

import jakarta.validation.ConstraintViolation;

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

	/**
	 * Bean Validation's refusals as one exception, each naming its field (the last node of its
	 * path: {@code company}, not {@code capture.input.company}) with its message, already in the
	 * reader's language.
	 */
	public static InvalidInputException of(Collection<? extends ConstraintViolation<?>> violations) {
		return new InvalidInputException(violations.stream()
			.map(violation -> new FieldError(field(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList());
	}

	private static String field(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	public List<FieldError> errors() {
		return errors;
	}

	/** One invalid field and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

}
