package dev.lodestar.rollout;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phase of one rollout: its plan (time, quality, cost) and, once it runs, its actuals. */
@Entity
@Table(name = "crm_rollout_phase")
class RolloutPhase {

	enum Status {
		PLANNED, RUNNING, DONE
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long rolloutId;

	@Enumerated(EnumType.STRING)
	private Phase code;

	private String name;

	private int position;

	private Instant plannedStart;

	private Instant plannedEnd;

	private BigDecimal plannedCost;

	private String qualityTarget;

	private Instant actualStart;

	private Instant actualEnd;

	private BigDecimal actualCost;

	private String qualityResult;

	@Enumerated(EnumType.STRING)
	private Status status;

	protected RolloutPhase() {
	}

	static RolloutPhase planned(Long rolloutId, Phase phase, Instant programmeStart) {
		var p = new RolloutPhase();
		p.rolloutId = rolloutId;
		p.code = phase;
		p.name = phase.title();
		p.position = phase.ordinal();
		p.plannedStart = programmeStart.plus(Duration.ofDays(7L * phase.startWeek()));
		p.plannedEnd = p.plannedStart.plus(Duration.ofDays(7L * phase.weeks()));
		p.plannedCost = BigDecimal.valueOf(phase.plannedCost());
		p.qualityTarget = phase.qualityTarget();
		p.status = Status.PLANNED;
		return p;
	}

	/** A phase may run more than once (a no-go loops back): the first start counts. */
	void start(Instant now) {
		if (actualStart == null) {
			actualStart = now;
		}
		status = Status.RUNNING;
	}

	void complete(Instant now, BigDecimal cost, String quality) {
		if (actualStart == null) {
			actualStart = now;
		}
		actualEnd = now;
		if (cost != null) {
			actualCost = cost;
		}
		if (quality != null) {
			qualityResult = quality;
		}
		status = Status.DONE;
	}

	/** Days late against the plan (negative = early); null while not done. */
	Long daysLate() {
		return actualEnd == null ? null : Duration.between(plannedEnd, actualEnd).toDays();
	}

	boolean isRunning() {
		return status == Status.RUNNING;
	}

	/**
	 * The phase the rollout is in: the running phase of the delivery line that comes last in the
	 * plan (the line is sequential, so there is at most one), else the last running one beside
	 * it; none when nothing runs. Phases beside the line are shown as running alongside.
	 */
	static java.util.Optional<RolloutPhase> current(java.util.List<RolloutPhase> phases) {
		var running = phases.stream().filter(RolloutPhase::isRunning).toList();
		var delivery = running.stream().filter(p -> !p.code.alongside()).max(java.util.Comparator.comparingInt(p -> p.position));
		return delivery.isPresent() ? delivery : running.stream().max(java.util.Comparator.comparingInt(p -> p.position));
	}

	Phase getCode() {
		return code;
	}

	String getName() {
		return name;
	}

	int getPosition() {
		return position;
	}

	Instant getPlannedStart() {
		return plannedStart;
	}

	Instant getPlannedEnd() {
		return plannedEnd;
	}

	BigDecimal getPlannedCost() {
		return plannedCost;
	}

	String getQualityTarget() {
		return qualityTarget;
	}

	Instant getActualStart() {
		return actualStart;
	}

	Instant getActualEnd() {
		return actualEnd;
	}

	BigDecimal getActualCost() {
		return actualCost;
	}

	String getQualityResult() {
		return qualityResult;
	}

	Status getStatus() {
		return status;
	}

}
