package dev.lodestar.worklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.EngineClock;
import dev.lodestar.system.ProcessTexts;

/**
 * My work's list: one page of the tasks a user may see (assigned to them, or waiting in a queue of one
 * of their roles) and how much each of their queues holds. It only reads; what a user may do with a
 * task is {@link WorklistService}'s.
 */
@Service
public class TaskListService {

	private final TaskService taskService;
	private final RepositoryService repositoryService;
	private final List<CaseContextProvider> caseProviders;
	private final WorklistSettings settings;
	private final Clock clock;
	private final JdbcTemplate jdbc;
	private final ProcessTexts texts;
	/** Process definitions never change once deployed: their key and name are cached by id. */
	private final Map<String, ProcessDefinition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

	TaskListService(TaskService taskService, RepositoryService repositoryService, List<CaseContextProvider> caseProviders,
			WorklistSettings settings, Optional<Clock> clock, JdbcTemplate jdbc, ProcessTexts texts) {
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.caseProviders = caseProviders;
		this.settings = settings;
		this.clock = clock.orElse(EngineClock.INSTANCE);
		this.jdbc = jdbc;
		this.texts = texts;
	}

	/** One page of the caller's tasks. */
	@Transactional(readOnly = true)
	public TaskPage list(Caller caller, TaskFilter filter) {
		int size = settings.pageSize();
		List<Task> tasks = query(caller, filter).listPage(filter.page() * size, size + 1);
		boolean hasMore = tasks.size() > size;
		List<Task> shown = hasMore ? tasks.subList(0, size) : tasks;
		return new TaskPage(rows(shown), filter.page(), size, hasMore);
	}

	/**
	 * The caller's queues and how much each holds, in ONE statement (a count per role queue, the
	 * caller's own tasks, and the overdue ones among all of them) rather than a task-query count
	 * each: the "mine OR my roles" count of the task query is a DISTINCT over an outer join (see
	 * {@link #query}), and at ten times the demo its three to four counts were most of My work's time.
	 * The same tasks the engine's queries count: assigned to the caller, or unassigned with a
	 * candidate group of one of the caller's roles.
	 */
	@Transactional(readOnly = true)
	public QueueCounts counts(Caller caller) {
		Date now = Date.from(clock.instant());
		List<String> roles = caller.roles();
		var sql = new StringBuilder("select 'mine' as kind, null as role, count(*) as n from ACT_RU_TASK T where T.ASSIGNEE_ = ?");
		var parameters = new ArrayList<Object>(List.of(caller.userId()));
		if (roles.isEmpty()) {
			sql.append(" union all select 'overdue', null, count(*) from ACT_RU_TASK T where T.ASSIGNEE_ = ? and T.DUE_DATE_ < ?");
			parameters.addAll(List.of(caller.userId(), now));
		}
		else {
			String groups = String.join(", ", java.util.Collections.nCopies(roles.size(), "?"));
			sql.append(" union all select 'role', I.GROUP_ID_, count(distinct T.ID_) from ACT_RU_TASK T join ACT_RU_IDENTITYLINK I"
					+ " on I.TASK_ID_ = T.ID_ where T.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + groups
					+ ") group by I.GROUP_ID_");
			parameters.addAll(roles);
			sql.append(" union all select 'overdue', null, count(*) from ACT_RU_TASK T where T.DUE_DATE_ < ? and (T.ASSIGNEE_ = ?"
					+ " or (T.ASSIGNEE_ is null and T.ID_ in (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I"
					+ " where I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + groups + "))))");
			parameters.add(now);
			parameters.add(caller.userId());
			parameters.addAll(roles);
		}
		Map<String, Long> perRole = new LinkedHashMap<>();
		roles.forEach(role -> perRole.put(role, 0L));
		long[] mineAndOverdue = new long[2];
		jdbc.query(sql.toString(), rs -> {
			switch (rs.getString(1)) {
				case "mine" -> mineAndOverdue[0] = rs.getLong(3);
				case "overdue" -> mineAndOverdue[1] = rs.getLong(3);
				default -> perRole.put(rs.getString(2), rs.getLong(3));
			}
		}, parameters.toArray());
		return new QueueCounts(mineAndOverdue[0], perRole, mineAndOverdue[1]);
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

	/** The tasks as rows of the list, with their case and customer; the task page shows its task as one. */
	List<TaskRow> rows(List<Task> tasks) {
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

}
