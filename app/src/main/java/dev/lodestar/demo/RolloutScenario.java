package dev.lodestar.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.lodestar.rollout.RolloutIssue;
import dev.lodestar.rollout.RolloutProcess;
import dev.lodestar.rollout.RolloutService;
import dev.lodestar.rollout.Stakeholder;
import dev.lodestar.rollout.StakeholderAssessmentProcess;
import dev.lodestar.rollout.StakeholderRegister;
import dev.lodestar.rollout.TrainingDesk;
import dev.lodestar.rollout.TrainingLibrary;
import dev.lodestar.rollout.TrainingService;
import dev.lodestar.rollout.TrainingWave;
import dev.lodestar.rollout.TrainingWaveProcess;
import dev.lodestar.system.EngineClock;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;

/**
 * A rollout replayed up to its trial run, as "A day in Lodestar" describes it: erin sponsors a rollout that started 24 weeks ago and is
 * now in its trial run. The programme is replayed week by week with the engine's clock set
 * back, so every phase has real plan-against-actual dates: the stakeholders are assessed with
 * two barrier points still open (bob's mitigation tasks), three training waves are done, the
 * all-staff wave stands at about 70 % (alice has attended and has her knowledge check to take; grace
 * has today's online session to take attendance for), and frank's team keeps the trial's issue
 * log. Knowledge checks and attendance go through the same service as the pages. The demo runs
 * it once; tests run it for a rollout of their own.
 */
@Component
public class RolloutScenario {

	/** How long ago the programme started: the trial run is planned from week 23. */
	static final int WEEKS_AGO = 24;

	private final RolloutService rollouts;
	private final StakeholderRegister register;
	private final TrainingService training;
	private final TrainingDesk desk;
	private final TrainingLibrary library;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final IdentityService identity;
	private final WorklistService worklist;
	private final Clock clock;

	private Instant start;

	/** The week the replay has reached: the clock only moves forward, so no step ends before it starts. */
	private double reached;

	RolloutScenario(RolloutService rollouts, StakeholderRegister register, TrainingService training, TrainingDesk desk,
			TrainingLibrary library, RuntimeService runtime, TaskService tasks, IdentityService identity,
			WorklistService worklist, Clock clock) {
		this.clock = clock;
		this.worklist = worklist;
		this.rollouts = rollouts;
		this.register = register;
		this.training = training;
		this.desk = desk;
		this.library = library;
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
	}

	/** Sets the engine's clock to a point of the programme: weeks (and days) after its start. */
	private void week(double weeks) {
		if (weeks < reached) {
			throw new IllegalStateException("The replay went back from week " + reached + " to " + weeks);
		}
		reached = weeks;
		EngineClock.travelTo(start.plus(Duration.ofMinutes((long) (weeks * 7 * 24 * 60))));
	}

	/**
	 * Replays a rollout up to its trial run (in the caller's transaction) and returns its id;
	 * the engine's clock is reset afterwards, also when it fails.
	 */
	public Long trialRun(String name) {
		try {
			return create(name);
		}
		finally {
			EngineClock.backToNow();
		}
	}

