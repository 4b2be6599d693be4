package dev.lodestar.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionEntry;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.ProcessTexts;
import dev.lodestar.worklist.WorklistService;

/**
 * What the complaint pages show: the list with each complaint's SLA state, and one complaint
 * with its steps so far, its open steps and the state of the customer's confirmation link.
 */
@Component
class ComplaintBoard {

	private final Complaints complaints;
	private final ConfirmationTokens tokens;
	private final TaskService taskService;
	private final HistoryService historyService;
	private final CustomerService customers;
	private final ComplaintReaders readers;
	private final WorklistService worklist;
	private final ProcessTexts texts;
	private final Clock clock;

	private ComplaintSlaClock slaClock;

	private NamedParameterJdbcTemplate jdbc;

	/** The list's statements; set apart to keep the constructor's edits small. */
	@org.springframework.beans.factory.annotation.Autowired
	void setJdbc(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a case waits for the customer, and its pauses; set apart to keep the constructor's edits small. */
	@org.springframework.beans.factory.annotation.Autowired
	void setSlaClock(ComplaintSlaClock slaClock) {
		this.slaClock = slaClock;
	}

	ComplaintBoard(Complaints complaints, ConfirmationTokens tokens, TaskService taskService,
			HistoryService historyService, CustomerService customers, ComplaintReaders readers, WorklistService worklist,
			ProcessTexts texts, Optional<Clock> clock) {
		this.complaints = complaints;
		this.tokens = tokens;
		this.taskService = taskService;
		this.historyService = historyService;
		this.customers = customers;
		this.readers = readers;
		this.worklist = worklist;
		this.texts = texts;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** One row of the list. */
	record Row(Complaint complaint, ComplaintSlaState state, Instant due) {
	}

	/** A step of the case so far (or the current one). */
	record Step(String name, String type, String who, Instant started, Instant ended) {
	}

	/** An open step and whether this user may work on it. */
	record OpenStep(String taskId, String name, String assignee, Instant due, ComplaintSlaState state,
			boolean mine) {
	}

	/** The customer's link to confirm the latest resolution. */
	record Link(String state, Instant issuedAt, Instant expiresAt, Instant usedAt, CustomerReply answer) {
	}

	record Detail(Complaint complaint, ComplaintSlaState state, List<OpenStep> openSteps, List<Step> history,
			List<InteractionEntry> interactions, Link link, List<SlaPause> pauses) {

		/** Whether the case waits for the customer now (its resolution clock stopped). */
		public boolean waiting() {
			return state == ComplaintSlaState.WAITING_FOR_CUSTOMER;
		}

	}

	/** One page of the list: its rows, where it starts, how many complaints match, and whether older ones follow. */
	record Listing(List<Row> rows, int offset, long total) {

		/** The 1-based number of the first row shown (0 when the page is empty). */
		public int from() {
			return rows.isEmpty() ? 0 : offset + 1;
		}

		public int to() {
			return offset + rows.size();
		}

		/** Whether older complaints follow this page. */
		public boolean older() {
			return offset + rows.size() < total;
		}

	}

	/**
	 * The {@code page}-th page (from 0) of {@code size} complaints, newest first, filtered by SLA
	 * state, category and a text (the customer's name, e-mail or phone, or the complaint's number).
	 * The database filters, counts, orders and pages ({@link ComplaintListQuery}): two statements
	 * and a read of the page's complaints by id, however many complaints there are; the SLA state
	 * and due time of each row come from the same statement that filtered by them.
	 */
	@Transactional(readOnly = true)
	Listing page(ComplaintSlaState state, Category category, String text, int page, int size) {
		int offset = Math.max(0, page) * size;
		var query = ComplaintListQuery.of(state, category, text, clock.instant());
		long total = jdbc.queryForObject(query.countSql(), query.parameters(), Long.class);
		var found = new LinkedHashMap<Long, ComplaintListQuery.Found>();
		if (offset < total) {
			jdbc.query(query.pageSql(offset, size), query.parameters(), rs -> {
				long id = rs.getLong("id");
				var due = rs.getTimestamp("due");
				found.put(id, new ComplaintListQuery.Found(id, ComplaintSlaState.valueOf(rs.getString("sla_state")),
						due == null ? null : due.toInstant()));
			});
		}
		var byId = new HashMap<Long, Complaint>();
		complaints.findAllById(found.keySet()).forEach(c -> byId.put(c.getId(), c));
		var rows = found.values()
			.stream()
			.filter(f -> byId.containsKey(f.id()))
			.map(f -> new Row(byId.get(f.id()), f.state(), f.due()))
			.toList();
		return new Listing(rows, offset, total);
	}

	@Transactional(readOnly = true)
	Detail detail(long id, String userId) {
		Complaint c = complaints.findById(id).orElseThrow(() -> new dev.lodestar.system.NotFoundException("Complaint", id));
		List<Task> open = openTasks(c);
		Instant now = clock.instant();
		List<String> mine = readers.openTasksFor(c, userId).stream().map(Task::getId).toList();
		var openSteps = open.stream()
			.map(t -> new OpenStep(t.getId(),
					texts.stepName(ComplaintToResolution.PROCESS_KEY, t.getTaskDefinitionKey(), t.getName(),
							LocaleContextHolder.getLocale()),
					t.getAssignee(),
					t.getDueDate() == null ? null : t.getDueDate().toInstant(), stateOf(t, now), mine.contains(t.getId())))
			.toList();
		// a reopened complaint runs the process again under the same business key
		var instances = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(c.getId().toString())
			.orderByProcessInstanceStartTime()
			.asc()
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		var history = worklist.caseHistory(instances)
			.stream()
			.filter(s -> !s.type().contains("Gateway"))
			.map(s -> new Step(s.name(), s.type(), s.who(), s.started(), s.ended()))
			.toList();
		var interactions = customers.interactionsAbout("complaint", c.getId().toString(), 50);
		Link link = tokens.findFirstByComplaintIdOrderByIdDesc(c.getId())
			.map(t -> new Link(linkState(c, t, now), t.getCreatedAt(), t.getExpiresAt(), t.getUsedAt(), t.getAnswer()))
			.orElse(null);
		return new Detail(c, row(c).state(), openSteps, history, interactions, link,
				slaClock == null ? List.of() : slaClock.pauses(c.getId()));
	}

	private static String linkState(Complaint c, ConfirmationToken t, Instant now) {
		ConfirmationToken.State state = t.state(now);
		boolean waiting = c.getStatus() == ComplaintStatus.RESOLVED && c.getCustomerReply() == null;
		if (state == ConfirmationToken.State.VALID && !waiting) {
			return ConfirmationToken.State.EXPIRED.name();
		}
		return state.name();
	}

	/** Where the complaint stands against its SLA, as the list shows it. */
	ComplaintSlaState state(Complaint c) {
		return row(c).state();
	}

	private Row row(Complaint c) {
		if (c.getStatus() == ComplaintStatus.CLOSED) {
			return new Row(c, ComplaintSlaState.CLOSED, null);
		}
		if (c.getStatus() == ComplaintStatus.RESOLVED) {
			return new Row(c, ComplaintSlaState.AWAITING_CONFIRMATION, null);
		}
		Instant now = clock.instant();
		List<Task> open = openTasks(c);
		ComplaintSlaState worst = ComplaintSlaState.ON_TIME;
		Instant due = null;
		boolean working = false;
		for (Task task : open) {
			if (ComplaintToResolution.TASK_REVIEW_ESCALATION.equals(task.getTaskDefinitionKey())) {
				continue;
			}
			working = true;
			ComplaintSlaState state = stateOf(task, now);
			if (state.ordinal() > worst.ordinal()) {
				worst = state;
			}
			if (task.getDueDate() != null && (due == null || task.getDueDate().toInstant().isBefore(due))) {
				due = task.getDueDate().toInstant();
			}
		}
		if (!working && slaClock != null && slaClock.isWaiting(c.getId())) {
			return new Row(c, ComplaintSlaState.WAITING_FOR_CUSTOMER, null);
		}
		return new Row(c, worst, due);
	}

	private static ComplaintSlaState stateOf(Task task, Instant now) {
		if (task.getDueDate() != null && now.isAfter(task.getDueDate().toInstant())) {
			return ComplaintSlaState.BREACHED;
		}
		if (task.getFollowUpDate() != null && now.isAfter(task.getFollowUpDate().toInstant())) {
			return ComplaintSlaState.WARNING;
		}
		return ComplaintSlaState.ON_TIME;
	}

	private List<Task> openTasks(Complaint c) {
		return taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(c.getId().toString())
			.active()
			.orderByTaskCreateTime()
			.asc()
			.list();
	}

}
