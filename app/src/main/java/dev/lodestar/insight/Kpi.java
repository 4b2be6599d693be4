package dev.lodestar.insight;

/**
 * Every KPI Lodestar measures: name, formula, target and unit, defined once. The figures are
 * computed by {@link KpiService} from real work (the engine's history and the CRM tables), over
 * the window of {@link InsightSettings#window()}.
 */
public enum Kpi {

	SALES_CONVERSION_RATE("Sales conversion rate",
			"lead-to-sale instances ended at End_CustomerOnboarded / those ended at End_CustomerOnboarded, End_DealLost or End_LeadDisqualified x 100",
			25, "%", true),
	SALES_CYCLE_TIME("Sales cycle time",
			"average duration of finished lead-to-sale instances, from lead capture to won/lost, in days", 30,
			"days", false),
	SERVICE_SLA_COMPLIANCE("Service SLA compliance",
			"complaint-to-resolution tasks with a due date completed by it / all such tasks completed x 100", 90, "%",
			true),
	SERVICE_SATISFACTION("Customer satisfaction",
			"average of the variable satisfactionScore (1-5) of complaint-to-resolution instances", 4.0, "score (1-5)",
			true),
	ADOPTION_ACTIVE_USERS("Active users",
			"members of the business roles who completed at least one task in the window / all members x 100", 80,
			"%", true),
	ADOPTION_TASKS_ON_TIME("Tasks completed on time",
			"tasks of every process with a due date completed by it / all such tasks completed x 100", 85, "%", true),
	TRAINING_COMPLETION("Training completion",
			"participants who attended and were scored / participants invited, over every training wave x 100", 90,
			"%", true);

	private final String title;
	private final String formula;
	private final double target;
	private final String unit;
	private final boolean higherIsBetter;

	Kpi(String title, String formula, double target, String unit, boolean higherIsBetter) {
		this.title = title;
		this.formula = formula;
		this.target = target;
		this.unit = unit;
		this.higherIsBetter = higherIsBetter;
	}

	public String title() {
		return title;
	}

	public String formula() {
		return formula;
	}

	public double target() {
		return target;
	}

	public String unit() {
		return unit;
	}

	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	/** Whether a value meets the target; {@code null} when there is no value (no data yet). */
	public Boolean meets(Double value) {
		if (value == null) {
			return null;
		}
		return higherIsBetter ? value >= target : value <= target;
	}

}
