package dev.lodestar.system;

import java.math.BigDecimal;
import java.util.List;

import dev.lodestar.system.InvalidInputException.FieldError;

/**
 * A {@code numeric(precision, scale)} column, to check an amount against before the database
 * sees it: a value the column cannot hold is the sender's mistake (400 naming the field), not a
 * server error.
 *
 * @param precision all digits the column holds
 * @param scale the digits of them after the decimal point
 */
public record DecimalColumn(int precision, int scale) {

	/**
	 * {@code numeric(15, 2)}: every amount of money: leads and opportunities, a complaint's
	 * compensation (V211), a rollout phase's cost (V340).
	 */
	public static final DecimalColumn MONEY_15_2 = new DecimalColumn(15, 2);

	/** {@code numeric(5, 2)}: a percentage. */
	public static final DecimalColumn PERCENT_5_2 = new DecimalColumn(5, 2);

	/** The largest value the column holds, e.g. 9999999999999.99 for (15, 2). */
	public BigDecimal largest() {
		return BigDecimal.ONE.movePointRight(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
	}

	/**
	 * What is wrong with the value for this column, or {@code null} when it fits: more integer
	 * digits than the column holds, or more decimals than it keeps. Compares exponents only, so
	 * {@code 1e999999999} is judged as fast as {@code 12}.
	 */
	public String problem(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal plain = value.signum() == 0 ? BigDecimal.ZERO : value;
		long integerDigits = (long) plain.precision() - plain.scale();
		if (integerDigits > precision - scale) {
			return "must be at most " + largest().toPlainString() + " in size";
		}
		if (plain.scale() > scale && plain.stripTrailingZeros().scale() > scale) {
			return "must have at most " + scale + " decimal places";
		}
		return null;
	}

	/** Adds a field error when the value does not fit; returns whether it fits. */
	public boolean check(String field, BigDecimal value, List<FieldError> errors) {
		String problem = problem(value);
		if (problem != null) {
			errors.add(new FieldError(field, problem));
		}
		return problem == null;
	}

	/** The value, or {@link InvalidInputException} naming the field when it does not fit. */
	public BigDecimal require(String field, BigDecimal value) {
		String problem = problem(value);
		if (problem != null) {
			throw new InvalidInputException(field, problem);
		}
		return value;
	}

}
