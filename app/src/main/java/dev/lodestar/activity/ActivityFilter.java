package dev.lodestar.activity;

import java.util.Locale;

import dev.lodestar.system.InvalidInputException;

/** Which of her activities a person lists: open (the default), overdue, done or all. */
public enum ActivityFilter {
	OPEN, OVERDUE, DONE, ALL;

	/** The filter a request names; none means open; an unknown one is invalid input naming {@code state}. */
	public static ActivityFilter of(String given) {
		if (given == null || given.isBlank()) {
			return OPEN;
		}
		try {
			return valueOf(given.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("state", "must be one of open, overdue, done, all");
		}
	}
}
