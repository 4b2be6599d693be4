package dev.lodestar.insight;

/**
 * One KPI's figure now.
 *
 * @param value the figure, or {@code null} when the window holds no data for it
 * @param onTarget whether it meets the target; {@code null} without data
 * @param sampleSize how many cases, tasks or people the figure is computed from
 * @param formula its definition
 * @param detail the breakdown behind it, or {@code null}
 */
public record KpiFigure(String code, String name, String formula, String unit, Double value, double target,
		boolean higherIsBetter, Boolean onTarget, long sampleSize, String detail) {

	boolean belowTarget() {
		return Boolean.FALSE.equals(onTarget);
	}

	/** One line for the reviewer: figure, target and verdict. */
	String line() {
		String figure = value == null ? "no data yet" : value + " " + unit;
		String verdict = onTarget == null ? "" : onTarget ? "  on target" : "  BELOW TARGET";
		return name + ": " + figure + " (target " + (higherIsBetter ? ">= " : "<= ") + target + " " + unit + ", n="
				+ sampleSize + ")" + verdict;
	}

}