	private Long create(String name) {
		start = clock.instant().minus(Duration.ofDays(7L * WEEKS_AGO));
		reached = 0;
		week(0);
		var rollout = rollouts.start(name, "erin",
				"Employees first: no customer data typed twice, no lost follow-up, every complaint within its SLA.", "frank");
		Long id = rollout.getId();
		String pi = rollout.getProcessInstanceId();
		register.register(id, "Executive board", Stakeholder.Category.DECISION_MAKER, "Board", 5, 5, "erin");
		register.register(id, "Sales team", Stakeholder.Category.EMPLOYEE, "Sales", 2, 5, "bob");
		register.register(id, "Customer service team", Stakeholder.Category.EMPLOYEE, "Service", 2, 4, "dave");
		register.register(id, "Finance controller", Stakeholder.Category.SENIOR_MANAGER, "Finance", 4, 2, "erin");
		register.register(id, "Key customers", Stakeholder.Category.CUSTOMER, null, 1, 3, "dave");

		week(1.6);
		complete(pi, RolloutProcess.TASK_SPONSOR, "erin", Map.of("strategy",
				"Align CRM goals with employee goals first; ROI from shorter sales cycles and fewer SLA breaches",
				"roiAnalysis", "Payback in 18 months; main risk: sales staff resisting data entry", "budget", 200000,
				"actualCost", 5400));
		rollouts.logMessage(id, "All staff", 0, "town hall", "Kick-off: why we introduce CRM, by the sponsor", "erin");

		// the executives' wave starts with the sponsor's strategy: its session is planned at once
		planWave(pi, RolloutProcess.VAR_EXECUTIVES_WAVE, 1.7, 2.2, "Training room 2");
		var executives = attendWave(pi, RolloutProcess.VAR_EXECUTIVES_WAVE, 2.2);

		// the stakeholder assessment: the sales team still lacks desire and reinforcement
		week(2.5);
		String assessment = called(pi, StakeholderAssessmentProcess.KEY);
		complete(assessment, StakeholderAssessmentProcess.TASK_REVIEW_REGISTER, "frank", Map.of("registerComplete", true));
		week(3.5);
		for (Task adkar : tasks.createTaskQuery().processInstanceId(assessment)
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_ASSESS_ADKAR).list()) {
			Long stakeholderId = (Long) runtime.getVariable(adkar.getExecutionId(), StakeholderAssessmentProcess.VAR_STAKEHOLDER_ID);
			boolean sales = register.nameOf(stakeholderId).startsWith("Sales team"); // "Sales team (Sales)"
			worklist.complete(worklist.as("frank"), adkar.getId(), Map.of("awareness", 4, "desire", sales ? 3 : 4, "knowledge", 4, "ability", 4,
					"reinforcement", sales ? 2 : 4, "assessmentNotes",
					sales ? "Fear that every call and visit must now be typed in" : "Supportive"), Locale.ENGLISH);
		}
		rollouts.logMessage(id, "Sales team", 12, "team meeting", "What CRM changes for sales: less typing, no lost follow-up", "bob");

		checkWave(pi, RolloutProcess.VAR_EXECUTIVES_WAVE, 3.6, executives);
		week(4.8);
		complete(pi, RolloutProcess.TASK_FORM_TEAM, "frank", Map.of(RolloutProcess.VAR_INTERNAL_PM, "frank",
				RolloutProcess.VAR_PARTNER_PM, "Petra Partner (Acme Consulting)", "teamMembers", "bob, dave, key users"));
		completeWave(pi, RolloutProcess.VAR_PROJECT_TEAM_WAVE, 4.9, 5.5, 7.5);
		week(11.8);
		complete(pi, RolloutProcess.TASK_DESIGN, "frank", Map.of("participants", "alice, carol and four key users",
				"designDecisions", "One intake for all channels; discount approval above 10%", "actualCost", 43500));
		rollouts.logMessage(id, "Key-user community", 8, "newsletter", "The redesigned lead and complaint processes", "frank");
		week(18.4);
		complete(pi, RolloutProcess.TASK_CONFIGURE, "frank", Map.of("configurationNotes", "Lead routing, SLA classes",
				"actualCost", 61200));
		week(20.5);
		var duplicates = rollouts.logIssue(id, "Import left duplicate customer records", RolloutIssue.Severity.CRITICAL,
				"frank", "frank");
		week(21.3);
		rollouts.closeIssue(id, duplicates.getId());
		complete(pi, RolloutProcess.TASK_UAT, "frank", Map.of(RolloutProcess.VAR_UAT_PASSED, true, "uatNotes",
				"Two minor findings, fixed", "actualCost", 14800));
		completeWave(pi, RolloutProcess.VAR_END_USERS_WAVE, 21.4, 21.6, 23.0);

