package dev.lodestar.insight;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.Dates;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessApi;

/**
 * KPI reviews: starts one on demand, and is the glue {@code kpi-review} calls
 * ({@code ${kpiReviewService...}}): gather and snapshot the figures, record the decision, name
 * the KPIs below target that an "act" turns into follow-up tasks.
 */
@Service("kpiReviewService")
@Transactional
public class KpiReviewService {

	private final KpiService kpis;
	private final KpiReviews reviews;
	private final KpiSnapshots snapshots;
	private final RuntimeService runtimeService;
	private final Clock clock;
	private final Dates dates;

	KpiReviewService(KpiService kpis, KpiReviews reviews, KpiSnapshots snapshots, RuntimeService runtimeService,
			Optional<Clock> clock, Dates dates) {
		this.dates = dates;
		this.kpis = kpis;
		this.reviews = reviews;
		this.snapshots = snapshots;
		this.runtimeService = runtimeService;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** Whether a review of this month exists (scheduled or requested). */
	@Transactional(readOnly = true)
	public boolean reviewedThisMonth() {
		return reviews.existsByPeriod(period());
	}

	/** A review outside the schedule. */
	public ProcessInstance requestReview(String requestedBy) {
		return runtimeService.createMessageCorrelation(KpiReviewProcess.MESSAGE_REQUESTED)
			.processInstanceBusinessKey("kpi-review-" + period() + "-" + clock.millis())
			.setVariable(KpiReviewProcess.VAR_REQUESTED_BY, requestedBy)
			.correlateStartMessage();
	}

	/** {@code Task_GatherKpiFigures}: computes, snapshots and summarises the figures for the reviewer. */
	@ProcessApi
	public void gather(DelegateExecution execution) {
		String trigger = execution.getVariable(KpiReviewProcess.VAR_REQUESTED_BY) == null ? "SCHEDULED"
				: "ON_DEMAND:" + execution.getVariable(KpiReviewProcess.VAR_REQUESTED_BY);
		var review = reviews.save(new KpiReview(period(), trigger, clock.instant()));
		var figures = kpis.refreshedNow();
		figures.forEach(f -> snapshots.save(new KpiSnapshot(review.getId(), f)));
		var below = figures.stream().filter(KpiFigure::belowTarget).map(KpiFigure::code).toList();
		execution.setVariable(KpiReviewProcess.VAR_REVIEW_ID, review.getId());
		execution.setVariable(KpiReviewProcess.VAR_PERIOD, review.getPeriod());
		execution.setVariable(KpiReviewProcess.VAR_SUMMARY,
				figures.stream().map(KpiFigure::line).collect(Collectors.joining("\n")));
		execution.setVariable(KpiReviewProcess.VAR_BELOW_TARGET, below.size());
	}

	@ProcessApi
	public void recordDecision(Long reviewId, Object decision, Object notes, String decidedBy) {
		review(reviewId).decide(decision == null ? null : decision.toString(), notes == null ? null : notes.toString(),
				decidedBy, clock.instant());
	}

	/** The KPIs that this review saw below target: one follow-up task each when leadership acts. */
	@ProcessApi
	@Transactional(readOnly = true)
	public List<String> belowTarget(Long reviewId) {
		return snapshots.findByReviewIdOrderById(reviewId)
			.stream()
			.filter(s -> s.getValue() != null && !s.isOnTarget())
			.map(KpiSnapshot::getKpiCode)
			.toList();
	}

	/** The cockpit's figure behind a follow-up task: {@code /insight#kpi-<code>}. */
	public String linkOf(String kpiCode) {
		return "/insight#kpi-" + Kpi.valueOf(kpiCode).name();
	}

	@ProcessApi
	public String nameOf(String kpiCode) {
		return Kpi.valueOf(kpiCode).title();
	}

	@Transactional(readOnly = true)
	KpiReview review(Long id) {
		return reviews.findById(id).orElseThrow(() -> new NotFoundException("KPI review", id));
	}

	@Transactional(readOnly = true)
	List<KpiReview> recent() {
		return reviews.findTop12ByOrderByIdDesc();
	}

	@Transactional(readOnly = true)
	List<KpiSnapshot> snapshotsOf(Long reviewId) {
		return snapshots.findByReviewIdOrderById(reviewId);
	}

	private String period() {
		return dates.thisMonth(clock).toString();
	}

}
