package dev.lodestar.rollout;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.worklist.WorklistService;

/**
 * "A day in Lodestar" for the rollout: erin sponsors a rollout in its trial run, the
 * stakeholders are assessed with two barrier points still open (bob's mitigation tasks), three
 * training waves are done, the all-staff wave is under way (grace has a result to record), and
 * frank's team runs the trial. Everything goes through the real processes, each task completed
 * by the demo user whose role it is; all in one transaction, and only once.
 */
@Component
@Order(RolloutDemo.ORDER)
@ConditionalOnProperty(name = "lodestar.demo.enabled", havingValue = "true")
@ConditionalOnProperty(name = "lodestar.demo.rollout", havingValue = "true", matchIfMissing = true)
class RolloutDemo implements ApplicationRunner {

	static final int ORDER = 150;

	static final String NAME = "Lodestar CRM rollout";

	private static final Logger log = LoggerFactory.getLogger(RolloutDemo.class);

	private final RolloutService rollouts;
	private final Rollouts rolloutRecords;
	private final StakeholderRegister register;
	private final TrainingService training;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final WorklistService worklist;
	private final TransactionTemplate transaction;
	private final ProcessEngineConfigurationImpl engineConfiguration;

	RolloutDemo(RolloutService rollouts, Rollouts rolloutRecords, StakeholderRegister register,
			TrainingService training, RuntimeService runtime, TaskService tasks, TransactionTemplate transaction,
			ProcessEngineConfigurationImpl engineConfiguration, WorklistService worklist) {
		this.engineConfiguration = engineConfiguration;
		this.rollouts = rollouts;
		this.rolloutRecords = rolloutRecords;
		this.register = register;
		this.training = training;
		this.runtime = runtime;
		this.tasks = tasks;
		this.worklist = worklist;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (rolloutRecords.findFirstByName(NAME).isPresent() || dev.lodestar.system.DemoCases.standAside(engineConfiguration)) {
			return;
		}
		long started = System.currentTimeMillis();
		transaction.executeWithoutResult(status -> create());
		log.info("Demo rollout created in {} ms", System.currentTimeMillis() - started);
	}

	private void create() {
		var rollout = rollouts.start(NAME, "erin",
				"Employees first: no customer data typed twice, no lost follow-up, every complaint within its SLA.", "frank");
		Long id = rollout.getId();
		String pi = rollout.getProcessInstanceId();
		register.register(id, "Executive board", Stakeholder.Category.DECISION_MAKER, "Board", 5, 5, "erin");
		register.register(id, "Sales team", Stakeholder.Category.EMPLOYEE, "Sales", 2, 5, "bob");
		register.register(id, "Customer service team", Stakeholder.Category.EMPLOYEE, "Service", 2, 4, "dave");
		register.register(id, "Finance controller", Stakeholder.Category.SENIOR_MANAGER, "Finance", 4, 2, "erin");
		register.register(id, "Key customers", Stakeholder.Category.CUSTOMER, null, 1, 3, "dave");

		complete(pi, RolloutProcess.TASK_SPONSOR, "erin", Map.of("strategy",
				"Align CRM goals with employee goals first; ROI from shorter sales cycles and fewer SLA breaches",
				"roiAnalysis", "Payback in 18 months; main risk: sales staff resisting data entry", "budget", 200000));

		// the stakeholder assessment: the sales team still lacks desire and reinforcement
		String assessment = called(pi, StakeholderAssessmentProcess.KEY);
		complete(assessment, StakeholderAssessmentProcess.TASK_REVIEW_REGISTER, "frank", Map.of("registerComplete", true));
		for (Task adkar : tasks.createTaskQuery().processInstanceId(assessment)
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_ASSESS_ADKAR).list()) {
			Long stakeholderId = (Long) runtime.getVariable(adkar.getExecutionId(), StakeholderAssessmentProcess.VAR_STAKEHOLDER_ID);
			boolean sales = register.stakeholder(stakeholderId).getName().equals("Sales team");
			worklist.complete(worklist.as("frank"), adkar.getId(), Map.of("awareness", 4, "desire", sales ? 3 : 4, "knowledge", 4, "ability", 4,
					"reinforcement", sales ? 2 : 4, "assessmentNotes",
					sales ? "Fear that every call and visit must now be typed in" : "Supportive"), Locale.ENGLISH);
		}