		// the gate said go: the trial runs, the all-staff wave is at 70 %
		allStaffWave(pi, id);
		EngineClock.backToNow();
		return id;
	}

	/**
	 * A wave done: grace plans a session once the wave has started, takes its attendance
	 * (everybody present), and every participant takes the knowledge check in the app, until the
	 * wave's target is met.
	 */
	private void completeWave(String rolloutInstance, String waveVariable, double planWeek, double sessionWeek,
			double doneWeek) {
		planWave(rolloutInstance, waveVariable, planWeek, sessionWeek, "Training room 2");
		var participants = attendWave(rolloutInstance, waveVariable, sessionWeek);
		checkWave(rolloutInstance, waveVariable, doneWeek, participants);
	}

	private void planWave(String rolloutInstance, String waveVariable, double planWeek, double sessionWeek, String place) {
		week(planWeek);
		planSession(training.wave((Long) runtime.getVariable(rolloutInstance, waveVariable)), sessionWeek, place);
	}

	/** Everybody attends the wave's session; returns who did. */
	private List<String> attendWave(String rolloutInstance, String waveVariable, double sessionWeek) {
		Long waveId = (Long) runtime.getVariable(rolloutInstance, waveVariable);
		week(sessionWeek);
		var session = training.sessionsOf(waveId).get(0);
		var all = training.pendingParticipants(waveId);
		var presence = new LinkedHashMap<String, Boolean>();
		all.forEach(p -> presence.put(p, true));
		desk.takeAttendance(caller("grace"), session.getId(), presence, Locale.ENGLISH);
		return all;
	}

	private void checkWave(String rolloutInstance, String waveVariable, double doneWeek, List<String> participants) {
		var wave = training.wave((Long) runtime.getVariable(rolloutInstance, waveVariable));
		week(doneWeek);
		for (String participant : participants) {
			if (runtime.createProcessInstanceQuery().processInstanceId(wave.getProcessInstanceId()).count() == 0) {
				break;
			}
			takeCheck(participant, wave, participant.hashCode());
		}
	}

	/**
	 * Wave 4 at 70 %: the first session is behind us, its attendance taken; alice was there and
	 * has her check to take; frank and admin took theirs online and wait for today's session.
	 */
	private void allStaffWave(String rolloutInstance, Long id) {
		Long waveId = (Long) runtime.getVariable(rolloutInstance, RolloutProcess.VAR_ALL_STAFF_WAVE);
		var wave = training.wave(waveId);
		week(23.1);
		planSession(wave, 23.2, "Town hall, 5th floor");
		var first = training.sessionsOf(waveId).get(0);
		var participants = training.pendingParticipants(waveId);
		int target = (int) Math.round(0.7 * participants.size());
		var laterSession = List.of("frank");
		var done = new ArrayList<String>();
		for (String p : participants) {
			if (done.size() < target && !p.equals("alice") && !laterSession.contains(p)) {
				done.add(p);
			}
		}
		week(23.3);
		var presence = new LinkedHashMap<String, Boolean>();
		done.forEach(p -> presence.put(p, true));
		if (participants.contains("alice")) {
			presence.put("alice", true);
		}
		desk.takeAttendance(caller("grace"), first.getId(), presence, Locale.ENGLISH);
		week(23.4);
		rollouts.logIssue(id, "Phone integration drops the caller id on transfers", RolloutIssue.Severity.HIGH, "frank",
				"carol");
		rollouts.logMessage(id, "All staff", 0, "intranet", "Trial run started: how to report an issue", "frank");
		week(23.6);
		for (String p : done) {
			takeCheck(p, wave, p.hashCode());
		}
		for (String p : laterSession) {
			if (participants.contains(p)) {
				takeCheck(p, wave, p.hashCode());
			}
		}
		EngineClock.backToNow();
		training.addSession(waveId, "All staff: Lodestar in five minutes (online repeat)", clock.instant().plus(Duration.ofHours(2)),
				"https://meet.example.com/lodestar-all-staff", "grace");
	}

	private void planSession(TrainingWave wave, double sessionWeek, String place) {
		String pi = wave.getProcessInstanceId();
		var startsAt = start.plus(Duration.ofMinutes((long) (sessionWeek * 7 * 24 * 60)));
		complete(pi, TrainingWaveProcess.TASK_PLAN_SESSIONS, "grace", Map.of(TrainingWaveProcess.VAR_SESSION_TITLE,
				wave.getName(), TrainingWaveProcess.VAR_SESSION_STARTS_AT, Date.from(startsAt),
				TrainingWaveProcess.VAR_SESSION_LOCATION, place));
	}

	/** The participant answers the check of their wave in the app; most answers right, a few not. */
	private void takeCheck(String participant, TrainingWave wave, int seed) {
		var check = library.knowledgeCheck(wave.getCode().materialFolder(), Locale.ENGLISH).orElseThrow();
		if (desk.openCheck(participant, wave.getCode().materialFolder()).isEmpty()) {
			return;
		}
		var answers = new HashMap<Integer, Set<Integer>>();
		int wrong = Math.abs(seed % 3);
		for (var q : check.questions()) {
			boolean right = q.number() > wrong;
			answers.put(q.number(), right ? q.key() : Set.of((q.key().iterator().next() + 1) % q.options().size()));
		}
		desk.takeCheck(caller(participant), wave.getCode().materialFolder(), answers, Locale.ENGLISH);
	}

	private Caller caller(String userId) {
		return worklist.as(userId);
	}

	private String called(String parent, String key) {
		return runtime.createProcessInstanceQuery().superProcessInstanceId(parent).processDefinitionKey(key)
			.singleResult().getId();
	}

	private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
		worklist.complete(worklist.as(user), task.getId(), variables, Locale.ENGLISH); // claims it on the way
	}

}
