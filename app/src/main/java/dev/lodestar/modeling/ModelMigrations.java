package dev.lodestar.modeling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessTexts;
import dev.lodestar.worklist.Caller;

/**
 * Moves running instances from one version of a process to another with the engine's
 * migration API (what Camunda's community edition offers no screen for): equal activities
 * are mapped, the plan is validated, and the instances are migrated as the caller, so the
 * engine's authorizations apply.
 */
@Component
class ModelMigrations {

	private final ModelService models;
	private final RuntimeService runtimeService;
	private final RepositoryService repositoryService;
	private final IdentityService identityService;
	private final ManagementService managementService;
	private final HistoryService historyService;
	private final ProcessTexts texts;

	ModelMigrations(ModelService models, RuntimeService runtimeService, RepositoryService repositoryService,
			IdentityService identityService, ManagementService managementService, HistoryService historyService,
			ProcessTexts texts) {
		this.models = models;
		this.texts = texts;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.managementService = managementService;
		this.historyService = historyService;
	}

	/** An activity of a version: its id and its name in the reader's language (the id when it has none). */
	record NamedActivity(String id, String name) {
	}

	record Instruction(String sourceActivityId, String targetActivityId, String sourceName, String targetName) {
	}

	record RunningInstance(String id, String businessKey, List<String> activities, List<String> activityNames) {
	}

	/**
	 * @param unmapped the source's activities that have no counterpart in the target (gone, or now of
	 *        another kind): a case waiting there cannot be migrated. An unchanged activity where no case
	 *        can wait (a service task, a gateway) needs no instruction and is not listed.
	 */
	record Plan(String key, int from, int to, String sourceDefinitionId, String targetDefinitionId,
			List<Instruction> instructions, List<NamedActivity> unmapped, List<String> failures,
			List<RunningInstance> instances) {
	}

