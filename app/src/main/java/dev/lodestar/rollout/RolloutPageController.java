package dev.lodestar.rollout;

import dev.lodestar.system.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.lodestar.access.Roles;
import dev.lodestar.calendar.Dates;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.PageRefusedException;
import dev.lodestar.system.ProcessTexts;
import dev.lodestar.worklist.Caller;

/**
 * The rollout workspace for the project team, leadership and trainers: the rollout page (phases
 * on a timeline, the current phase, co-project-managers, go-live gate, issue log, training waves,
 * communication plan), the stakeholder register and one attendance screen per training session.
 * Changes go through the JSON API ({@code static/js/rollout.js}); controls show only to the roles
 * that may use them.
 */
@Controller
class RolloutPageController {

	private static final List<String> ROLES = List.of(Roles.PROJECT_TEAM, Roles.EXECUTIVE, Roles.TRAINER);

	private final RolloutService rollouts;
	private final StakeholderRegister register;
	private final TrainingService training;
	private final GoLiveGate gate;
	private final TaskService tasks;
	private final RuntimeService runtime;
	private final IdentityService identity;
	private final MessageSource messages;
	private final ProcessTexts texts;
	private final Dates dates;

	RolloutPageController(RolloutService rollouts, StakeholderRegister register, TrainingService training, GoLiveGate gate,
			TaskService tasks, RuntimeService runtime, IdentityService identity, MessageSource messages,
			ProcessTexts texts, Dates dates) {
		this.texts = texts;
		this.dates = dates;
		this.rollouts = rollouts;
		this.register = register;
		this.training = training;
		this.gate = gate;
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.messages = messages;
	}

	@GetMapping("/rollouts")
	@Transactional(readOnly = true)
	String list(Authentication user, Model model, Locale locale) {
		requireWorkspace(user);
		var all = rollouts.all();
		if (all.size() == 1) {
			return "redirect:/rollouts/" + all.get(0).getId();
		}
		var dates = new ReaderDates(this.dates, locale);
		model.addAttribute("rollouts", all.stream()
			.sorted(Comparator.comparing(Rollout::getId))
			.map(r -> new RolloutRow(r.getId(), r.getName(), r.getSponsor(), r.getStatus().name(),
					dates.date(r.getCreatedAt()),
					RolloutPhase.current(rollouts.phasesOf(r.getId())).map(p -> phaseName(p.getCode(), locale)).orElse("")))
			.toList());
		return "rollouts";
	}

