package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.insight.KpiReviewProcess;
import dev.lodestar.insight.KpiReviewService;
import dev.lodestar.system.InvalidInputException;

/**
 * Walks every path of the four rollout processes: crm-rollout, stakeholder-assessment,
 * training-wave and kpi-review. The coverage listener fails the class unless every flow node
 * and sequence flow of them was passed (report in target/process-test-coverage/).
 */
@LodestarIntegrationTest
@Import({ ProcessEngineCoverageConfiguration.class, RolloutProcessesTest.FullCoverage.class })
class RolloutProcessesTest {

	@TestConfiguration
	static class FullCoverage {

		@Bean
		ProcessEngineCoverageProperties rolloutCoverage() {
			return new ProcessEngineCoverageProperties.Builder().assertClassCoverageAtLeast(1.0)
				.excludeProcessDefinitionKeys("notify-smoke", "kpi-fixture-sales", "kpi-fixture-service", "lead-to-sale",
						"complaint-to-resolution")
				.build();
		}

	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	RolloutService rollouts;

	@Autowired
	StakeholderRegister register;

	@Autowired
	TrainingService training;

	@Autowired
	KpiReviewService kpiReviews;

	@Autowired
	dev.lodestar.worklist.WorklistService worklist;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@BeforeEach
	void setUp() {
		init(engine);
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		reset();
	}

	// ------------------------------------------------------------------ crm-rollout

	@Test
	void rolloutRunsFromSponsorshipThroughNoGoRemediationAndTrialExtensionToTheFirstKpiReview() {
		var rollout = rollouts.start("Rollout " + UUID.randomUUID(), "erin", "Employees first", "frank");
		Long id = rollout.getId();
		register.register(id, "Sales reps " + id, Stakeholder.Category.EMPLOYEE, "Sales", 2, 5, "bob");
		ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString())
			.processDefinitionKey(RolloutProcess.KEY).singleResult();

		assertThat(pi).isWaitingAt(RolloutProcess.TASK_SPONSOR).task().isAssignedTo("erin");
		complete(pi, RolloutProcess.TASK_SPONSOR, Map.of("strategy", "Align CRM goals with employee goals"));
		assertThat(pi).isWaitingAt(RolloutProcess.CALL_STAKEHOLDERS, RolloutProcess.CALL_TRAIN_EXECUTIVES);

		completeWave(waveId(pi, RolloutProcess.VAR_EXECUTIVES_WAVE));
		assertThat(pi).isWaitingAt(RolloutProcess.TASK_FORM_TEAM);
		Task team = task(pi, RolloutProcess.TASK_FORM_TEAM);
		assertThatThrownBy(() -> tasks.complete(team.getId(),
				Map.of(RolloutProcess.VAR_INTERNAL_PM, "frank", RolloutProcess.VAR_PARTNER_PM, "frank")))
			.hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("two people");
		assertThat(pi).isWaitingAt(RolloutProcess.TASK_FORM_TEAM);
		complete(pi, RolloutProcess.TASK_FORM_TEAM,
				Map.of(RolloutProcess.VAR_INTERNAL_PM, "frank", RolloutProcess.VAR_PARTNER_PM, "Petra Partner (Acme Consulting)"));

		completeWave(waveId(pi, RolloutProcess.VAR_PROJECT_TEAM_WAVE));
		complete(pi, RolloutProcess.TASK_DESIGN, Map.of("designDecisions", "One intake for every channel"));
		complete(pi, RolloutProcess.TASK_CONFIGURE, Map.of("configurationNotes", "Lead routing", "actualCost", 55000));
		complete(pi, RolloutProcess.TASK_UAT, Map.of(RolloutProcess.VAR_UAT_PASSED, false));
		var critical = rollouts.logIssue(id, "Duplicate customers after import", true, "frank");
		completeWave(waveId(pi, RolloutProcess.VAR_END_USERS_WAVE));