		completeWave(pi, RolloutProcess.VAR_EXECUTIVES_WAVE, List.of(), List.of());
		complete(pi, RolloutProcess.TASK_FORM_TEAM, "frank", Map.of(RolloutProcess.VAR_INTERNAL_PM, "frank",
				RolloutProcess.VAR_PARTNER_PM, "Petra Partner (Acme Consulting)", "teamMembers", "bob, dave, key users"));
		completeWave(pi, RolloutProcess.VAR_PROJECT_TEAM_WAVE, List.of(), List.of());
		complete(pi, RolloutProcess.TASK_DESIGN, "frank", Map.of("participants", "alice, carol and four key users",
				"designDecisions", "One intake for all channels; discount approval above 10%", "actualCost", 43500));
		complete(pi, RolloutProcess.TASK_CONFIGURE, "frank", Map.of("configurationNotes", "Lead routing, SLA classes",
				"actualCost", 61200));
		complete(pi, RolloutProcess.TASK_UAT, "frank", Map.of(RolloutProcess.VAR_UAT_PASSED, true, "uatNotes",
				"Two minor findings, fixed", "actualCost", 14800));
		completeWave(pi, RolloutProcess.VAR_END_USERS_WAVE, List.of(), List.of());

		// the gate said go: the trial runs, the all-staff wave is at three quarters
		rollouts.closeIssue(id, rollouts.logIssue(id, "Import left duplicate customer records", true, "frank").getId());
		rollouts.logIssue(id, "Phone integration drops the caller id on transfers", false, "carol");
		completeWave(pi, RolloutProcess.VAR_ALL_STAFF_WAVE, List.of("frank"), List.of("admin"));
	}

	/**
	 * Plans the wave (grace), then every participant takes the check and grace records it, except
	 * those awaiting grace's record and those who have not taken their check yet.
	 */
	private void completeWave(String rolloutInstance, String waveVariable, List<String> awaitingTrainer,
			List<String> notYet) {
		Long waveId = (Long) runtime.getVariable(rolloutInstance, waveVariable);
		var wave = training.wave(waveId);
		String pi = wave.getProcessInstanceId();
		complete(pi, TrainingWaveProcess.TASK_PLAN_SESSIONS, "grace", Map.of(TrainingWaveProcess.VAR_SESSION_TITLE,
				wave.getName(), TrainingWaveProcess.VAR_SESSION_STARTS_AT, java.util.Date.from(java.time.Instant.now()),
				TrainingWaveProcess.VAR_SESSION_LOCATION, "Training room 2 and online"));
		for (String participant : training.pendingParticipants(waveId)) {
			if (notYet.contains(participant) || runtime.createProcessInstanceQuery().processInstanceId(pi).count() == 0) {
				continue;
			}
			Task check = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TrainingWaveProcess.TASK_ATTEND)
				.taskAssignee(participant).singleResult();
			if (check == null) {
				continue;
			}
			worklist.complete(worklist.as(participant), check.getId(), Map.of("attendedSession", true,
					"knowledgeCheckAnswers", "1c 2: the top-leader principle 3: know, understand, accept, use"),
					Locale.ENGLISH);
			if (awaitingTrainer.contains(participant)) {
				continue;
			}
			Task record = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TrainingWaveProcess.TASK_RECORD_RESULT)
				.list().stream()
				.filter(t -> participant.equals(tasks.getVariable(t.getId(), TrainingWaveProcess.VAR_PARTICIPANT)))
				.findFirst().orElseThrow();
			var result = new HashMap<String, Object>();
			result.put(TrainingWaveProcess.VAR_ATTENDED, true);
			result.put(TrainingWaveProcess.VAR_SCORE, 70 + Math.abs(participant.hashCode() % 30));
			worklist.complete(worklist.as("grace"), record.getId(), result, Locale.ENGLISH);
		}
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
