package dev.lodestar.rollout;

import dev.lodestar.system.FormValues;
import dev.lodestar.system.EngineClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.access.Roles;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessApi;

/**
 * Starts rollouts (the record, its phases and waves, and the {@code crm-rollout} instance in one
 * transaction) and is the glue the process calls ({@code ${rolloutService...}}).
 */
@Service("rolloutService")
@Transactional
public class RolloutService {

	private final Rollouts rollouts;
	private final RolloutPhases phases;
	private final RolloutIssues issues;
	private final RolloutMessages messages;
	private final TrainingService training;
	private final IdentityService identityService;
	private final RuntimeService runtimeService;
	private final Clock clock;

	RolloutService(Rollouts rollouts, RolloutPhases phases, RolloutIssues issues, RolloutMessages messages,
			TrainingService training, IdentityService identityService, RuntimeService runtimeService,
			Optional<Clock> clock) {
		this.messages = messages;
		this.rollouts = rollouts;
		this.phases = phases;
		this.issues = issues;
		this.training = training;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** The top-leader principle: the sponsor must be an executive. */
	public Rollout start(String name, String sponsor, String strategy, String startedBy) {
		var errors = new ArrayList<FieldError>();
		if (name == null || name.isBlank()) {
			errors.add(new FieldError("name", "is required"));
		}
		if (sponsor == null || sponsor.isBlank()) {
			errors.add(new FieldError("sponsor", "is required: the most senior executive sponsors the rollout"));
		}
		else if (identityService.createUserQuery().userId(sponsor).memberOfGroup(Roles.EXECUTIVE).count() == 0) {
			errors.add(new FieldError("sponsor", "must be an executive (top-leader principle): " + sponsor + " is not"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var now = clock.instant();
		var rollout = rollouts.save(new Rollout(name.trim(), sponsor, strategy, startedBy, now));
		for (Phase phase : Phase.values()) {
			phases.save(RolloutPhase.planned(rollout.getId(), phase, now));
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(RolloutProcess.VAR_ROLLOUT_ID, rollout.getId());
		variables.put(RolloutProcess.VAR_SPONSOR, sponsor);
		variables.put(RolloutProcess.VAR_EXECUTIVES_WAVE, wave(rollout, WaveKind.EXECUTIVES, Phase.TRAINING_EXECUTIVES));
		variables.put(RolloutProcess.VAR_PROJECT_TEAM_WAVE,
				wave(rollout, WaveKind.PROJECT_TEAM, Phase.TRAINING_PROJECT_TEAM));
		variables.put(RolloutProcess.VAR_END_USERS_WAVE, wave(rollout, WaveKind.END_USERS, Phase.TRAINING_END_USERS));
		variables.put(RolloutProcess.VAR_ALL_STAFF_WAVE, wave(rollout, WaveKind.ALL_STAFF, Phase.TRAINING_ALL_STAFF));
		var instance = runtimeService.startProcessInstanceByKey(RolloutProcess.KEY, rollout.getId().toString(),
				variables);
		rollout.startedAs(instance.getId());
		return rollout;
	}

	private Long wave(Rollout rollout, WaveKind kind, Phase phase) {
		var planned = RolloutPhase.planned(rollout.getId(), phase, rollout.getCreatedAt());
		var deadline = planned.getPlannedEnd().plus(Duration.ofDays(7));
		return training.create(rollout.getId(), kind, kind.audience(), kind.completionTarget(), deadline).getId();
	}

	/** Completing {@code Task_FormProjectTeam}: two co-project-managers or the task stays open. */
	@ProcessApi
	public void formProjectTeam(Long rolloutId, DelegateTask task) {
		rollout(rolloutId).formProjectTeam(FormValues.text(task.getVariable(RolloutProcess.VAR_INTERNAL_PM)),
				FormValues.text(task.getVariable(RolloutProcess.VAR_PARTNER_PM)));
	}

	@ProcessApi
	public void complete(Long rolloutId) {
		rollout(rolloutId).complete(clock.instant());
	}

	RolloutIssue logIssue(Long rolloutId, String title, boolean critical, String reportedBy) {
		rollout(rolloutId);
		return issues.save(new RolloutIssue(rolloutId, title, critical, reportedBy, clock.instant()));
	}

	public RolloutIssue logIssue(Long rolloutId, String title, RolloutIssue.Severity severity, String assignee,
			String reportedBy) {
		rollout(rolloutId);
		requireUser("assignee", assignee);
		return issues.save(new RolloutIssue(rolloutId, title, severity, assignee, reportedBy, clock.instant()));
	}

	/** Sets what is given: a new severity, a new assignee (blank = nobody). */
	RolloutIssue updateIssue(Long rolloutId, Long issueId, RolloutIssue.Severity severity, String assignee,
			boolean changeAssignee) {
		var issue = issue(rolloutId, issueId);
		if (severity != null) {
			issue.classify(severity);
		}
		if (changeAssignee) {
			requireUser("assignee", assignee);
			issue.assign(assignee);
		}
		return issue;
	}

	public RolloutIssue closeIssue(Long rolloutId, Long issueId) {
		var issue = issue(rolloutId, issueId);
		issue.close(clock.instant());
		return issue;
	}

	private RolloutIssue issue(Long rolloutId, Long issueId) {
		return issues.findById(issueId)
			.filter(i -> i.getRolloutId().equals(rolloutId))
			.orElseThrow(() -> new NotFoundException("Issue", issueId));
	}

	private void requireUser(String field, String userId) {
		if (userId != null && !userId.isBlank()
				&& identityService.createUserQuery().userId(userId.trim()).count() == 0) {
			throw new InvalidInputException(field, "no such user: " + userId);
		}
	}

	/** Logs a message of the communication plan: what was sent to whom. */
	public RolloutMessage logMessage(Long rolloutId, String audience, int recipients, String channel, String subject,
			String sentBy) {
		rollout(rolloutId);
		return messages.save(new RolloutMessage(rolloutId, audience, recipients, channel, subject, sentBy,
				clock.instant()));
	}

	@Transactional(readOnly = true)
	List<RolloutMessage> messagesOf(Long rolloutId) {
		return messages.findByRolloutIdOrderBySentAtDescIdDesc(rolloutId);
	}

	@Transactional(readOnly = true)
	long openCriticalIssues(Long rolloutId) {
		return issues.countByRolloutIdAndCriticalTrueAndStatus(rolloutId, RolloutIssue.Status.OPEN);
	}

	@Transactional(readOnly = true)
	Rollout rollout(Long id) {
		return rollouts.findById(id).orElseThrow(() -> new NotFoundException("Rollout", id));
	}

	/** Whether a rollout of this name exists. */
	@Transactional(readOnly = true)
	public boolean exists(String name) {
		return rollouts.findFirstByName(name).isPresent();
	}

	@Transactional(readOnly = true)
	Optional<Rollout> rollouts(Long id) {
		return rollouts.findById(id);
	}

	@Transactional(readOnly = true)
	List<Rollout> all() {
		return rollouts.findAll();
	}

	@Transactional(readOnly = true)
	List<RolloutPhase> phasesOf(Long rolloutId) {
		return phases.findByRolloutIdOrderByPosition(rolloutId);
	}

	@Transactional(readOnly = true)
	List<RolloutIssue> issuesOf(Long rolloutId) {
		return issues.findByRolloutIdOrderById(rolloutId);
	}

}
