package dev.lodestar.insight;

/**
 * Every KPI Lodestar measures, defined once: layer, unit, default target and how its daily
 * rows ({@code crm_kpi_daily}: numerator and denominator per day and slice) add up to a week or
 * a window. Names and definitions for people are in {@code i18n/insight*.properties}
 * ({@code insight.kpi.<CODE>.name} and {@code .definition}); the English ones here are for logs
 * and the kpi-review process.
 */
public enum Kpi {

	ADOPTION_ACTIVE_USERS(Layer.USAGE, "Active users", "%", 80, true, Rollup.LAST, Cases.PEOPLE),
	ADOPTION_TASKS_PER_PERSON(Layer.USAGE, "Tasks done per person and day", "tasks", 2, true, Rollup.SUM, Cases.TASKS_DONE),
	ADOPTION_TASKS_ON_TIME(Layer.USAGE, "Tasks completed on time", "%", 85, true, Rollup.SUM, Cases.TASKS_WITH_DUE_DATE),
	DATA_NEXT_STEP(Layer.DATA_QUALITY, "Open cases with a next step due", "%", 90, true, Rollup.LAST, Cases.OPEN_CASES),
	DATA_STALE_CASES(Layer.DATA_QUALITY, "Stale cases (idle 14 days)", "%", 10, false, Rollup.LAST, Cases.OPEN_CASES),
	SALES_CONVERSION_RATE(Layer.PERFORMANCE, "Sales conversion rate", "%", 25, true, Rollup.SUM, Cases.LEAD_OUTCOMES),
	SALES_CYCLE_TIME(Layer.PERFORMANCE, "Sales cycle time", "days", 30, false, Rollup.SUM, Cases.SALES_ENDED),
	SERVICE_SLA_COMPLIANCE(Layer.PERFORMANCE, "Service SLA compliance", "%", 90, true, Rollup.SUM, Cases.SERVICE_TASKS_WITH_DUE_DATE),
	SERVICE_FIRST_RESPONSE(Layer.PERFORMANCE, "First-response time", "hours", 8, false, Rollup.SUM, Cases.FIRST_RESPONSES),
	SERVICE_REOPEN_RATE(Layer.PERFORMANCE, "Reopen rate", "%", 10, false, Rollup.SUM, Cases.RESOLUTIONS),
	SERVICE_SATISFACTION(Layer.PERFORMANCE, "Customer satisfaction", "score (1-5)", 4.0, true, Rollup.SUM, Cases.SATISFACTION_SCORES),
	TRAINING_COMPLETION(Layer.TRAINING, "Training completion", "%", 90, true, Rollup.LAST, Cases.TRAINING_RECORDS);

	/** The three adoption layers of the cockpit, and training. */
	public enum Layer {
		USAGE, DATA_QUALITY, PERFORMANCE, TRAINING
	}

	/** How days add up: {@code SUM} = sum of numerators / sum of denominators; {@code LAST} = the last day's figure (a state, not a flow). */
	enum Rollup {
		SUM, LAST
	}

	/** What the figure counts, and so what its drill-down lists. */
	enum Cases {
		PEOPLE, TASKS_DONE, TASKS_WITH_DUE_DATE, SERVICE_TASKS_WITH_DUE_DATE, OPEN_CASES, LEAD_OUTCOMES, SALES_ENDED,
		FIRST_RESPONSES, RESOLUTIONS, SATISFACTION_SCORES, TRAINING_RECORDS;

		/** Whether the numerator (not the denominator) is the number of cases behind the figure. */
		boolean countedByNumerator() {
			return this == TASKS_DONE;
		}

		/** Whether the cases are kept for everybody only (no role, department or cohort slice has a list of them). */
		boolean everybodyOnly() {
			return this == OPEN_CASES || this == FIRST_RESPONSES;
		}
	}

	private final Layer layer;
	private final String title;
	private final String unit;
	private final double target;
	private final boolean higherIsBetter;
	private final Rollup rollup;
	private final Cases cases;

	Kpi(Layer layer, String title, String unit, double target, boolean higherIsBetter, Rollup rollup, Cases cases) {
		this.layer = layer;
		this.title = title;
		this.unit = unit;
		this.target = target;
		this.higherIsBetter = higherIsBetter;
		this.rollup = rollup;
		this.cases = cases;
	}

	public Layer layer() {
		return layer;
	}

	public String title() {
		return title;
	}

	public String unit() {
		return unit;
	}

	/** The default target, until an executive sets another one. */
	public double target() {
		return target;
	}

	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	Rollup rollup() {
		return rollup;
	}

	Cases cases() {
		return cases;
	}

	boolean percent() {
		return "%".equals(unit);
	}

	/** The figure from a numerator and a denominator; {@code null} without data. */
	Double value(double numerator, double denominator) {
		if (denominator <= 0) {
			return null;
		}
		double v = (percent() ? 100.0 : 1.0) * numerator / denominator;
		return Math.round(v * 10.0) / 10.0;
	}

	/** Whether a value meets a target; {@code null} when there is no value (no data yet). */
	Boolean meets(Double value, double target) {
		if (value == null) {
			return null;
		}
		return higherIsBetter ? value >= target : value <= target;
	}

}
