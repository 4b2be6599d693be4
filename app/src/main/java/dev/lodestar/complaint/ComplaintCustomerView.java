package dev.lodestar.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerViewContributor;
import dev.lodestar.customer.CustomerViewSection;
import dev.lodestar.system.ProcessTexts;

/**
 * The customer's complaints in the 360° view, with the open tasks the viewer could work on: in
 * the reader's language, each with its SLA state (as in the complaint list), not its raw status.
 */
@Component
class ComplaintCustomerView implements CustomerViewContributor {

	private final Complaints complaints;
	private final ComplaintReaders readers;
	private final dev.lodestar.calendar.Dates dates;
	private final org.camunda.bpm.engine.HistoryService historyService;
	private final ComplaintBoard board;
	private final ProcessTexts texts;
	private final MessageSource messages;
	private final dev.lodestar.system.SystemTexts systemTexts;

	ComplaintCustomerView(Complaints complaints, ComplaintReaders readers, dev.lodestar.calendar.Dates dates,
			org.camunda.bpm.engine.HistoryService historyService, ComplaintBoard board, ProcessTexts texts,
			MessageSource messages, dev.lodestar.system.SystemTexts systemTexts) {
		this.systemTexts = systemTexts;
		this.historyService = historyService;
		this.board = board;
		this.texts = texts;
		this.messages = messages;
		this.dates = dates;
		this.complaints = complaints;
		this.readers = readers;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CustomerViewSection> section(long customerId, String userId) {
		if (!readers.mayRead(userId)) {
			return Optional.empty();
		}
		List<Complaint> ofCustomer = complaints.findByCustomerIdOrderByReceivedAtDesc(customerId);
		if (ofCustomer.isEmpty()) {
			return Optional.empty();
		}
		boolean withTasks = readers.mayWork(userId);
		Locale locale = LocaleContextHolder.getLocale();
		var entries = new ArrayList<CustomerViewSection.Entry>();
		for (Complaint c : ofCustomer) {
			var facts = new ArrayList<CustomerViewSection.Fact>();
			facts.add(fact("complaints.category", word("complaints.category.", c.getCategory().name(), locale), locale));
			facts.add(fact("complaints.severity", word("complaints.severity.", c.getSeverity(), locale), locale));
			facts.add(fact("complaints.received", when(c.getReceivedAt()), locale));
			if (c.getResolutionDueAt() != null && c.getStatus() == ComplaintStatus.OPEN) {
				facts.add(fact("complaints.resolutionDue", when(c.getResolutionDueAt()), locale));
			}
			if (c.getSatisfaction() != null) {
				facts.add(fact("complaints.satisfaction", c.getSatisfaction() + "/5", locale));
			}
			if (c.getReopenCount() > 0) {
				facts.add(fact("complaints.reopened", c.getReopenCount() + "×", locale));
			}
			String done = String.join(" · ", historyService.createHistoricTaskInstanceQuery()
				.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
				.processInstanceBusinessKey(c.getId().toString())
				.finished()
				.orderByHistoricTaskInstanceEndTime()
				.asc()
				.list()
				.stream()
				.map(t -> step(t.getTaskDefinitionKey(), t.getName(), locale)
						+ (t.getAssignee() == null ? "" : " (" + systemTexts.user(t.getAssignee()) + ")"))
				.toList());
			if (!done.isEmpty()) {
				facts.add(fact("customers.fact.stepsDone", done, locale));
			}
			List<CustomerViewSection.OpenTask> tasks = !withTasks ? List.of()
					: readers.openTasksFor(c, userId)
						.stream()
						.map(t -> new CustomerViewSection.OpenTask(t.getId(), step(t.getTaskDefinitionKey(), t.getName(), locale),
								t.getAssignee(), readers.candidateGroups(t),
								t.getDueDate() == null ? null : t.getDueDate().toInstant()))
						.toList();
			String state = board.state(c).name();
			entries.add(new CustomerViewSection.Entry("Complaint", c.getId().toString(),
					"#" + c.getId() + " " + abbreviate(c.getDescription()), word("complaints.state.", state, locale),
					withTasks ? "/complaints/" + c.getId() : null, facts, tasks));
		}
		return Optional.of(new CustomerViewSection("complaints",
				messages.getMessage("customers.section.complaints", null, locale), 20, entries));
	}

	private String step(String taskKey, String name, Locale locale) {
		return texts.stepName(ComplaintToResolution.PROCESS_KEY, taskKey, name, locale);
	}

	private CustomerViewSection.Fact fact(String labelKey, String value, Locale locale) {
		return new CustomerViewSection.Fact(messages.getMessage(labelKey, null, locale), value);
	}

	/** A code in words ("complaints.state." + "ON_TIME" = "on time"); the code when a model adds one without a text. */
	private String word(String prefix, String code, Locale locale) {
		return code == null ? null : messages.getMessage(prefix + code, null, code, locale);
	}

	/** In the reader's language, in the service desk's time zone. */
	private String when(java.time.Instant instant) {
		return dates.dateTimeWithZone(instant, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	static String label(String constant) {
		return constant.replace('_', ' ').toLowerCase(Locale.ROOT);
	}

	static String abbreviate(String text) {
		return text.length() <= 80 ? text : text.substring(0, 79) + "…";
	}

	@Override
	public Optional<Boolean> mayReadInteractionsAbout(String subjectType, String userId) {
		return "complaint".equals(subjectType) ? Optional.of(readers.mayRead(userId)) : Optional.empty();
	}

	/**
	 * Writing about a complaint takes the right to open it (the service desk), not only to see its
	 * summary in the 360° view.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<dev.lodestar.customer.SubjectAccess> mayWriteAbout(String subjectType, String subjectId,
			long customerId, String userId) {
		if (!"complaint".equals(subjectType)) {
			return Optional.empty();
		}
		Optional<Complaint> complaint = dev.lodestar.system.FormValues.idOrEmpty(subjectId).flatMap(complaints::findById);
		if (complaint.isEmpty()) {
			return Optional.of(dev.lodestar.customer.SubjectAccess.UNKNOWN);
		}
		if (!readers.mayWork(userId)) {
			return Optional.of(dev.lodestar.customer.SubjectAccess.FORBIDDEN);
		}
		return Optional.of(Long.valueOf(customerId).equals(complaint.get().getCustomerId())
				? dev.lodestar.customer.SubjectAccess.GRANTED : dev.lodestar.customer.SubjectAccess.OTHER_CUSTOMER);
	}

}
