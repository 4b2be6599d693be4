package dev.lodestar.worklist;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessTexts;

/**
 * The one door for task work: what a user may do with one task they may see (assigned to them, or
 * waiting in a queue of one of their roles; for managers also the tasks of the roles they manage),
 * and a case's steps so far. Which tasks a user sees is {@link TaskVisibility}'s, decided per task
 * from its identity links; the list of them is {@link TaskListService}'s, a manager's workload
 * {@link WorkloadService}'s.
 *
 * <p>Every module completes, claims, unclaims and reassigns tasks through this class, never
 * through Camunda's {@code TaskService}: {@link #complete} checks that the caller may work the
 * task, claims it when needed, checks the values against the task's Camunda Form with strict
 * types, runs the modules' {@link CompletionRule stage rules} and turns what the engine's
 * listeners refuse into {@link InvalidInputException} (400), {@link ConflictException} (409),
 * {@link NotFoundException} (404) or {@link AccessDeniedException} (403).
 */
@Service
public class WorklistService {

	private static final Set<String> STEP_TYPES = Set.of("startEvent", "userTask", "serviceTask", "businessRuleTask",
			"sendTask", "receiveTask", "scriptTask", "callActivity", "subProcess", "intermediateTimer",
			"intermediateMessageCatch", "boundaryTimer", "boundaryMessage", "boundaryError", "noneEndEvent",
			"endEvent", "messageEndEvent", "errorEndEvent", "manualTask", "task");

	private final TaskService taskService;
	private final RuntimeService runtimeService;
	private final RepositoryService repositoryService;
	private final HistoryService historyService;
	private final IdentityService identityService;
	private final FormSchemas forms;
	private final FormValidator validator;
	private final List<CaseContextProvider> caseProviders;
	private final List<CompletionRule> completionRules;
	/** Looked up when used: the modules that implement it use this service themselves. */
	private final org.springframework.beans.factory.ObjectProvider<CaseOwnership> ownerships;
	private final ProcessTexts texts;
	private final TaskListService list;
	private final TaskVisibility visibility;
	/** Process definitions never change once deployed: their key and name are cached by id. */
	private final Map<String, ProcessDefinition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

	private final dev.lodestar.system.MoneySettings money;

	WorklistService(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
			HistoryService historyService, IdentityService identityService, FormSchemas forms,
			FormValidator validator, List<CaseContextProvider> caseProviders, List<CompletionRule> completionRules,
			ProcessTexts texts, dev.lodestar.system.MoneySettings money, TaskListService list,
			TaskVisibility visibility, org.springframework.beans.factory.ObjectProvider<CaseOwnership> ownerships) {
		this.ownerships = ownerships;
		this.list = list;
		this.visibility = visibility;
		this.money = money;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.forms = forms;
		this.validator = validator;
		this.caseProviders = caseProviders;
		this.completionRules = completionRules;
		this.texts = texts;
	}

	/**
	 * The user with their roles as the engine's identity service knows them, for server code that
	 * works a task on a user's behalf (demo data, imports); requests use {@link Caller#of}.
	 */
	@Transactional(readOnly = true)
	public Caller as(String userId) {
		return new Caller(userId, identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.sorted()
			.toList());
	}

	// ---- one task -------------------------------------------------------------------------