		// no-go: UAT failed and a critical issue is open, one remediation task each
		assertThat(pi).isWaitingAt(RolloutProcess.TASK_REMEDIATE);
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(RolloutProcess.TASK_REMEDIATE).list())
			.extracting(Task::getName)
			.containsExactlyInAnyOrder("Remediate: User acceptance testing has not passed",
					"Remediate: Critical issues are still open");
		rollouts.closeIssue(id, critical.getId());
		for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(RolloutProcess.TASK_REMEDIATE).list()) {
			tasks.complete(t.getId(), Map.of("remediation", "fixed", RolloutProcess.VAR_UAT_PASSED, true));
		}

		// go: the trial runs beside the all-staff wave
		assertThat(pi).isWaitingAt(RolloutProcess.TASK_TRIAL, RolloutProcess.CALL_TRAIN_ALL_STAFF);
		complete(pi, RolloutProcess.TASK_TRIAL, Map.of("trialFindings", "Two minor issues"));
		complete(pi, RolloutProcess.TASK_GO_LIVE, Map.of(RolloutProcess.VAR_GO_LIVE, false, "goLiveRationale", "More trial"));
		assertThat(pi).isWaitingAt(RolloutProcess.TASK_TRIAL);
		complete(pi, RolloutProcess.TASK_TRIAL, Map.of("trialFindings", "Stable"));
		complete(pi, RolloutProcess.TASK_GO_LIVE, Map.of(RolloutProcess.VAR_GO_LIVE, true, "goLiveRationale", "Ready"));
		complete(pi, RolloutProcess.TASK_REVIEW, Map.of("roiResult", "On plan", "lessonsLearned", "Train early"));
		completeWave(waveId(pi, RolloutProcess.VAR_ALL_STAFF_WAVE));

		// the change branch: the stakeholder assessment with one barrier point
		ProcessInstance assessment = called(pi, StakeholderAssessmentProcess.KEY);
		complete(assessment, StakeholderAssessmentProcess.TASK_REVIEW_REGISTER, Map.of("registerComplete", true));
		completeAdkar(assessment, 4, 4, 2, 4, 4);
		assertThat(register.barrierPointsOf(id)).hasSize(1);
		assertThat(task(assessment, StakeholderAssessmentProcess.TASK_MITIGATE).getAssignee()).isEqualTo("bob");
		complete(assessment, StakeholderAssessmentProcess.TASK_MITIGATE, Map.of("mitigation", "Coaching by key users"));

		// the rollout ends by handing over to the periodic KPI reviews
		assertThat(pi).isEnded().hasPassed(RolloutProcess.EVENT_KPI_REVIEW, RolloutProcess.END_COMPLETED);
		ProcessInstance review = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("rollout-" + id + "-kpi-review").singleResult();
		assertThat(review).isWaitingAt(KpiReviewProcess.TASK_REVIEW).task().hasCandidateGroup("executive");
		assertThat(review).hasPassed(KpiReviewProcess.START_ON_DEMAND);
		complete(review, KpiReviewProcess.TASK_REVIEW, Map.of(KpiReviewProcess.VAR_DECISION, "keep"));
		assertThat(review).isEnded().hasPassed(KpiReviewProcess.END_KEPT);

		assertThat(rollouts.rollout(id).getStatus()).isEqualTo(Rollout.Status.COMPLETED);
		assertThat(rollouts.rollout(id).getPartnerProjectManager()).isEqualTo("Petra Partner (Acme Consulting)");
		var phases = rollouts.phasesOf(id);
		assertThat(phases).allSatisfy(p -> {
			assertThat(p.getStatus()).isEqualTo(RolloutPhase.Status.DONE);
			assertThat(p.getActualEnd()).isNotNull();
		});
		assertThat(phases).filteredOn(p -> p.getCode() == Phase.CONFIGURATION).singleElement()
			.satisfies(p -> assertThat(p.getActualCost()).isEqualByComparingTo("55000"));
		assertThat(phases).filteredOn(p -> p.getCode() == Phase.TESTING).singleElement()
			.satisfies(p -> assertThat(p.getQualityResult()).isEqualTo("UAT failed"));
	}

	// ------------------------------------------------------------------ stakeholder-assessment

	@Test
	void assessmentPlacesEachStakeholderOnTheGridAndOpensAMitigationTaskPerBarrierPoint() {
		Long id = rollouts.start("Assessment " + UUID.randomUUID(), "erin", null, "frank").getId();
		var board = register.register(id, "Board", Stakeholder.Category.DECISION_MAKER, "Board", 5, 5, "erin");
		var finance = register.register(id, "Finance", Stakeholder.Category.SENIOR_MANAGER, "Finance", 5, 2, null);
		var reps = register.register(id, "Sales reps", Stakeholder.Category.EMPLOYEE, "Sales", 2, 5, "bob");
		var customers = register.register(id, "Key customers", Stakeholder.Category.CUSTOMER, null, 1, 1, null);
		var pi = runtime.startProcessInstanceByKey(StakeholderAssessmentProcess.KEY, "assess-" + id,
				Map.of(StakeholderAssessmentProcess.VAR_ROLLOUT_ID, id));
		complete(pi, StakeholderAssessmentProcess.TASK_REVIEW_REGISTER, Map.of("registerComplete", true));

		var scores = Map.of(board.getId(), List.of(5, 5, 4, 4, 5), finance.getId(), List.of(4, 3, 4, 4, 4),
				reps.getId(), List.of(4, 2, 3, 4, 1), customers.getId(), List.of(5, 5, 5, 5, 5));
		for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId())
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_ASSESS_ADKAR).list()) {
			Long stakeholderId = (Long) runtime.getVariable(t.getExecutionId(), StakeholderAssessmentProcess.VAR_STAKEHOLDER_ID);
			tasks.complete(t.getId(), adkar(scores.get(stakeholderId)));
		}

		assertThat(register.stakeholder(board.getId()).getQuadrant()).isEqualTo("MANAGE_CLOSELY");
		assertThat(register.stakeholder(finance.getId()).getQuadrant()).isEqualTo("KEEP_SATISFIED");
		assertThat(register.stakeholder(reps.getId()).getQuadrant()).isEqualTo("KEEP_INFORMED");
		assertThat(register.stakeholder(customers.getId()).getQuadrant()).isEqualTo("MONITOR");
		assertThat(register.stakeholder(customers.getId()).getCommunicationCadence()).isEqualTo("quarterly");

		// finance: desire; reps: desire, knowledge, reinforcement
		var mitigations = tasks.createTaskQuery().processInstanceId(pi.getId())
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_MITIGATE).list();
		assertThat(mitigations).hasSize(4);
		assertThat(mitigations).filteredOn(t -> "bob".equals(t.getAssignee())).hasSize(3);
		assertThat(register.openBarrierPoints(id)).isEqualTo(4);
		for (Task t : mitigations) {
			tasks.complete(t.getId(), Map.of(StakeholderAssessmentProcess.VAR_MITIGATION, "Workshop with the sponsor"));
		}
		assertThat(register.openBarrierPoints(id)).isZero();
		assertThat(pi).isEnded().hasPassed(StakeholderAssessmentProcess.END_COMPLETED);
	}

	@Test
	void anAdkarScoreOutsideOneToFiveLeavesTheTaskOpen() {
		Long id = rollouts.start("Invalid ADKAR " + UUID.randomUUID(), "erin", null, "frank").getId();
		register.register(id, "Ops", Stakeholder.Category.MIDDLE_MANAGER, "Operations", 3, 3, null);
		var pi = runtime.startProcessInstanceByKey(StakeholderAssessmentProcess.KEY, "assess-" + id,
				Map.of(StakeholderAssessmentProcess.VAR_ROLLOUT_ID, id));
		complete(pi, StakeholderAssessmentProcess.TASK_REVIEW_REGISTER, Map.of());
		Task adkar = task(pi, StakeholderAssessmentProcess.TASK_ASSESS_ADKAR);
		assertThatThrownBy(() -> tasks.complete(adkar.getId(), adkar(List.of(7, 4, 4, 4, 4))))
			.hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("awareness");
		assertThat(pi).isWaitingAt(StakeholderAssessmentProcess.TASK_ASSESS_ADKAR);
		assertThat(register.barrierPointsOf(id)).isEmpty();
	}

	// ------------------------------------------------------------------ training-wave

	@Test
	void reminderThenDeadlinePassedAndExtendedThenTheWaveCompletesWhenItsTargetIsMet() {
		var wave = training.createAndStart(null, WaveKind.END_USERS, List.of("sales-rep", "service-agent"), 100,
				Instant.now().plus(Duration.ofDays(10)));
		ProcessInstance pi = instanceOf(wave.getId());
		planSessions(pi);
		var participants = training.pendingParticipants(wave.getId());
		assertThat(participants).contains("alice", "carol");
		assertThat(jdbc.queryForObject("select count(*) from crm_notification where kind = 'training-invitation' and dedupe_key like ?",
				Long.class, "training-invitation:" + wave.getId() + ":%")).isEqualTo(participants.size());

		// the reminder fires for one participant, the task stays
		var reminder = management.createJobQuery().processInstanceId(pi.getId()).activityId(TrainingWaveProcess.TIMER_REMINDER).list().get(0);
		management.executeJob(reminder.getId());
		assertThat(training.recordsOf(wave.getId())).filteredOn(r -> r.getRemindedAt() != null).hasSize(1);
		assertThat(pi).isWaitingAt(TrainingWaveProcess.TASK_ATTEND);

		// one participant completes, the rest miss the deadline
		String first = participants.get(0);
		completeParticipant(pi, first, true, 90);
		management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
			.activityId(TrainingWaveProcess.TIMER_DEADLINE).singleResult().getId());
		assertThat(pi).isWaitingAt(TrainingWaveProcess.TASK_DECIDE).task().hasCandidateGroup("project-team");
		complete(pi, TrainingWaveProcess.TASK_DECIDE, Map.of(TrainingWaveProcess.VAR_DECISION, "extend",
				TrainingWaveProcess.VAR_NEW_DEADLINE, Date.from(Instant.now().plus(Duration.ofDays(5)))));

		// only the pending participants get their task again
		var again = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TrainingWaveProcess.TASK_ATTEND).list();
		assertThat(again).extracting(Task::getAssignee).doesNotContain(first).hasSize(participants.size() - 1);
		for (String p : participants.subList(1, participants.size())) {
			completeParticipant(pi, p, true, 75);
		}
		assertThat(pi).isEnded().hasPassed(TrainingWaveProcess.END_COMPLETED);
		assertThat(training.wave(wave.getId()).getStatus()).isEqualTo(TrainingWave.Status.COMPLETED);
		assertThat(training.progress(training.wave(wave.getId())).completionPercent()).isEqualTo(100.0);
	}

	@Test
	void aParticipantWhoAttendedAndTookTheCheckInTheAppNeedsNoTrainerRecord() {
		var wave = training.createAndStart(null, WaveKind.END_USERS, List.of("sales-rep"), 100,
				Instant.now().plus(Duration.ofDays(10)));
		ProcessInstance pi = instanceOf(wave.getId());
		planSessions(pi);
		Long sessionId = training.sessionsOf(wave.getId()).get(0).getId();
		assertThat(training.sessionsOf(wave.getId()).get(0).getTrainer()).isEqualTo("grace");
		var participants = training.pendingParticipants(wave.getId());
		for (String participant : participants) {
			// the trainer's list, then the check scored in the app (as TrainingDesk does)
			training.takeAttendance(sessionId, Map.of(participant, true), "grace");
			transaction.executeWithoutResult(status -> training.record(wave.getId(), participant).checkTaken(9, 12, 60, Instant.now()));
			Task attend = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TrainingWaveProcess.TASK_ATTEND)
				.taskAssignee(participant).singleResult();
			tasks.complete(attend.getId());
		}
		assertThat(pi).isEnded().hasPassed(TrainingWaveProcess.GATEWAY_RESULT_KNOWN, TrainingWaveProcess.END_COMPLETED)
			.hasNotPassed(TrainingWaveProcess.TASK_RECORD_RESULT);
		assertThat(training.record(wave.getId(), participants.get(0)).getScore()).isEqualTo(75);
		assertThat(training.wave(wave.getId()).getStatus()).isEqualTo(TrainingWave.Status.COMPLETED);
	}

	@Test
	void deadlinePassedAndAcceptedClosesTheWaveBelowTarget() {
		var wave = training.createAndStart(null, WaveKind.EXECUTIVES, List.of("executive", "trainer"), 100,
				Instant.now().plus(Duration.ofDays(3)));
		ProcessInstance pi = instanceOf(wave.getId());
		planSessions(pi);
		String absent = training.pendingParticipants(wave.getId()).get(0);
		completeParticipant(pi, absent, false, null);
		assertThat(training.pendingParticipants(wave.getId())).contains(absent);
		management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
			.activityId(TrainingWaveProcess.TIMER_DEADLINE).singleResult().getId());
		complete(pi, TrainingWaveProcess.TASK_DECIDE, Map.of(TrainingWaveProcess.VAR_DECISION, "accept"));
		assertThat(pi).isEnded().hasPassed(TrainingWaveProcess.END_COMPLETED);
		assertThat(training.wave(wave.getId()).getStatus()).isEqualTo(TrainingWave.Status.ACCEPTED_BELOW_TARGET);
	}

	@Test
	void aWaveWithoutAnAudienceIsRefused() {
		assertThatThrownBy(() -> training.createAndStart(null, WaveKind.ALL_STAFF, List.of(), 90,
				Instant.now().plus(Duration.ofDays(3))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("audience");
	}

	// ------------------------------------------------------------------ kpi-review

	@Test
	void kpiReviewKeepsTheStrategy() {
		var pi = kpiReviews.requestReview("erin");
		assertThat(pi).isWaitingAt(KpiReviewProcess.TASK_REVIEW);
		assertThat((String) runtime.getVariable(pi.getId(), KpiReviewProcess.VAR_SUMMARY)).contains("Training completion");
		complete(pi, KpiReviewProcess.TASK_REVIEW, Map.of(KpiReviewProcess.VAR_DECISION, "keep"));
		assertThat(pi).isEnded().hasPassed(KpiReviewProcess.END_KEPT);
	}

	@Test
	void kpiReviewAdjustsTheStrategy() {
		var pi = kpiReviews.requestReview("erin");
		complete(pi, KpiReviewProcess.TASK_REVIEW, Map.of(KpiReviewProcess.VAR_DECISION, "adjust"));
		assertThat(pi).isWaitingAt(KpiReviewProcess.TASK_ADJUST).task().hasCandidateGroup("project-team");
		complete(pi, KpiReviewProcess.TASK_ADJUST, Map.of("strategyChanges", "Lower the cycle-time target"));
		assertThat(pi).isEnded().hasPassed(KpiReviewProcess.END_ADJUSTED);
	}

	@Test
	void actingOnAReviewCreatesAFollowUpTaskPerKpiBelowTarget() {
		// move the engine's clock far ahead, so the review's window holds only this late task
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3650))));
		var late = runtime.startProcessInstanceByKey("notify-smoke", "late-" + UUID.randomUUID(),
				Map.of("dueDate", Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(1)))));
		var lateTask = tasks.createTaskQuery().processInstanceId(late.getId()).singleResult();
		tasks.setAssignee(lateTask.getId(), "alice");
		tasks.complete(lateTask.getId());

		var pi = kpiReviews.requestReview("erin");
		Long reviewId = (Long) runtime.getVariable(pi.getId(), KpiReviewProcess.VAR_REVIEW_ID);
		var below = kpiReviews.belowTarget(reviewId);
		assertThat(below).contains("ADOPTION_TASKS_ON_TIME");
		complete(pi, KpiReviewProcess.TASK_REVIEW, Map.of(KpiReviewProcess.VAR_DECISION, "act"));
		var followUps = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(KpiReviewProcess.TASK_FOLLOW_UP).list();
		assertThat(followUps).hasSize(below.size());
		assertThat(followUps).extracting(Task::getName).contains("Act on Tasks completed on time: coach or retrain the team");
		// each follow-up's form links to the figure that triggered it, as the project team sees the form
		var linked = new java.util.ArrayList<String>();
		for (Task t : followUps) {
			var form = worklist.form(worklist.as("frank"), t.getId(), java.util.Locale.ENGLISH);
			@SuppressWarnings("unchecked")
			var data = (Map<String, Object>) form.get("data");
			String shown = form.get("schema").toString().replace("{{kpiCode}}", String.valueOf(data.get("kpiCode")));
			var link = java.util.regex.Pattern.compile("\\(/insight#kpi-([A-Z_]+)\\)").matcher(shown);
			assertThat(link.find()).as(shown).isTrue();
			linked.add(link.group(1));
		}
		assertThat(linked).containsExactlyInAnyOrderElementsOf(below);
		for (Task t : followUps) {
			tasks.complete(t.getId(), Map.of("actionTaken", "Coaching session"));
		}
		assertThat(pi).isEnded().hasPassed(KpiReviewProcess.END_ACTED_ON);
	}

	@Test
	void theMonthlyTimerStartsAReview() {
		var timer = management.createJobQuery().processDefinitionKey(KpiReviewProcess.KEY).timers().singleResult();
		assertThat(timer).isNotNull();
		assertThat(timer.getDuedate()).isAfter(new Date());
		long before = runtime.createProcessInstanceQuery().processDefinitionKey(KpiReviewProcess.KEY).count();
		management.executeJob(timer.getId());
		var started = runtime.createProcessInstanceQuery().processDefinitionKey(KpiReviewProcess.KEY).orderByProcessInstanceId().desc().list();
		assertThat(started).hasSize((int) before + 1);
		var scheduled = started.stream().filter(p -> runtime.getVariable(p.getId(), KpiReviewProcess.VAR_REQUESTED_BY) == null)
			.filter(p -> tasks.createTaskQuery().processInstanceId(p.getId()).taskDefinitionKey(KpiReviewProcess.TASK_REVIEW).count() == 1)
			.findFirst().orElseThrow();
		assertThat(scheduled).hasPassed(KpiReviewProcess.START_TIMER);
		complete(scheduled, KpiReviewProcess.TASK_REVIEW, Map.of(KpiReviewProcess.VAR_DECISION, "keep"));
		// the next month's timer is waiting again
		assertThat(management.createJobQuery().processDefinitionKey(KpiReviewProcess.KEY).timers().count()).isEqualTo(1);
	}

	// ------------------------------------------------------------------ helpers

	private ProcessInstance instanceOf(Long waveId) {
		return runtime.createProcessInstanceQuery().processInstanceId(training.wave(waveId).getProcessInstanceId()).singleResult();
	}

	private Long waveId(ProcessInstance pi, String variable) {
		return (Long) runtime.getVariable(pi.getId(), variable);
	}

	private ProcessInstance called(ProcessInstance parent, String key) {
		return runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).processDefinitionKey(key).singleResult();
	}

	private void planSessions(ProcessInstance wave) {
		assertThat(wave).isWaitingAt(TrainingWaveProcess.TASK_PLAN_SESSIONS).task().hasCandidateGroup("trainer");
		tasks.setAssignee(task(wave, TrainingWaveProcess.TASK_PLAN_SESSIONS).getId(), "grace");
		complete(wave, TrainingWaveProcess.TASK_PLAN_SESSIONS, Map.of(TrainingWaveProcess.VAR_SESSION_TITLE, "Kick-off",
				TrainingWaveProcess.VAR_SESSION_STARTS_AT, "2030-01-15T09:00:00Z", TrainingWaveProcess.VAR_SESSION_LOCATION, "Room 1"));
	}

	/** Every participant attends and passes, until the wave's process ends. */
	private void completeWave(Long waveId) {
		ProcessInstance wave = instanceOf(waveId);
		planSessions(wave);
		for (String participant : training.pendingParticipants(waveId)) {
			if (runtime.createProcessInstanceQuery().processInstanceId(wave.getId()).count() == 0) {
				break;
			}
			completeParticipant(wave, participant, true, 80);
		}
		assertThat(wave).isEnded();
	}

	private void completeParticipant(ProcessInstance wave, String participant, boolean attended, Integer score) {
		Task attend = tasks.createTaskQuery().processInstanceId(wave.getId()).taskDefinitionKey(TrainingWaveProcess.TASK_ATTEND)
			.taskAssignee(participant).singleResult();
		// a completion may set only its form's fields, and this form declares no answers
		tasks.complete(attend.getId());
		Task record = tasks.createTaskQuery().processInstanceId(wave.getId()).taskDefinitionKey(TrainingWaveProcess.TASK_RECORD_RESULT)
			.list().stream().filter(t -> participant.equals(tasks.getVariable(t.getId(), TrainingWaveProcess.VAR_PARTICIPANT)))
			.findFirst().orElseThrow();
		var result = new HashMap<String, Object>();
		result.put(TrainingWaveProcess.VAR_ATTENDED, attended);
		result.put(TrainingWaveProcess.VAR_SCORE, score);
		tasks.complete(record.getId(), result);
	}

	private void completeAdkar(ProcessInstance assessment, int a, int d, int k, int ab, int r) {
		for (Task t : tasks.createTaskQuery().processInstanceId(assessment.getId())
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_ASSESS_ADKAR).list()) {
			tasks.complete(t.getId(), adkar(List.of(a, d, k, ab, r)));
		}
	}

	private static Map<String, Object> adkar(List<Integer> s) {
		return Map.of("awareness", s.get(0), "desire", s.get(1), "knowledge", s.get(2), "ability", s.get(3),
				"reinforcement", s.get(4));
	}

	private Task task(ProcessInstance pi, String key) {
		return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
	}

	private void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
		Task t = task(pi, key);
		assertThat(t).as("open task %s", key).isNotNull();
		tasks.complete(t.getId(), variables);
	}

}
