package dev.lodestar.system;

/** The request clashes with the current state (someone else was faster, a stage rule): HTTP 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
