package dev.lodestar.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
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

	/** One page of the list: its rows, where it starts, and whether older complaints follow. */
	record Listing(List<Row> rows, int offset, boolean older) {

		/** The 1-based number of the first row shown (0 when the page is empty). */
		public int from() {
			return rows.isEmpty() ? 0 : offset + 1;
		}

		public int to() {
			return offset + rows.size();
		}

	}

	/**
	 * The {@code page}-th page (from 0) of {@code size} complaints of {@link #list}; rows are worked
	 * out only as far as the page and one more, which tells whether an older page exists.
	 */
	@Transactional(readOnly = true)
	Listing page(ComplaintSlaState state, Category category, String text, int page, int size) {
		int offset = Math.max(0, page) * size;
		List<Row> rows = list(state, category, text, offset + size + 1);
		List<Row> shown = rows.subList(Math.min(offset, rows.size()), Math.min(offset + size, rows.size()));
		return new Listing(List.copyOf(shown), offset, rows.size() > offset + size);
	}

	/** Complaints newest first, filtered by SLA state, category and a text in the customer's name, e-mail or phone. */
	@Transactional(readOnly = true)
	List<Row> list(ComplaintSlaState state, Category category, String text, int limit) {
		String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
		String digits = needle == null ? "" : needle.replaceAll("[^0-9]", "");
		return complaints.search(null, null, null, null, PageRequest.of(0, 1000))
			.stream()
			.filter(c -> category == null || c.getCategory() == category)
			.filter(c -> needle == null || contains(c.getCustomerName(), needle) || contains(c.getCustomerEmail(), needle)
					|| (digits.length() >= 4 && c.getCustomerPhone() != null
							&& c.getCustomerPhone().replaceAll("[^0-9]", "").contains(digits))
					|| ("#" + c.getId()).equals(needle) || String.valueOf(c.getId()).equals(needle))
			.map(this::row)
			.filter(r -> state == null || r.state() == state)
			.limit(limit)
			.toList();
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

	private static boolean contains(String value, String needle) {
		return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
	}

}