	@GetMapping("/rollouts/{id}")
	@Transactional(readOnly = true)
	String rollout(@PathVariable Long id, Authentication user, Model model, Locale locale) {
		requireWorkspace(user);
		var rollout = rollouts.rollouts(id).orElse(null);
		if (rollout == null) {
			throw PageRefusedException.notFound("rollout.notFound.text");
		}
		var caller = Caller.of(user);
		var dates = new ReaderDates(this.dates, locale);
		var phases = rollouts.phasesOf(id);
		model.addAttribute("rollout", new RolloutHead(rollout.getId(), rollout.getName(), rollout.getSponsor(),
				rollout.getStatus().name(), dates.date(rollout.getCreatedAt()), rollout.getInternalProjectManager(),
				rollout.getPartnerProjectManager(), rollout.getStrategy()));
		var current = RolloutPhase.current(phases);
		model.addAttribute("current", current.map(p -> phaseRow(p, dates, locale, null, null)).orElse(null));
		model.addAttribute("alongside", phases.stream()
			.filter(RolloutPhase::isRunning)
			.filter(p -> current.map(c -> c != p).orElse(true))
			.map(p -> phaseName(p.getCode(), locale))
			.toList());
		model.addAttribute("timeline", timeline(phases, dates, locale));
		var now = gate.now(rollout);
		model.addAttribute("gateNow", gateView(now, dates, locale));
		model.addAttribute("gateLast", gate.last(rollout).map(v -> gateView(v, dates, locale)).orElse(null));
		model.addAttribute("issues", rollouts.issuesOf(id).stream()
			.sorted(Comparator.comparing((RolloutIssue i) -> i.getStatus() == RolloutIssue.Status.CLOSED)
				.thenComparing(i -> -i.getSeverity().ordinal())
				.thenComparing(RolloutIssue::getId))
			.map(i -> new IssueRow(i.getId(), i.getTitle(), i.getSeverity().name(), i.getAssignee(), i.getStatus().name(),
					i.getReportedBy(), dates.dateTime(i.getOpenedAt()), dates.dateTime(i.getClosedAt())))
			.toList());
		model.addAttribute("severities", RolloutIssue.Severity.values());
		model.addAttribute("people", identity.createUserQuery().orderByUserId().asc().list().stream().map(User::getId)
			.filter(u -> !u.contains(".")).toList());
		model.addAttribute("waves", waves(id, dates, locale));
		model.addAttribute("plan", register.of(id).stream()
			.map(s -> new PlanRow(s.getName(), s.getQuadrant(), s.getCommunicationChannel(), s.getCommunicationCadence()))
			.toList());
		model.addAttribute("messages", rollouts.messagesOf(id).stream()
			.map(m -> new MessageRow(audience(m.getAudience(), locale), m.getRecipients(),
					messages.getMessage("rollout.communication.channel." + m.getChannel(), null, m.getChannel(), locale),
					subject(m, locale), m.getSentBy(), dates.dateTime(m.getSentAt())))
			.toList());
		model.addAttribute("canEdit", caller.hasRole(Roles.PROJECT_TEAM));
		model.addAttribute("canTrain", caller.hasRole(Roles.TRAINER));
		model.addAttribute("canRemind", caller.hasRole(Roles.TRAINER) || caller.hasRole(Roles.PROJECT_TEAM));
		return "rollout";
	}