	/** The task page, or 404 when the task does not exist or the caller may not see it. */
	@Transactional(readOnly = true)
	public TaskView view(Caller caller, String taskId) {
		var links = visibility.links(taskId);
		Task task = visibility.visibleTask(caller, taskId, links);
		List<String> roles = visibility.candidateRoles(links);
		TaskRow row = list.rows(List.of(task)).get(0);
		boolean candidate = visibility.isCandidate(caller, roles, links);
		boolean manager = visibility.manages(caller, roles);
		List<CaseContext> cases = new ArrayList<>();
		if (row.processKey() != null && row.businessKey() != null) {
			for (CaseContextProvider provider : caseProviders) {
				if (provider.supports(row.processKey())) {
					provider.describe(row.processKey(), row.businessKey(), caller.userId()).ifPresent(cases::add);
				}
			}
		}
		List<String> reassignTo = manager ? visibility.members(visibility.managedAmong(caller, roles)) : List.of();
		return new TaskView(row, task.getDescription(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
				task.getTaskDefinitionKey(), roles, cases, history(task.getProcessInstanceId()), comments(taskId),
				task.getFormKey() != null || hasFormRef(task), candidate && task.getAssignee() == null,
				caller.userId().equals(task.getAssignee()) || (manager && task.getAssignee() != null),
				caller.userId().equals(task.getAssignee()) || (candidate && task.getAssignee() == null), manager,
				reassignTo, caseOwner(row.processKey(), row.businessKey()));
	}

	private TaskView.CaseOwner caseOwner(String processKey, String businessKey) {
		if (processKey == null || businessKey == null) {
			return null;
		}
		return ownership(processKey)
			.map(o -> new TaskView.CaseOwner(o.owner(processKey, businessKey).orElse(null), o.messagePrefix()))
			.orElse(null);
	}

	private Optional<CaseOwnership> ownership(String processKey) {
		return ownerships.orderedStream().filter(o -> o.supports(processKey)).findFirst();
	}

	/** The task's form (translated for the locale) and its current variables. */
	@Transactional(readOnly = true)
	public Map<String, Object> form(Caller caller, String taskId, Locale locale) {
		visibility.visibleTask(caller, taskId);
		FormSchema form = forms.forTask(taskId, locale).orElseThrow(() -> new NotFoundException("Form of task", taskId));
		Map<String, Object> data = new LinkedHashMap<>();
		Map<String, Object> variables = taskService.getVariables(taskId);
		for (FormSchema.Field field : form.fields()) {
			if (variables.containsKey(field.key())) {
				data.put(field.key(), variables.get(field.key()));
			}
		}
		// the texts of the form name the case's values ("Record attendance and score of
		// {{participant}}"): they are shown, never submitted (task-form.js sends the fields only)
		var templated = java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}").matcher(form.json().toString());
		while (templated.find()) {
			Object value = variables.get(templated.group(1));
			if (value instanceof String text) {
				// a wave's title, a gate's reason: in the reader's language where the bundle has it
				data.putIfAbsent(templated.group(1), texts.value(text, locale));
			}
			else if (templated.group(1).endsWith("Money")
					&& variables.get(templated.group(1).substring(0, templated.group(1).length() - 5)) instanceof Number amount
					&& dev.lodestar.system.FormValues.decimalOrNull(amount) != null) {
				// {{amountMoney}}: the variable amount as an amount of the company's currency (50,000.00 CNY)
				data.putIfAbsent(templated.group(1), String.format(java.util.Locale.ROOT, "%,.2f %s",
						dev.lodestar.system.FormValues.decimalOrNull(amount), money.currency()));
			}
			else if (value instanceof Number || value instanceof Boolean) {
				data.putIfAbsent(templated.group(1), value);
			}
			else if (value instanceof Date date) {
				data.putIfAbsent(templated.group(1), date.toInstant().toString());
			}
		}
		for (FormSchema.Field field : form.fields()) {
			// a number is shown as the text field's text, written as people write it (50,000.5)
			if ("number".equals(field.type()) && data.get(field.key()) instanceof Number number
					&& dev.lodestar.system.FormValues.decimalOrNull(number) != null) {
				data.put(field.key(),
						dev.lodestar.system.FormValues.decimalOrNull(number).stripTrailingZeros().toPlainString());
			}
		}
		return Map.of("schema", FormSchemas.forPeople(form.json(), money.currency()), "data", data);
	}

