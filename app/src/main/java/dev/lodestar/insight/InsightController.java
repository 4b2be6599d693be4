package dev.lodestar.insight;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.lodestar.rollout.TrainingProgress;

/** The leadership dashboard: KPI figures against targets, training completion, past reviews. */
@RestController
@RequestMapping("/api/insight")
@PreAuthorize("hasAnyRole('executive', 'project-team', 'process-owner', 'camunda-admin')")
class InsightController {

	private final KpiService kpis;
	private final KpiReviewService reviews;
	private final TrainingProgress training;

	InsightController(KpiService kpis, KpiReviewService reviews, TrainingProgress training) {
		this.kpis = kpis;
		this.reviews = reviews;
		this.training = training;
	}

	@GetMapping("/kpis")
	@Transactional(readOnly = true)
	List<KpiFigure> kpis() {
		return kpis.current();
	}

	@GetMapping("/kpi-definitions")
	List<Map<String, Object>> definitions() {
		return KpiService.definitions();
	}

	@GetMapping("/dashboard")
	@Transactional(readOnly = true)
	Dashboard dashboard() {
		return new Dashboard(kpis.current(), training.waves(), reviews.recent().stream().map(this::view).toList());
	}

	/** Starts a KPI review now, outside the monthly schedule. */
	@PostMapping("/kpi-reviews")
	@PreAuthorize("hasAnyRole('executive', 'project-team')")
	@Transactional
	ResponseEntity<Map<String, String>> request(Authentication user) {
		var instance = reviews.requestReview(user.getName());
		return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId()))
			.body(Map.of("processInstanceId", instance.getId(), "businessKey", instance.getBusinessKey()));
	}

	@GetMapping("/kpi-reviews/{id}")
	@Transactional(readOnly = true)
	ReviewView review(@PathVariable Long id) {
		return view(reviews.review(id));
	}

	private ReviewView view(KpiReview r) {
		return new ReviewView(r.getId(), r.getPeriod(), r.getTriggerKind(), r.getGatheredAt(), r.getDecision(),
				r.getDecisionNotes(), r.getDecidedBy(), r.getDecidedAt(),
				reviews.snapshotsOf(r.getId()).stream().map(s -> new SnapshotView(s.getKpiCode(), s.getValue(),
						s.getTarget(), s.getUnit(), s.getSampleSize(), s.isOnTarget(), s.getDetail())).toList());
	}

	record Dashboard(List<KpiFigure> kpis, List<TrainingProgress.WaveProgress> training, List<ReviewView> reviews) {
	}

	record ReviewView(Long id, String period, String trigger, Instant gatheredAt, String decision, String notes,
			String decidedBy, Instant decidedAt, List<SnapshotView> figures) {
	}

	record SnapshotView(String kpi, BigDecimal value, BigDecimal target, String unit, long sampleSize,
			boolean onTarget, String detail) {
	}

}