	@GetMapping("/rollouts/{id}/stakeholders")
	@Transactional(readOnly = true)
	String stakeholders(@PathVariable Long id, Authentication user, Model model, Locale locale) {
		// the managers who mitigate barrier points open the register from their mitigation task
		var caller = Caller.of(user);
		if (!inWorkspace(caller) && !caller.hasRole(Roles.SALES_MANAGER) && !caller.hasRole(Roles.SERVICE_MANAGER)) {
			throw PageRefusedException.forbidden("rollout.denied.text");
		}
		var rollout = rollouts.rollouts(id).orElse(null);
		if (rollout == null) {
			throw PageRefusedException.notFound("rollout.notFound.text");
		}
		var dates = new ReaderDates(this.dates, locale);
		var mitigationTasks = new LinkedHashMap<Long, String>();
		for (var task : tasks.createTaskQuery()
			.processDefinitionKey(StakeholderAssessmentProcess.KEY)
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_MITIGATE)
			.list()) {
			Object bp = runtime.getVariable(task.getExecutionId(), StakeholderAssessmentProcess.VAR_BARRIER_POINT_ID);
			if (bp instanceof Long barrierPointId) {
				mitigationTasks.put(barrierPointId, task.getAssignee() == null ? "" : task.getAssignee());
			}
		}
		var rows = new ArrayList<StakeholderRow>();
		for (var s : register.of(id)) {
			var history = register.history(s.getId())
				.stream()
				.map(a -> new AssessmentRow(dates.date(a.getAssessedAt()), List.of(a.getAwareness(), a.getDesire(),
						a.getKnowledge(), a.getAbility(), a.getReinforcement()), a.getNotes()))
				.toList();
			var points = register.barrierPointsOf(id)
				.stream()
				.filter(b -> b.getStakeholderId().equals(s.getId()))
				.map(b -> new BarrierRow(b.getId(), b.getDimension(), b.getScore(), b.getStatus().name(),
						b.getMitigation(), mitigationTasks.containsKey(b.getId()),
						mitigationTasks.getOrDefault(b.getId(), null)))
				.toList();
			List<Integer> scores = s.getAssessedAt() == null ? List.of() : List.of(s.getAwareness(), s.getDesire(),
					s.getKnowledge(), s.getAbility(), s.getReinforcement());
			rows.add(new StakeholderRow(s.getId(), s.getName(), s.getCategory().name(), s.getDepartment(),
					s.getInfluence(), s.getInterest(), s.getResponsibleManager(), scores, history, points,
					s.getQuadrant(), s.getCommunicationChannel(), s.getCommunicationCadence()));
		}
		model.addAttribute("rollout", new RolloutHead(rollout.getId(), rollout.getName(), rollout.getSponsor(),
				rollout.getStatus().name(), dates.date(rollout.getCreatedAt()), rollout.getInternalProjectManager(),
				rollout.getPartnerProjectManager(), rollout.getStrategy()));
		model.addAttribute("stakeholders", rows);
		model.addAttribute("openBarrierPoints", register.openBarrierPoints(id));
		return "rollout-stakeholders";
	}

	@GetMapping("/rollouts/{id}/sessions/{sessionId}")
	@Transactional(readOnly = true)
	String session(@PathVariable Long id, @PathVariable Long sessionId, Authentication user, Model model,
			Locale locale) {
		requireWorkspace(user);
		var session = training.sessionsOfRollout(id).stream().filter(s -> s.getId().equals(sessionId)).findFirst().orElse(null);
		if (session == null) {
			throw PageRefusedException.notFound("rollout.notFound.text");
		}
		var dates = new ReaderDates(this.dates, locale);
		var wave = training.wave(session.getWaveId());
		var taken = new LinkedHashMap<String, Boolean>();
		training.attendanceOf(sessionId).forEach(a -> taken.put(a.getParticipant(), a.isPresent()));
		model.addAttribute("rolloutId", id);
		model.addAttribute("trainingSession", sessionRow(session, dates));
		model.addAttribute("wave", waveRow(wave, dates, locale));
		// this session's own list: a tick here is this session's line, never another session's
		model.addAttribute("participants", training.members(wave)
			.stream()
			.map(m -> new ParticipantRow(m.participant(), taken.containsKey(m.participant()),
					taken.getOrDefault(m.participant(), false), m.attended(), m.score(), m.score() != null, m.passed()))
			.toList());
		model.addAttribute("canTrain", Caller.of(user).hasRole(Roles.TRAINER));
		return "rollout-session";
	}

	// ---- views --------------------------------------------------------------------------

	private List<PhaseRow> timeline(List<RolloutPhase> phases, ReaderDates dates, Locale locale) {
		Instant from = phases.stream().map(RolloutPhase::getPlannedStart).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(EngineClock.INSTANCE.instant());
		Instant to = phases.stream()
			.flatMap(p -> java.util.stream.Stream.of(p.getPlannedEnd(), p.getActualEnd(), p.getActualStart()))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(from.plus(Duration.ofDays(1)));
		Instant today = EngineClock.INSTANCE.instant();
		if (today.isAfter(to)) {
			to = today;
		}
		final Instant end = to;
		return phases.stream().map(p -> phaseRow(p, dates, locale, from, end)).toList();
	}

	private PhaseRow phaseRow(RolloutPhase p, ReaderDates dates, Locale locale, Instant from, Instant to) {
		double span = from == null ? 1 : Math.max(1, Duration.between(from, to).toMinutes());
		java.util.function.Function<Instant, Double> at = i -> i == null || from == null ? 0
				: Math.max(0, Math.min(100, 100.0 * Duration.between(from, i).toMinutes() / span));
		Instant actualEnd = p.getActualEnd() != null ? p.getActualEnd()
				: p.getActualStart() != null ? EngineClock.INSTANCE.instant() : null;
		return new PhaseRow(p.getCode().name(), phaseName(p.getCode(), locale), p.getStatus().name(),
				p.getCode().alongside(), dates.date(p.getPlannedStart()), dates.date(p.getPlannedEnd()),
				dates.date(p.getActualStart()), dates.date(p.getActualEnd()), p.daysLate(),
				p.getPlannedCost() == null ? null : p.getPlannedCost().toPlainString(),
				p.getActualCost() == null ? null : p.getActualCost().toPlainString(), qualityTarget(p, locale),
				qualityResult(p, locale), at.apply(p.getPlannedStart()),
				Math.max(0.8, at.apply(p.getPlannedEnd()) - at.apply(p.getPlannedStart())),
				p.getActualStart() == null ? null : at.apply(p.getActualStart()),
				p.getActualStart() == null ? null : Math.max(0.8, at.apply(actualEnd) - at.apply(p.getActualStart())));
	}

	private GateRow gateView(GoLiveGate.Verdict verdict, ReaderDates dates, Locale locale) {
		var inputs = new ArrayList<GateInput>();
		verdict.figures().forEach((name, value) -> inputs.add(new GateInput(name,
				messages.getMessage("rollout.gate.input." + name, null, name, locale), value instanceof Boolean b
						? messages.getMessage(b ? "rollout.yes" : "rollout.no", null, b.toString(), locale)
						: value instanceof Double d ? String.format(locale, "%.1f %%", d) : String.valueOf(value))));
		return new GateRow(verdict.go(), verdict.reasons().stream().map(r -> reason(r, locale)).toList(), inputs,
				dates.dateTime(verdict.at()));
	}

	/** What the application sent, in the reader's language; what the project team typed, as typed. */
	private String subject(RolloutMessage m, Locale locale) {
		if (m.getSubjectCode() == null || m.getWaveKind() == null) {
			return m.getSubject();
		}
		String wave = messages.getMessage("rollout.wave." + m.getWaveKind().name(), null, m.getWaveKind().title(), locale);
		return messages.getMessage("rollout.communication.subject." + m.getSubjectCode().name(), new Object[] { wave },
				m.getSubject(), locale);
	}

	/** Roles by their names, people by their ids. */
	private String audience(String audience, Locale locale) {
		return java.util.Arrays.stream(audience.split(",\\s*"))
			.map(a -> messages.getMessage("role." + a, null, a, locale))
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** The plan's quality measure in the reader's language while it is still the default one. */
	private String qualityTarget(RolloutPhase p, Locale locale) {
		return p.getQualityTarget() != null && p.getQualityTarget().equals(p.getCode().qualityTarget())
				? messages.getMessage("rollout.quality." + p.getCode().name(), null, p.getQualityTarget(), locale)
				: p.getQualityTarget();
	}

	/** The phase's result: the tracker's own words translated, what a person typed as typed. */
	private String qualityResult(RolloutPhase p, Locale locale) {
		String result = p.getQualityResult();
		String key = PhaseTracker.UAT_PASSED.equals(result) ? "rollout.quality.uatPassed"
				: PhaseTracker.UAT_FAILED.equals(result) ? "rollout.quality.uatFailed" : null;
		return key == null ? result : messages.getMessage(key, null, result, locale);
	}

	/** The DMN states its reasons in English; the page says them in the reader's language. */
	private String reason(String reason, Locale locale) {
		return texts.value(reason, locale);
	}

	private List<WaveRow> waves(Long rolloutId, ReaderDates dates, Locale locale) {
		return training.wavesOfRollout(rolloutId).stream().map(w -> waveRow(w, dates, locale)).toList();
	}

	/** A wave's figures and members, as {@link TrainingProgress} states them (no count of its own here). */
	private WaveRow waveRow(TrainingWave w, ReaderDates dates, Locale locale) {
		var progress = training.progress(w);
		var members = training.members(w).stream()
			.map(m -> new MemberRow(m.participant(), m.attended(), m.score(), m.passed(), m.overdue(), m.named()))
			.toList();
		return new WaveRow(w.getId(), w.getCode().name(), messages.getMessage("rollout.wave." + w.getCode().name(), null,
				w.getName(), locale), w.getStatus().name(), progress.invited(), progress.completed(),
				progress.completionPercent(), progress.target(), dates.date(w.getDeadline()),
				"/training/" + w.getCode().materialFolder(),
				training.sessionsOf(w.getId()).stream().map(s -> sessionRow(s, dates)).toList(), progress.attended(),
				progress.overdue(), members);
	}

	private SessionRow sessionRow(TrainingSession s, ReaderDates dates) {
		return new SessionRow(s.getId(), s.getTitle(), dates.dateTime(s.getStartsAt()), s.getLocation(), s.isOnline(),
				s.getTrainer(), training.attendanceOf(s.getId()).size());
	}

	private String phaseName(Phase phase, Locale locale) {
		return messages.getMessage("rollout.phase." + phase.name(), null, phase.title(), locale);
	}

	private static boolean inWorkspace(Caller caller) {
		return ROLES.stream().anyMatch(caller::hasRole);
	}

	/** The rollout workspace is for the project team, leadership and trainers. */
	private static void requireWorkspace(Authentication user) {
		if (!inWorkspace(Caller.of(user))) {
			throw PageRefusedException.forbidden("rollout.denied.text");
		}
	}

	/** Dates and times in the reader's language and the company's zone. */
	record ReaderDates(Dates dates, Locale locale) {

		String date(Instant instant) {
			return dates.date(instant, locale);
		}

		String dateTime(Instant instant) {
			return dates.dateTime(instant, locale);
		}

	}

	public record RolloutRow(Long id, String name, String sponsor, String status, String started, String currentPhase) {
	}

	public record RolloutHead(Long id, String name, String sponsor, String status, String started,
			String internalProjectManager, String partnerProjectManager, String strategy) {
	}

	public record PhaseRow(String code, String name, String status, boolean alongside, String plannedStart,
			String plannedEnd, String actualStart, String actualEnd, Long daysLate, String plannedCost,
			String actualCost, String qualityTarget, String qualityResult, double planLeft, double planWidth,
			Double actualLeft, Double actualWidth) {
	}

	public record GateInput(String name, String label, String value) {
	}

	public record GateRow(boolean go, List<String> reasons, List<GateInput> inputs, String at) {
	}

	public record IssueRow(Long id, String title, String severity, String assignee, String status, String reportedBy,
			String openedAt, String closedAt) {

		public boolean open() {
			return "OPEN".equals(status);
		}

	}

	public record WaveRow(Long id, String kind, String name, String status, long invited, long completed,
			double percent, int target, String deadline, String material, List<SessionRow> sessions, long attended,
			long overdue, List<MemberRow> members) {
	}

	/** One member of a wave's audience: attended a session, the check's score, passed, overdue, named by the trainer. */
	public record MemberRow(String participant, boolean attended, Integer score, boolean passed, boolean overdue,
			boolean named) {
	}

	public record SessionRow(Long id, String title, String startsAt, String location, boolean online, String trainer,
			int attendanceTaken) {
	}

	public record PlanRow(String stakeholder, String quadrant, String channel, String cadence) {
	}

	public record MessageRow(String audience, int recipients, String channel, String subject, String sentBy,
			String sentAt) {
	}

	public record AssessmentRow(String date, List<Integer> scores, String notes) {
	}

	public record BarrierRow(Long id, String dimension, int score, String status, String mitigation, boolean taskOpen,
			String taskAssignee) {
	}

	public record StakeholderRow(Long id, String name, String category, String department, int influence, int interest,
			String responsibleManager, List<Integer> scores, List<AssessmentRow> history, List<BarrierRow> barrierPoints,
			String quadrant, String channel, String cadence) {
	}

	public record ParticipantRow(String participant, boolean taken, boolean present, boolean attended, Integer score,
			boolean checkTaken, boolean completed) {
	}

}
