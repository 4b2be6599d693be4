package dev.lodestar.worklist;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.Dates;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessTexts;

/**
 * The one door for task work. My work: the tasks a user may see (assigned to them, or waiting in a queue of one of their
 * roles; for managers also the tasks of the roles they manage), and what they may do with them.
 * The engine is queried without an engine-side authentication; visibility is decided here, per
 * task, from its identity links.
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
	private final WorklistSettings settings;
	private final Clock clock;
	private final JdbcTemplate jdbc;
	private final ProcessTexts texts;
	/** Process definitions never change once deployed: their key and name are cached by id. */
	private final Map<String, ProcessDefinition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

	private final dev.lodestar.system.MoneySettings money;
	private final Dates dates;

	WorklistService(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
			HistoryService historyService, IdentityService identityService, FormSchemas forms,
			FormValidator validator, List<CaseContextProvider> caseProviders, List<CompletionRule> completionRules,
			WorklistSettings settings,
			Optional<Clock> clock, JdbcTemplate jdbc, ProcessTexts texts, dev.lodestar.system.MoneySettings money, Dates dates) {
		this.dates = dates;
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
		this.settings = settings;
		this.clock = clock.orElse(EngineClock.INSTANCE);
		this.jdbc = jdbc;
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

	// ---- the list -------------------------------------------------------------------------

	/** One page of the caller's tasks. */
	@Transactional(readOnly = true)
	public TaskPage list(Caller caller, TaskFilter filter) {
		int size = settings.pageSize();
		List<Task> tasks = query(caller, filter).listPage(filter.page() * size, size + 1);
		boolean hasMore = tasks.size() > size;
		List<Task> shown = hasMore ? tasks.subList(0, size) : tasks;
		return new TaskPage(rows(shown), filter.page(), size, hasMore);
	}

	/** The caller's queues and how much each holds. */
	@Transactional(readOnly = true)
	public QueueCounts counts(Caller caller) {
		Map<String, Long> roles = new LinkedHashMap<>();
		for (String role : caller.roles()) {
			roles.put(role, taskService.createTaskQuery().taskCandidateGroup(role).count());
		}
		long mine = taskService.createTaskQuery().taskAssignee(caller.userId()).count();
		long overdue = mine(caller).dueBefore(Date.from(clock.instant())).count();
		return new QueueCounts(mine, roles, overdue);
	}

	/**
	 * The query behind the list, shared with the benchmark so that it measures what the page
	 * runs. It is a native task query (the engine's own API for hand-written SQL) because the
	 * task query's "assignee OR candidate group" becomes a DISTINCT over an outer join that reads
	 * and sorts every task of the user's roles; a semi-join on the identity links does the same
	 * work in a third of the time on 50,000 tasks (see README, "Benchmark").
	 */
	NativeTaskQuery query(Caller caller, TaskFilter filter) {
		var where = new ArrayList<String>();
		var parameters = new LinkedHashMap<String, Object>();
		parameters.put("user", caller.userId());
		String queue = filter.queue();
		if ("mine".equals(queue)) {
			where.add("RES.ASSIGNEE_ = #{user}");
		}
		else if (queue.startsWith("role:")) {
			String role = queue.substring(5);
			if (!caller.hasRole(role)) {
				throw new AccessDeniedException("not a member of " + role);
			}
			parameters.put("role", role);
			where.add("RES.ASSIGNEE_ is null and RES.ID_ in (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I "
					+ "where I.TYPE_ = 'candidate' and I.GROUP_ID_ = #{role})");
		}
		else if (caller.roles().isEmpty()) {
			where.add("RES.ASSIGNEE_ = #{user}");
		}
		else {
			var groups = new ArrayList<String>();
			for (int i = 0; i < caller.roles().size(); i++) {
				parameters.put("group" + i, caller.roles().get(i));
				groups.add("#{group" + i + "}");
			}
			where.add("(RES.ASSIGNEE_ = #{user} or (RES.ASSIGNEE_ is null and RES.ID_ in (select I.TASK_ID_ from "
					+ "ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + String.join(", ", groups)
					+ "))))");
		}
		Instant now = clock.instant();
		if (filter.process() != null) {
			parameters.put("process", filter.process());
			where.add("RES.PROC_DEF_ID_ in (select D.ID_ from ACT_RE_PROCDEF D where D.KEY_ = #{process})");
		}
		if (filter.overdue()) {
			parameters.put("now", Date.from(now));
			where.add("RES.DUE_DATE_ < #{now}");
		}
		if (filter.dueSoon()) {
			parameters.put("now", Date.from(now));
			parameters.put("soon", Date.from(now.plus(settings.dueSoon())));
			where.add("RES.DUE_DATE_ >= #{now} and RES.DUE_DATE_ < #{soon}");
		}
		if (filter.minPriority() != null) {
			parameters.put("minPriority", filter.minPriority());
			where.add("RES.PRIORITY_ >= #{minPriority}");
		}
		if (filter.customer() != null) {
			parameters.put("customerVariable", settings.customerVariable());
			parameters.put("customer", "%" + filter.customer().toLowerCase(Locale.ROOT) + "%");
			var matches = new ArrayList<String>();
			matches.add("exists (select 1 from ACT_RU_VARIABLE V where V.VAR_SCOPE_ = RES.PROC_INST_ID_ "
					+ "and V.NAME_ = #{customerVariable} and lower(V.TEXT_) like #{customer})");
			int p = 0;
			for (var entry : casesOfCustomer(filter.customer()).entrySet()) {
				var keys = new ArrayList<String>();
				for (String businessKey : entry.getValue()) {
					String name = "ck" + p + "_" + keys.size();
					parameters.put(name, businessKey);
					keys.add("#{" + name + "}");
				}
				parameters.put("cp" + p, entry.getKey());
				matches.add("RES.PROC_INST_ID_ in (select E.ID_ from ACT_RU_EXECUTION E where E.ID_ = E.PROC_INST_ID_ "
						+ "and E.BUSINESS_KEY_ in (" + String.join(", ", keys) + ") and E.PROC_DEF_ID_ in "
						+ "(select D2.ID_ from ACT_RE_PROCDEF D2 where D2.KEY_ = #{cp" + p + "}))");
				p++;
			}
			where.add("(" + String.join(" or ", matches) + ")");
		}
		String column = switch (filter.sort()) {
			case "priority" -> "RES.PRIORITY_";
			case "created" -> "RES.CREATE_TIME_";
			case "name" -> "RES.NAME_";
			case "followUp" -> "RES.FOLLOW_UP_DATE_";
			default -> "RES.DUE_DATE_";
		};
		String direction = "desc".equals(filter.dir()) ? "desc" : "asc";
		NativeTaskQuery query = taskService.createNativeTaskQuery()
			.sql("select RES.* from ACT_RU_TASK RES where " + String.join(" and ", where) + " order by " + column + " "
					+ direction + ", RES.CREATE_TIME_ asc, RES.ID_ asc");
		parameters.forEach(query::parameter);
		return query;
	}

	private TaskQuery mine(Caller caller) {
		TaskQuery query = taskService.createTaskQuery();
		if (caller.roles().isEmpty()) {
			return query.taskAssignee(caller.userId());
		}
		return query.or().taskAssignee(caller.userId()).taskCandidateGroupIn(caller.roles()).endOr();
	}

	private List<TaskRow> rows(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		Map<String, String[]> cases = cases(tasks);
		List<TaskRow> rows = tasks.stream().map(task -> {
			ProcessDefinition definition = task.getProcessDefinitionId() == null ? null
					: definitions.computeIfAbsent(task.getProcessDefinitionId(), repositoryService::getProcessDefinition);
			String[] found = cases.getOrDefault(task.getProcessInstanceId(), new String[2]);
			return row(task, definition, found[0], found[1], now);
		}).toList();
		return withCustomers(rows);
	}

	/**
	 * The Customer column: the case's module names the customer (its {@link CaseContextProvider}),
	 * one call per process on the page; a {@code customerName} variable, where a process sets
	 * one, stands when no module knows the case.
	 */
	private List<TaskRow> withCustomers(List<TaskRow> rows) {
		Map<String, List<String>> keysByProcess = new LinkedHashMap<>();
		for (TaskRow row : rows) {
			if (row.processKey() != null && row.businessKey() != null) {
				keysByProcess.computeIfAbsent(row.processKey(), k -> new ArrayList<>()).add(row.businessKey());
			}
		}
		Map<String, Map<String, String>> names = new HashMap<>();
		keysByProcess.forEach((processKey, keys) -> {
			for (CaseContextProvider provider : caseProviders) {
				if (provider.supports(processKey)) {
					Map<String, String> found = provider.customerNames(processKey, keys);
					if (!found.isEmpty()) {
						names.computeIfAbsent(processKey, k -> new HashMap<>()).putAll(found);
					}
				}
			}
		});
		if (names.isEmpty()) {
			return rows;
		}
		return rows.stream().map(row -> {
			String name = row.processKey() == null ? null
					: names.getOrDefault(row.processKey(), Map.of()).get(row.businessKey());
			if (name == null) {
				return row;
			}
			return new TaskRow(row.id(), row.name(), row.processKey(), row.processName(), row.businessKey(), name,
					row.assignee(), row.priority(), row.created(), row.due(), row.followUp(), row.sla(), row.timeLeft());
		}).toList();
	}

	/** Each process whose module can find cases by customer, with the business keys of the matching cases. */
	private Map<String, Set<String>> casesOfCustomer(String text) {
		Map<String, Set<String>> found = new LinkedHashMap<>();
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			for (CaseContextProvider provider : caseProviders) {
				if (provider.supports(definition.getKey())) {
					Set<String> keys = provider.businessKeysOfCustomer(definition.getKey(), text, 500);
					if (!keys.isEmpty()) {
						found.computeIfAbsent(definition.getKey(), k -> new LinkedHashSet<>()).addAll(keys);
					}
				}
			}
		}
		return found;
	}

	private TaskRow row(Task task, ProcessDefinition definition, String businessKey, String customer, Instant now) {
		Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		String processKey = definition == null ? null : definition.getKey();
		Locale locale = LocaleContextHolder.getLocale();
		return new TaskRow(task.getId(), texts.stepName(processKey, task.getTaskDefinitionKey(), DisplayNames.clean(task.getName()), locale),
				processKey,
				definition == null ? null
						: texts.processName(processKey, Objects.requireNonNullElse(definition.getName(), definition.getKey()),
								locale),
				businessKey, customer, task.getAssignee(), task.getPriority(),
				task.getCreateTime() == null ? null : task.getCreateTime().toInstant(), due,
				task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant(),
				SlaState.of(task.getDueDate(), task.getFollowUpDate(), now),
				due == null ? null : Duration.between(now, due));
	}

	/**
	 * Business key and customer name of each task's process instance, in ONE read of the
	 * engine's runtime tables rather than a process-instance query plus a variable query: the
	 * first page of My work must stay close to the bare task query (see the benchmark).
	 */
	private Map<String, String[]> cases(List<Task> tasks) {
		List<String> instances = tasks.stream()
			.map(Task::getProcessInstanceId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (instances.isEmpty()) {
			return Map.of();
		}
		String placeholders = String.join(",", java.util.Collections.nCopies(instances.size(), "?"));
		List<Object> parameters = new ArrayList<>();
		parameters.add(settings.customerVariable());
		parameters.addAll(instances);
		Map<String, String[]> byInstance = new HashMap<>();
		jdbc.query("select e.ID_, e.BUSINESS_KEY_, v.TEXT_ from ACT_RU_EXECUTION e left join ACT_RU_VARIABLE v "
				+ "on v.VAR_SCOPE_ = e.ID_ and v.NAME_ = ? and v.TYPE_ = 'string' where e.ID_ in (" + placeholders + ")",
				rs -> {
					byInstance.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
				}, parameters.toArray());
		return byInstance;
	}

	// ---- one task -------------------------------------------------------------------------

	/** The task page, or 404 when the task does not exist or the caller may not see it. */
	@Transactional(readOnly = true)
	public TaskView view(Caller caller, String taskId) {
		var links = new Links(taskId);
		Task task = visibleTask(caller, taskId, links);
		List<String> roles = candidateRoles(links);
		TaskRow row = rows(List.of(task)).get(0);
		boolean candidate = isCandidate(caller, roles, links);
		boolean manager = manages(caller, roles);
		List<CaseContext> cases = new ArrayList<>();
		if (row.processKey() != null && row.businessKey() != null) {
			for (CaseContextProvider provider : caseProviders) {
				if (provider.supports(row.processKey())) {
					provider.describe(row.processKey(), row.businessKey(), caller.userId()).ifPresent(cases::add);
				}
			}
		}
		List<String> reassignTo = manager ? members(managedAmong(caller, roles)) : List.of();
		return new TaskView(row, task.getDescription(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
				task.getTaskDefinitionKey(), roles, cases, history(task.getProcessInstanceId()), comments(taskId),
				task.getFormKey() != null || hasFormRef(task), candidate && task.getAssignee() == null,
				caller.userId().equals(task.getAssignee()) || (manager && task.getAssignee() != null),
				caller.userId().equals(task.getAssignee()) || (candidate && task.getAssignee() == null), manager,
				reassignTo);
	}

	/** The task's form (translated for the locale) and its current variables. */
	@Transactional(readOnly = true)
	public Map<String, Object> form(Caller caller, String taskId, Locale locale) {
		visibleTask(caller, taskId);
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
		Task task = visibleTask(caller, taskId);
		try (var xml = repositoryService.getProcessModel(task.getProcessDefinitionId())) {
			return new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Transactional
	public void claim(Caller caller, String taskId) {
		var links = new Links(taskId);
		Task task = visibleTask(caller, taskId, links);
		if (!isCandidate(caller, candidateRoles(links), links)) {
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
		Task task = visibleTask(caller, taskId);
		if (task.getAssignee() == null) {
			throw new ConflictException("task " + taskId + " is not assigned");
		}
		if (!caller.userId().equals(task.getAssignee()) && !manages(caller, candidateRoles(taskId))) {
			throw new ConflictException("task " + taskId + " is assigned to someone else");
		}
		taskService.setAssignee(taskId, null);
	}

	/** A manager hands the task to a member of one of its roles. */
	@Transactional
	public void reassign(Caller caller, String taskId, String userId) {
		visibleTask(caller, taskId);
		List<String> roles = candidateRoles(taskId);
		if (!manages(caller, roles)) {
			throw new AccessDeniedException("only a manager of the task's role may reassign it");
		}
		if (userId == null || !members(managedAmong(caller, roles)).contains(userId)) {
			throw new InvalidInputException("userId", "is not a member of the task's role");
		}
		taskService.setAssignee(taskId, userId);
	}

	/**
	 * Completes the task with the form's values after checking them against the form's
	 * constraints; an unassigned task is claimed by the caller on the way. A task without a form
	 * takes no values. Nothing is written when a check fails.
	 */
	@Transactional
	public void complete(Caller caller, String taskId, Map<String, Object> values, Locale locale) {
		var links = new Links(taskId);
		Task task;
		try {
			task = visibleTask(caller, taskId, links);
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
		if (task.getAssignee() == null && !isCandidate(caller, candidateRoles(links), links)) {
			throw new AccessDeniedException("only a member of the task's roles may complete it");
		}
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
		try {
			TaskWorkGuard.checkedByTheDoor(taskId, () -> {
				if (task.getAssignee() == null) {
					taskService.claim(taskId, caller.userId());
				}
				taskService.complete(taskId, checked);
			});
		}
		catch (RuntimeException ex) {
			throw EngineErrors.translate(ex, () -> taskService.createTaskQuery().taskId(taskId).count() == 0,
					"task " + taskId + " was completed by somebody else a moment ago");
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
		Task task = visibleTask(caller, taskId);
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

	// ---- workload -------------------------------------------------------------------------

	/** For a manager: each managed role's queue and each member's load. */
	@Transactional(readOnly = true)
	public List<Workload> workload(Caller caller) {
		Set<String> managed = new LinkedHashSet<>();
		caller.roles().forEach(role -> managed.addAll(settings.managedRoles().getOrDefault(role, List.of())));
		if (managed.isEmpty()) {
			throw new AccessDeniedException("the workload view is for managers");
		}
		Instant now = clock.instant();
		Date weekStart = Date.from(dates.startOf(dates.day(now).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
		List<Workload> loads = new ArrayList<>();
		for (String role : managed) {
			List<Workload.Member> members = new ArrayList<>();
			for (User user : identityService.createUserQuery().memberOfGroup(role).orderByUserId().asc().list()) {
				String name = ((Objects.toString(user.getFirstName(), "") + " "
						+ Objects.toString(user.getLastName(), "")).strip());
				members.add(new Workload.Member(user.getId(), name.isEmpty() ? user.getId() : name,
						taskService.createTaskQuery().taskAssignee(user.getId()).count(),
						taskService.createTaskQuery().taskAssignee(user.getId()).dueBefore(Date.from(now)).count(),
						historyService.createHistoricTaskInstanceQuery()
							.taskAssignee(user.getId())
							.finished()
							.finishedAfter(weekStart)
							.count()));
			}
			loads.add(new Workload(role, taskService.createTaskQuery().taskCandidateGroup(role).count(), members));
		}
		return loads;
	}

	// ---- visibility -----------------------------------------------------------------------

	/** Whether the caller may open the task's page: case pages link only the tasks that open for the reader. */
	@Transactional(readOnly = true)
	public boolean canOpen(Caller caller, String taskId) {
		try {
			visibleTask(caller, taskId);
			return true;
		}
		catch (NotFoundException gone) {
			return false;
		}
	}

	private Task visibleTask(Caller caller, String taskId) {
		return visibleTask(caller, taskId, new Links(taskId));
	}

	private Task visibleTask(Caller caller, String taskId, Links identityLinks) {
		Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
		if (task == null) {
			throw new NotFoundException("Task", taskId);
		}
		if (caller.userId().equals(task.getAssignee())) {
			return task;
		}
		for (IdentityLink link : identityLinks.get()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (caller.userId().equals(link.getUserId())
					|| (link.getGroupId() != null && (caller.hasRole(link.getGroupId())
							|| managedBy(caller).contains(link.getGroupId())))) {
				return task;
			}
		}
		// do not tell strangers that the task exists
		throw new NotFoundException("Task", taskId);
	}

	private List<String> candidateRoles(String taskId) {
		return candidateRoles(new Links(taskId));
	}

	private List<String> candidateRoles(Links links) {
		return links.get()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.distinct()
			.toList();
	}

	private boolean isCandidate(Caller caller, List<String> roles, Links links) {
		return roles.stream().anyMatch(caller::hasRole) || links.get()
			.stream()
			.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
					&& caller.userId().equals(link.getUserId()));
	}

	/** A task's identity links, read at most once per call of the door (each read is an engine command). */
	private final class Links {

		private final String taskId;

		private List<IdentityLink> links;

		Links(String taskId) {
			this.taskId = taskId;
		}

		List<IdentityLink> get() {
			if (links == null) {
				links = taskService.getIdentityLinksForTask(taskId);
			}
			return links;
		}

	}

	private Set<String> managedBy(Caller caller) {
		return caller.roles()
			.stream()
			.flatMap(role -> settings.managedRoles().getOrDefault(role, List.of()).stream())
			.collect(Collectors.toSet());
	}

	private boolean manages(Caller caller, List<String> roles) {
		return !managedAmong(caller, roles).isEmpty();
	}

	private List<String> managedAmong(Caller caller, List<String> roles) {
		Set<String> managed = managedBy(caller);
		return roles.stream().filter(managed::contains).toList();
	}

	private List<String> members(List<String> roles) {
		return roles.stream()
			.flatMap(role -> identityService.createUserQuery().memberOfGroup(role).list().stream())
			.map(User::getId)
			.distinct()
			.sorted()
			.toList();
	}

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
		return new TaskView.Step(activity.getActivityId(),
				texts.stepName(activity.getProcessDefinitionKey(), activity.getActivityId(),
						DisplayNames.resolve(Objects.requireNonNullElse(name, activity.getActivityId()), variables),
						LocaleContextHolder.getLocale()),
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
