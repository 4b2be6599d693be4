package dev.lodestar.rollout;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The rollout's state for leadership and the project team, and the project team's actions. */
@RestController
@RequestMapping("/api/rollouts")
@PreAuthorize("hasAnyRole('project-team', 'executive', 'process-owner', 'trainer', 'camunda-admin')")
class RolloutController {

	private final RolloutService rollouts;
	private final StakeholderRegister register;
	private final TrainingService training;
	private final GoLiveGate gate;
	private final TaskService taskService;
	private final WorklistService worklist;
	private final RuntimeService runtimeService;

	RolloutController(RolloutService rollouts, StakeholderRegister register, TrainingService training,
			GoLiveGate gate, TaskService taskService, RuntimeService runtimeService, WorklistService worklist) {
		this.gate = gate;
		this.worklist = worklist;
		this.rollouts = rollouts;
		this.register = register;
		this.training = training;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
	}

	/** Starts a rollout: the record, its planned phases and four waves, and the process, in one transaction. */
	@PostMapping
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	ResponseEntity<RolloutView> start(@Valid @RequestBody StartRollout body, Authentication user) {
		var rollout = rollouts.start(body.name(), body.sponsor(), body.strategy(), user.getName());
		return ResponseEntity.created(URI.create("/api/rollouts/" + rollout.getId())).body(view(rollout));
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<RolloutView> all() {
		return rollouts.all().stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	RolloutView one(@PathVariable Long id) {
		return view(rollouts.rollout(id));
	}

	@PostMapping("/{id}/stakeholders")
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	ResponseEntity<StakeholderView> register(@PathVariable Long id, @Valid @RequestBody RegisterStakeholder body) {
		rollouts.rollout(id);
		var stakeholder = register.register(id, body.name(), body.category(), body.department(), body.influence(),
				body.interest(), body.responsibleManager());
		return ResponseEntity.created(URI.create("/api/rollouts/" + id + "/stakeholders/" + stakeholder.getId()))
			.body(StakeholderView.of(stakeholder));
	}

	@GetMapping("/{id}/stakeholders")
	@Transactional(readOnly = true)
	List<StakeholderView> stakeholders(@PathVariable Long id) {
		return register.of(id).stream().map(StakeholderView::of).toList();
	}

	/** Completes the open ADKAR task of this stakeholder with these scores (each 1-5). */
	@PostMapping("/{id}/stakeholders/{stakeholderId}/assessment")
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	StakeholderView assess(@PathVariable Long id, @PathVariable Long stakeholderId, @Valid @RequestBody Adkar body,
			Authentication user) {
		Task task = taskService.createTaskQuery()
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_ASSESS_ADKAR)
			.list()
			.stream()
			.filter(t -> stakeholderId.equals(runtimeService.getVariable(t.getExecutionId(),
					StakeholderAssessmentProcess.VAR_STAKEHOLDER_ID)))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Open ADKAR assessment of stakeholder", stakeholderId));
		var stakeholder = register.stakeholder(stakeholderId);
		if (!stakeholder.getRolloutId().equals(id)) {
			throw new NotFoundException("Stakeholder", stakeholderId);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("awareness", body.awareness());
		variables.put("desire", body.desire());
		variables.put("knowledge", body.knowledge());
		variables.put("ability", body.ability());
		variables.put("reinforcement", body.reinforcement());
		variables.put(StakeholderAssessmentProcess.VAR_ASSESSMENT_NOTES, body.notes());
		worklist.complete(Caller.of(user), task.getId(), variables, LocaleContextHolder.getLocale());
		return StakeholderView.of(register.stakeholder(stakeholderId));
	}

	/** Runs a stakeholder assessment on its own, e.g. to re-assess after the trial run. */
	@PostMapping("/{id}/stakeholder-assessments")
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	ResponseEntity<Map<String, String>> reassess(@PathVariable Long id) {
		rollouts.rollout(id);
		var instance = runtimeService.startProcessInstanceByKey(StakeholderAssessmentProcess.KEY, id.toString(),
				Map.of(StakeholderAssessmentProcess.VAR_ROLLOUT_ID, id));
		return ResponseEntity.status(201).body(Map.of("processInstanceId", instance.getId()));
	}

	@PostMapping("/{id}/issues")
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	ResponseEntity<IssueView> logIssue(@PathVariable Long id, @Valid @RequestBody LogIssue body, Authentication user) {
		var severity = body.severity() != null ? body.severity()
				: Boolean.TRUE.equals(body.critical()) ? RolloutIssue.Severity.CRITICAL : RolloutIssue.Severity.MEDIUM;
		var issue = rollouts.logIssue(id, body.title(), severity, body.assignee(), user.getName());
		return ResponseEntity.created(URI.create("/api/rollouts/" + id + "/issues/" + issue.getId()))
			.body(IssueView.of(issue));
	}

	/** Sets an open issue's severity and/or assignee (an empty assignee = nobody); a closed issue is 409. */
	@PutMapping("/{id}/issues/{issueId}")
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	IssueView updateIssue(@PathVariable Long id, @PathVariable Long issueId, @Valid @RequestBody UpdateIssue body) {
		return IssueView.of(rollouts.updateIssue(id, issueId, body.severity(), body.assignee(), body.assignee() != null));
	}

	/** The go-live gate judged now by the DMN {@code go-live-gate} with today's figures, and the process's last verdict. */
	@GetMapping("/{id}/gate")
	@Transactional(readOnly = true)
	GateView gate(@PathVariable Long id) {
		var rollout = rollouts.rollout(id);
		var now = gate.now(rollout);
		return new GateView(now.go(), now.reasons(), now.figures(), gate.last(rollout).map(l -> new LastVerdict(l.go(), l.reasons(), l.at())).orElse(null));
	}

	/** The communication log: what was sent to whom, newest first. */
	@GetMapping("/{id}/messages")
	@Transactional(readOnly = true)
	List<MessageView> messages(@PathVariable Long id) {
		rollouts.rollout(id);
		return rollouts.messagesOf(id).stream().map(MessageView::of).toList();
	}

	@PostMapping("/{id}/messages")
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	ResponseEntity<MessageView> logMessage(@PathVariable Long id, @Valid @RequestBody LogMessage body, Authentication user) {
		var message = rollouts.logMessage(id, body.audience(), body.recipients() == null ? 0 : body.recipients(),
				body.channel(), body.subject(), user.getName());
		return ResponseEntity.status(201).body(MessageView.of(message));
	}

	@PostMapping("/{id}/issues/{issueId}/close")
	@PreAuthorize("hasRole('project-team')")
	@Transactional
	IssueView closeIssue(@PathVariable Long id, @PathVariable Long issueId) {
		return IssueView.of(rollouts.closeIssue(id, issueId));
	}

	private RolloutView view(Rollout rollout) {
		var active = rollout.getProcessInstanceId() == null ? List.<String>of()
				: runtimeService.createProcessInstanceQuery().processInstanceId(rollout.getProcessInstanceId()).count() == 0
						? List.<String>of() : runtimeService.getActiveActivityIds(rollout.getProcessInstanceId());
		return new RolloutView(rollout.getId(), rollout.getName(), rollout.getSponsor(), rollout.getStatus().name(),
				rollout.getStrategy(), rollout.getInternalProjectManager(), rollout.getPartnerProjectManager(),
				rollout.getCreatedAt(), rollout.getCompletedAt(), active,
				rollouts.phasesOf(rollout.getId()).stream().map(PhaseView::of).toList(),
				training.wavesOf(rollout.getId()),
				register.of(rollout.getId()).size(),
				register.barrierPointsOf(rollout.getId()).stream().map(b -> BarrierPointView.of(b, register)).toList(),
				rollouts.issuesOf(rollout.getId()).stream().map(IssueView::of).toList());
	}

	record StartRollout(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String sponsor,
			@Size(max = 4000) String strategy) {
	}

	record RegisterStakeholder(@NotBlank @Size(max = 200) String name, @NotNull Stakeholder.Category category,
			@Size(max = 200) String department, @NotNull @Min(1) @Max(5) Integer influence,
			@NotNull @Min(1) @Max(5) Integer interest, @Size(max = 64) String responsibleManager) {
	}

	record Adkar(@NotNull @Min(1) @Max(5) Integer awareness, @NotNull @Min(1) @Max(5) Integer desire,
			@NotNull @Min(1) @Max(5) Integer knowledge, @NotNull @Min(1) @Max(5) Integer ability,
			@NotNull @Min(1) @Max(5) Integer reinforcement, @Size(max = 2000) String notes) {
	}

	record LogIssue(@NotBlank @Size(max = 500) String title, Boolean critical, RolloutIssue.Severity severity,
			@Size(max = 64) String assignee) {
	}

	record UpdateIssue(RolloutIssue.Severity severity, @Size(max = 64) String assignee) {
	}

	record LogMessage(@NotBlank @Size(max = 300) String audience, @Min(0) Integer recipients,
			@Size(max = 100) String channel, @NotBlank @Size(max = 500) String subject) {
	}

	record GateView(boolean go, List<String> reasons, Map<String, Object> figures, LastVerdict last) {
	}

	record LastVerdict(boolean go, List<String> reasons, Instant at) {
	}

	record MessageView(Long id, String audience, int recipients, String channel, String subject, String sentBy,
			Instant sentAt) {

		static MessageView of(RolloutMessage m) {
			return new MessageView(m.getId(), m.getAudience(), m.getRecipients(), m.getChannel(), m.getSubject(),
					m.getSentBy(), m.getSentAt());
		}
	}

	record RolloutView(Long id, String name, String sponsor, String status, String strategy,
			String internalProjectManager, String partnerProjectManager, Instant startedAt, Instant completedAt,
			List<String> currentActivities, List<PhaseView> phases, List<TrainingProgress.WaveProgress> waves,
			int stakeholders, List<BarrierPointView> barrierPoints, List<IssueView> issues) {
	}

	record PhaseView(String code, String name, String status, Instant plannedStart, Instant plannedEnd,
			BigDecimal plannedCost, String qualityTarget, Instant actualStart, Instant actualEnd, BigDecimal actualCost,
			String qualityResult, Long daysLate) {

		static PhaseView of(RolloutPhase p) {
			return new PhaseView(p.getCode().name(), p.getName(), p.getStatus().name(), p.getPlannedStart(),
					p.getPlannedEnd(), p.getPlannedCost(), p.getQualityTarget(), p.getActualStart(), p.getActualEnd(),
					p.getActualCost(), p.getQualityResult(), p.daysLate());
		}
	}

	record StakeholderView(Long id, String name, String category, String department, int influence, int interest,
			String responsibleManager, Integer awareness, Integer desire, Integer knowledge, Integer ability,
			Integer reinforcement, Instant assessedAt, String quadrant, String communicationChannel,
			String communicationCadence) {

		static StakeholderView of(Stakeholder s) {
			return new StakeholderView(s.getId(), s.getName(), s.getCategory().name(), s.getDepartment(),
					s.getInfluence(), s.getInterest(), s.getResponsibleManager(), s.getAwareness(), s.getDesire(),
					s.getKnowledge(), s.getAbility(), s.getReinforcement(), s.getAssessedAt(), s.getQuadrant(),
					s.getCommunicationChannel(), s.getCommunicationCadence());
		}
	}

	record BarrierPointView(Long id, Long stakeholderId, String stakeholder, String dimension, int score, String status,
			String mitigation) {

		static BarrierPointView of(BarrierPoint b, StakeholderRegister register) {
			return new BarrierPointView(b.getId(), b.getStakeholderId(), register.nameOf(b.getStakeholderId()),
					b.getDimension(), b.getScore(), b.getStatus().name(), b.getMitigation());
		}
	}

	record IssueView(Long id, String title, boolean critical, String severity, String assignee, String status,
			String reportedBy, Instant openedAt, Instant closedAt) {

		static IssueView of(RolloutIssue i) {
			return new IssueView(i.getId(), i.getTitle(), i.isCritical(), i.getSeverity().name(), i.getAssignee(),
					i.getStatus().name(), i.getReportedBy(), i.getOpenedAt(), i.getClosedAt());
		}
	}

}
