package dev.lodestar.insight;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.lodestar.rollout.RolloutOverview;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;

/**
 * The leadership cockpit's data: figures, weekly series per slice, training cohorts, the process
 * heatmap, the rollout, the cases behind a figure, targets. Executives read, set targets and
 * start KPI reviews; the project team reads; nobody else.
 */
@RestController
@RequestMapping("/api/insight")
@PreAuthorize("hasAnyRole('executive', 'project-team')")
class InsightController {

	private final KpiService kpis;
	private final KpiReviewService reviews;
	private final Cockpit cockpit;
	private final CaseList cases;
	private final KpiTargets targets;
	private final TrafficLights lights;

	InsightController(KpiService kpis, KpiReviewService reviews, Cockpit cockpit, CaseList cases, KpiTargets targets,
			TrafficLights lights) {
		this.lights = lights;
		this.kpis = kpis;
		this.reviews = reviews;
		this.cockpit = cockpit;
		this.cases = cases;
		this.targets = targets;
	}

	/** Every KPI now (the window up to today, everybody), in English, from the snapshots as they are (reads only). */
	@GetMapping("/kpis")
	List<KpiFigure> kpis() {
		return kpis.current();
	}

	@GetMapping("/kpi-definitions")
	List<Map<String, Object>> definitions() {
		return kpis.definitions();
	}

	/** What the page needs to know first: may the caller set targets, are there snapshots, the default window. */
	@GetMapping("/status")
	Status status(Authentication user) {
		boolean executive = user.getAuthorities().stream().anyMatch(a -> "ROLE_executive".equals(a.getAuthority()));
		var w = cockpit.window(null, null);
		return new Status(executive, cockpit.hasSnapshots(), w.from(), w.to());
	}

	record Status(boolean mayEditTargets, boolean hasSnapshots,
			LocalDate from, LocalDate to) {
	}

	/** Every KPI over a window (default: the last 30 days) for one slice ({@code department:sales}, {@code cohort:trained}...). */
	@GetMapping("/figures")
	List<Cockpit.Figure> figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "all") String slice, Locale locale) {
		String[] s = slice(slice);
		return cockpit.figures(cockpit.window(from, to), s[0], s[1], locale);
	}

	/**
	 * The sponsor's top line: time, cost, quality, adoption and readiness red, amber or green
	 * by the rules (in words), each with its reason, its figure and that figure in the previous
	 * period of the same length.
	 */
	@GetMapping("/lights")
	TrafficLights.Answer lights(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
		return lights.answer(cockpit.window(from, to), locale);
	}

	/** Week by week, per value of one slice kind ({@code all}, {@code role}, {@code department}, {@code cohort}): {kpi: {slice: points}}. */
	@GetMapping("/weekly")
	Map<String, Map<String, List<Cockpit.Point>>> weekly(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "all") String by) {
		if (!List.of("all", "role", "department", "cohort").contains(by)) {
			throw new InvalidInputException("by", "must be all, role, department or cohort");
		}
		var w = cockpit.window(from, to);
		return cockpit.weekly(from == null ? new Cockpit.Window(w.to().minusWeeks(26), w.to()) : w, by);
	}

	/** Each KPI for people who finished their training against people who have not. */
	@GetMapping("/cohorts")
	Cohorts cohorts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
		var w = cockpit.window(from, to);
		return new Cohorts(cockpit.figures(w, "cohort", "trained", locale), cockpit.figures(w, "cohort", "untrained", locale));
	}

	record Cohorts(List<Cockpit.Figure> trained, List<Cockpit.Figure> untrained) {
	}

	@GetMapping("/heatmaps")
	List<Cockpit.HeatmapProcess> heatmaps(Locale locale) {
		return cockpit.heatmapProcesses(locale);
	}

	/** The diagram of a process with the time spent per element over the window, and its three slowest steps. */
	@GetMapping("/heatmaps/{processKey}")
	Cockpit.Heatmap heatmap(@PathVariable String processKey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
		return cockpit.heatmap(processKey, cockpit.window(from, to), locale);
	}

	/**
	 * The latest rollout as the window saw it: phases plan vs actual inside it, gate decisions
	 * taken in it, stakeholders and barrier points at its end, issues open in it.
	 */
	@GetMapping("/rollout")
	ResponseEntity<RolloutOverview.Programme> rollout(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
		var programme = cockpit.programme(cockpit.window(from, to), locale);
		return programme == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(programme);
	}

	/** Training per wave and department, knowledge-check scores, who is overdue: at the window's end (now when it ends today). */
	@GetMapping("/training")
	Cockpit.Training training(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
		return cockpit.training(cockpit.window(from, to), locale);
	}

	/**
	 * The cases behind one figure: {@code total} is exactly what the figure counts; the list holds
	 * the first 5,000 of them, {@code truncated} when there are more.
	 */
	@GetMapping("/cases")
	CaseList.Cases cases(@RequestParam String kpi,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "all") String slice, Locale locale) {
		return cases.cases(kpi(kpi), cockpit.window(from, to), slice, locale);
	}

	/** The targets as they are, and the changes made to them inside the window. */
	@GetMapping("/targets")
	Targets targets(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		var w = cockpit.window(from, to);
		var list = new ArrayList<Target>();
		targets.all().forEach((k, v) -> list.add(new Target(k.name(), v, k.higherIsBetter(), k.unit())));
		Instant start = KpiSnapshotJob.start(w.from()).toInstant();
		Instant end = Cockpit.endOf(w);
		return new Targets(list, targets.changes().stream()
			.filter(c -> !c.changedAt().isBefore(start) && c.changedAt().isBefore(end))
			.toList());
	}

	record Target(String kpi, double target, boolean higherIsBetter, String unit) {
	}

	record Targets(List<Target> targets, List<KpiTargets.Change> changes) {
	}

	/** Sets a KPI's target; the change is logged with who and when. Executives only. */
	@PutMapping("/targets/{kpi}")
	@PreAuthorize("hasRole('executive')")
	KpiTargets.Change setTarget(@PathVariable String kpi, @jakarta.validation.Valid @RequestBody TargetChange change, Authentication user) {
		return targets.set(kpi(kpi), change.target(), change.reason(), user.getName());
	}

	record TargetChange(Double target, @jakarta.validation.constraints.Size(max = 1000) String reason) {
	}

	/** Starts a KPI review now, outside the monthly schedule. Executives only: the project team reads. */
	@PostMapping("/kpi-reviews")
	@PreAuthorize("hasRole('executive')")
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

	record ReviewView(Long id, String period, String trigger, Instant gatheredAt, String decision, String notes,
			String decidedBy, Instant decidedAt, List<SnapshotView> figures) {
	}

	record SnapshotView(String kpi, BigDecimal value, BigDecimal target, String unit, long sampleSize,
			boolean onTarget, String detail) {
	}

	static Kpi kpi(String code) {
		try {
			return Kpi.valueOf(code);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("KPI", code);
		}
	}

	static String[] slice(String slice) {
		if ("all".equals(slice)) {
			return new String[] { "all", "all" };
		}
		int colon = slice.indexOf(':');
		if (colon < 1 || !List.of("role", "department", "cohort").contains(slice.substring(0, colon))) {
			throw new InvalidInputException("slice", "must be all, or role:<id>, department:<id>, cohort:trained|untrained");
		}
		return new String[] { slice.substring(0, colon), slice.substring(colon + 1) };
	}

}