	/** The BPMN XML of the task's process definition, for the diagram. */
	@Transactional(readOnly = true)
	public String diagram(Caller caller, String taskId) {
		Task task = visibility.visibleTask(caller, taskId);
		try (var xml = repositoryService.getProcessModel(task.getProcessDefinitionId())) {
			return new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Transactional
	public void claim(Caller caller, String taskId) {
		var links = visibility.links(taskId);
		Task task = visibility.visibleTask(caller, taskId, links);
		if (!visibility.isCandidate(caller, visibility.candidateRoles(links), links)) {
			throw new AccessDeniedException("only a member of the task's roles may claim it");
		}
		if (caller.userId().equals(task.getAssignee())) {
			return;
		}
		try {
			TaskWorkGuard.checkedByTheDoor(taskId, () -> taskService.claim(taskId, caller.userId()));
		}
		catch (RuntimeException ex) {
			throw EngineErrors.translate(ex, () -> false, null); // TaskAlreadyClaimedException → 409
		}
	}

	@Transactional
	public void unclaim(Caller caller, String taskId) {
		Task task = visibility.visibleTask(caller, taskId);
		if (task.getAssignee() == null) {
			throw new ConflictException("task " + taskId + " is not assigned");
		}
		if (!caller.userId().equals(task.getAssignee())
				&& !visibility.manages(caller, visibility.candidateRoles(taskId))) {
			throw new ConflictException("task " + taskId + " is assigned to someone else");
		}
		taskService.setAssignee(taskId, null);
	}

	/**
	 * A manager hands the task to a member of one of its roles. The case's owner (where the case
	 * has one, see {@link CaseOwnership}) stays who it is unless {@code makeOwner}: then the new
	 * assignee owns the case too. Asking that of a case without an owner is refused (400), and
	 * nothing is written when anything is refused.
	 */
	@Transactional
	public void reassign(Caller caller, String taskId, String userId, boolean makeOwner) {
		Task task = visibility.visibleTask(caller, taskId);
		List<String> roles = visibility.candidateRoles(taskId);
		if (!visibility.manages(caller, roles)) {
			throw new AccessDeniedException("only a manager of the task's role may reassign it");
		}
		if (userId == null || !visibility.members(visibility.managedAmong(caller, roles)).contains(userId)) {
			throw new InvalidInputException("userId", "is not a member of the task's role");
		}
		Optional<CaseOwnership> ownership = Optional.empty();
		String processKey = null;
		String businessKey = null;
		if (makeOwner) {
			TaskRow row = list.rows(List.of(task)).get(0);
			processKey = row.processKey();
			businessKey = row.businessKey();
			ownership = processKey == null || businessKey == null ? Optional.empty() : ownership(processKey);
			if (ownership.isEmpty()) {
				throw new InvalidInputException("makeOwner", "this task's case has no owner to change");
			}
		}
		taskService.setAssignee(taskId, userId);
		if (ownership.isPresent()) {
			ownership.get().transfer(processKey, businessKey, userId, caller.userId());
		}
	}

	/** A manager hands the task to a member of one of its roles; the case's owner stays who it is. */
	@Transactional
	public void reassign(Caller caller, String taskId, String userId) {
		reassign(caller, taskId, userId, false);
	}

	/**
	 * Completes the task with the form's values after checking them against the form's
	 * constraints; an unassigned task is claimed by the caller on the way. A task without a form
	 * takes no values. Nothing is written when a check fails.
	 */
	@Transactional
	public void complete(Caller caller, String taskId, Map<String, Object> values, Locale locale) {
		var links = visibility.links(taskId);
		Task task;
		try {
			task = visibility.visibleTask(caller, taskId, links);
		}
		catch (NotFoundException ex) {
			if (EndedTasks.endedAndWasVisibleTo(historyService, taskId, caller.userId(), caller.roles())) {
				throw new ConflictException("task " + taskId + " was completed by somebody else a moment ago");
			}
			throw ex;
		}
		if (task.getAssignee() != null && !caller.userId().equals(task.getAssignee())) {
			throw new ConflictException("task " + taskId + " is assigned to " + task.getAssignee());
		}
		if (task.getAssignee() == null
				&& !visibility.isCandidate(caller, visibility.candidateRoles(links), links)) {
			throw new AccessDeniedException("only a member of the task's roles may complete it");
		}
		try {
			checkAndComplete(caller, task, values, locale);
		}
		catch (RuntimeException ex) {
			throw EngineErrors.translate(ex, () -> taskService.createTaskQuery().taskId(taskId).count() == 0,
					"task " + taskId + " was completed by somebody else a moment ago");
		}
	}

	/** The form's and the stage's checks, then the completion; any failure is translated by the caller. */
	private void checkAndComplete(Caller caller, Task task, Map<String, Object> values, Locale locale) {
		String taskId = task.getId();
		Map<String, Object> submitted = values == null ? Map.of() : values;
		Map<String, Object> variables = Map.of();
		Optional<FormSchema> form = forms.forTask(taskId, locale);
		if (form.isPresent()) {
			var result = validator.validate(form.get(), submitted, locale);
			if (!result.errors().isEmpty()) {
				throw new InvalidInputException(result.errors());
			}
			variables = result.variables();
		}
		else if (!submitted.isEmpty()) {
			throw new InvalidInputException(submitted.keySet()
				.stream()
				.sorted()
				.map(key -> new InvalidInputException.FieldError(key, "this task has no form and takes no values"))
				.toList());
		}
		stageRules(caller, task, variables);
		Map<String, Object> checked = variables;
		TaskWorkGuard.checkedByTheDoor(taskId, () -> {
			if (task.getAssignee() == null) {
				taskService.claim(taskId, caller.userId());
			}
			taskService.complete(taskId, checked);
		});
	}

	/**
	 * Completes a task on a decision that a person took, and was authorised for, on another page
	 * (merging two customers or keeping both on the customer page closes the lead's duplicate
	 * review with that decision). The application completes it, not that person, who need not be
	 * in the task's role; who decided is recorded where the decision was taken. The guard's
	 * checks of a user's completion do not apply; the task's listeners and the model's do.
	 */
	@Transactional
	public void completeAsTheApplication(String taskId, Map<String, Object> variables) {
		var current = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			taskService.complete(taskId, variables);
		}
		finally {
			if (current != null) {
				identityService.setAuthentication(current);
			}
		}
	}

	private void stageRules(Caller caller, Task task, Map<String, Object> variables) {
		if (completionRules.isEmpty() || task.getProcessDefinitionId() == null) {
			return;
		}
		String processKey = definitions
			.computeIfAbsent(task.getProcessDefinitionId(), repositoryService::getProcessDefinition)
			.getKey();
		if (completionRules.stream().noneMatch(rule -> rule.supports(processKey, task.getTaskDefinitionKey()))) {
			return; // no rule for this step: no need for its case's business key
		}
		String businessKey = task.getProcessInstanceId() == null ? null
				: runtimeService.createProcessInstanceQuery()
					.processInstanceId(task.getProcessInstanceId())
					.singleResult()
					.getBusinessKey();
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		for (CompletionRule rule : completionRules) {
			if (rule.supports(processKey, task.getTaskDefinitionKey())) {
				errors.addAll(rule.check(businessKey, variables, caller.userId()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	@Transactional
	public void comment(Caller caller, String taskId, String text) {
		Task task = visibility.visibleTask(caller, taskId);
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("message", "must not be blank");
		}
		if (text.length() > 4000) {
			throw new InvalidInputException("message", "must be at most 4000 characters");
		}
		// the engine records the comment's author from its current authentication
		identityService.setAuthentication(caller.userId(), caller.roles());
		try {
			taskService.createComment(taskId, task.getProcessInstanceId(), text.strip());
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	// ---- case history --------------------------------------------------------------------

	private boolean hasFormRef(Task task) {
		return task.getCamundaFormRef() != null;
	}

	/**
	 * The steps of a case so far, oldest first, named in the reader's language as on the task
	 * page: for the case pages of other modules, which show the same history. A case that was
	 * started more than once (a reopened complaint) passes all its process instances.
	 */
	@Transactional(readOnly = true)
	public List<TaskView.Step> caseHistory(java.util.Collection<String> processInstanceIds) {
		// each instance's steps come in the engine's order; instances follow each other in time
		return processInstanceIds.stream()
			.flatMap(id -> history(id).stream())
			.sorted(java.util.Comparator.comparing(TaskView.Step::started,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.toList();
	}

	private List<TaskView.Step> history(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		Map<String, Object> variables = names(processInstanceId);
		// a task's own name was resolved by the engine when it was created (per instance of a
		// multi-instance step, too): prefer it to the modelled name
		Map<String, String> taskNames = new HashMap<>();
		historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.list()
			.forEach(t -> {
				if (t.getName() != null) {
					taskNames.put(t.getId(), t.getName());
				}
			});
		return historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.filter(a -> STEP_TYPES.contains(a.getActivityType()))
			.map(a -> step(a, taskNames.getOrDefault(a.getTaskId(), a.getActivityName()), variables))
			.toList();
	}

	/**
	 * The case's variables as text, for the names of its steps: the history keeps a step's name
	 * as modelled ("Plan the sessions of ${waveName}"); the page shows it resolved.
	 */
	private Map<String, Object> names(String processInstanceId) {
		Map<String, Object> values = new HashMap<>();
		historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.disableBinaryFetching()
			.disableCustomObjectDeserialization()
			.list()
			.forEach(v -> {
				// only plain values: an object variable is not deserialized here, and reading it fails
				if (Set.of("string", "long", "integer", "short", "double").contains(v.getTypeName())
						&& v.getValue() != null) {
					values.putIfAbsent(v.getName(), v.getValue());
				}
			});
		return values;
	}

	private TaskView.Step step(HistoricActivityInstance activity, String name, Map<String, Object> variables) {
		Locale locale = LocaleContextHolder.getLocale();
		// an element the model left unnamed is named by the bundle, or by its kind: never by its id
		String shown = name != null
				? texts.stepName(activity.getProcessDefinitionKey(), activity.getActivityId(),
						DisplayNames.resolve(name, variables), locale)
				: texts.unnamedStep(activity.getProcessDefinitionKey(), activity.getActivityId(),
						activity.getActivityType(), locale);
		return new TaskView.Step(activity.getActivityId(), shown,
				activity.getActivityType(), activity.getAssignee(),
				activity.getStartTime() == null ? null : activity.getStartTime().toInstant(),
				activity.getEndTime() == null ? null : activity.getEndTime().toInstant());
	}

	private List<TaskView.Note> comments(String taskId) {
		return taskService.getTaskComments(taskId)
			.stream()
			.map(c -> new TaskView.Note(c.getUserId(), c.getTime().toInstant(), c.getFullMessage()))
			.sorted(java.util.Comparator.comparing(TaskView.Note::at))
			.toList();
	}

}