	Plan plan(Caller caller, String key, int from, int to, Locale locale) {
		requireOwner(caller);
		ProcessDefinition source = models.processDefinition(key, from);
		ProcessDefinition target = models.processDefinition(key, to);
		BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
		BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
		Map<String, String> sourceNames = names(key, sourceModel, locale);
		Map<String, String> targetNames = names(key, targetModel, locale);
		var failures = new ArrayList<String>();
		var instructions = new ArrayList<Instruction>();
		try {
			MigrationPlan plan = build(source, target);
			for (MigrationInstruction instruction : plan.getInstructions()) {
				instructions.add(new Instruction(instruction.getSourceActivityId(), instruction.getTargetActivityId(),
						sourceNames.getOrDefault(instruction.getSourceActivityId(), instruction.getSourceActivityId()),
						targetNames.getOrDefault(instruction.getTargetActivityId(), instruction.getTargetActivityId())));
			}
		}
		catch (MigrationPlanValidationException ex) {
			ex.getValidationReport()
				.getInstructionReports()
				.forEach(report -> report.getFailures()
					.forEach(f -> failures.add(report.getMigrationInstruction().getSourceActivityId() + ": " + f)));
			if (failures.isEmpty()) {
				failures.add(ex.getMessage());
			}
		}
		Set<String> mapped = new HashSet<>();
		instructions.forEach(i -> mapped.add(i.sourceActivityId()));
		var unmapped = new ArrayList<NamedActivity>();
		for (FlowNode node : sourceModel.getModelElementsByType(FlowNode.class)) {
			if (node instanceof Activity && !mapped.contains(node.getId())) {
				var counterpart = targetModel.getModelElementById(node.getId());
				boolean unchanged = counterpart != null && counterpart.getElementType().equals(node.getElementType());
				if (!unchanged) {
					unmapped.add(new NamedActivity(node.getId(), sourceNames.getOrDefault(node.getId(), node.getId())));
				}
			}
		}
		unmapped.sort(java.util.Comparator.comparing(NamedActivity::id));
		var instances = new ArrayList<RunningInstance>();
		for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
			.processDefinitionId(source.getId())
			.orderByProcessInstanceId()
			.asc()
			.listPage(0, 200)) {
			List<String> active = runtimeService.getActiveActivityIds(instance.getId());
			instances.add(new RunningInstance(instance.getId(), instance.getBusinessKey(), active,
					active.stream().map(id -> sourceNames.getOrDefault(id, id)).toList()));
		}
		return new Plan(key, from, to, source.getId(), target.getId(), instructions, unmapped, failures, instances);
	}

	/** The flow nodes' names in the reader's language (process texts), by id; unnamed ones are left out. */
	private Map<String, String> names(String key, BpmnModelInstance model, Locale locale) {
		Map<String, String> names = new HashMap<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			if (node.getName() != null && !node.getName().isBlank()) {
				names.put(node.getId(), texts.stepName(key, node.getId(), node.getName().strip(), locale));
			}
		}
		return names;
	}

	record InstanceFailure(String processInstanceId, List<String> failures) {
	}

	record Result(int migrated, String batchId, List<InstanceFailure> failures) {
	}

	/**
	 * Migrates the chosen instances one by one (each failure reported on its own), or every
	 * instance of the source version as one asynchronous batch when {@code instanceIds} is empty.
	 */
	Result run(Caller caller, String key, int from, int to, List<String> instanceIds) {
		requireOwner(caller);
		ProcessDefinition source = models.processDefinition(key, from);
		ProcessDefinition target = models.processDefinition(key, to);
		identityService.setAuthentication(caller.userId(), caller.roles());
		try {
			MigrationPlan plan = build(source, target);
			if (instanceIds == null || instanceIds.isEmpty()) {
				var batch = runtimeService.newMigration(plan)
					.processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()))
					.executeAsync();
				return new Result(batch.getTotalJobs(), batch.getId(), List.of());
			}
			int migrated = 0;
			var failures = new ArrayList<InstanceFailure>();
			for (String id : instanceIds) {
				try {
					runtimeService.newMigration(plan).processInstanceIds(id).execute();
					migrated++;
				}
				catch (MigratingProcessInstanceValidationException ex) {
					failures.add(new InstanceFailure(id, failures(ex.getValidationReport())));
				}
				catch (org.camunda.bpm.engine.BadUserRequestException | org.camunda.bpm.engine.exception.NullValueException ex) {
					failures.add(new InstanceFailure(id, List.of(String.valueOf(ex.getMessage()))));
				}
			}
			return new Result(migrated, null, failures);
		}
		catch (MigrationPlanValidationException ex) {
			return new Result(0, null, List.of(new InstanceFailure(null, List.of(ex.getMessage()))));
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/**
	 * Where a "migrate all" batch stands: its jobs still to run, and the failures of those that
	 * failed (each names the instance that could not be migrated). A batch whose jobs all
	 * succeeded is finished and gone from the engine, its history kept.
	 */
	record BatchStatus(String batchId, int total, boolean finished, long remainingJobs, List<String> failures) {
	}

	BatchStatus batch(Caller caller, String key, String batchId) {
		requireOwner(caller);
		models.resourceName(key);
		var historic = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
		var batch = managementService.createBatchQuery().batchId(batchId).singleResult();
		String type = batch != null ? batch.getType() : historic != null ? historic.getType() : null;
		if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(type)) {
			throw new NotFoundException("Migration batch", batchId);
		}
		if (batch == null) {
			return new BatchStatus(batchId, historic.getTotalJobs(), true, 0, List.of());
		}
		var jobs = managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list();
		var seed = managementService.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).count();
		var failures = jobs.stream()
			.filter(job -> job.getExceptionMessage() != null)
			.map(Job::getExceptionMessage)
			.toList();
		return new BatchStatus(batchId, batch.getTotalJobs(), false, jobs.size() + seed, failures);
	}

	private MigrationPlan build(ProcessDefinition source, ProcessDefinition target) {
		return runtimeService.createMigrationPlan(source.getId(), target.getId())
			.mapEqualActivities()
			.updateEventTriggers()
			.build();
	}

	private static List<String> failures(MigratingProcessInstanceValidationReport report) {
		var failures = new ArrayList<>(report.getFailures());
		report.getActivityInstanceReports()
			.forEach(r -> r.getFailures().forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
		report.getTransitionInstanceReports()
			.forEach(r -> r.getFailures().forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
		return failures;
	}

	private static void requireOwner(Caller caller) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners migrate instances");
		}
	}

}
