package dev.lodestar.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerViewContributor;
import dev.lodestar.customer.CustomerViewSection;

/** The customer's complaints in the 360° view, with the open tasks the viewer could work on. */
@Component
class ComplaintCustomerView implements CustomerViewContributor {

	private final Complaints complaints;
	private final ComplaintReaders readers;
	private final dev.lodestar.calendar.BusinessCalendar calendar;
	private final org.camunda.bpm.engine.HistoryService historyService;

	ComplaintCustomerView(Complaints complaints, ComplaintReaders readers, dev.lodestar.calendar.BusinessCalendar calendar,
			org.camunda.bpm.engine.HistoryService historyService) {
		this.historyService = historyService;
		this.calendar = calendar;
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
		var entries = new ArrayList<CustomerViewSection.Entry>();
		for (Complaint c : ofCustomer) {
			var facts = new ArrayList<CustomerViewSection.Fact>();
			facts.add(new CustomerViewSection.Fact("Category", label(c.getCategory().name())));
			facts.add(new CustomerViewSection.Fact("Severity", c.getSeverity()));
			facts.add(new CustomerViewSection.Fact("Received", when(c.getReceivedAt())));
			if (c.getResolutionDueAt() != null && c.getStatus() == ComplaintStatus.OPEN) {
				facts.add(new CustomerViewSection.Fact("Resolution due", when(c.getResolutionDueAt())));
			}
			if (c.getSatisfaction() != null) {
				facts.add(new CustomerViewSection.Fact("Satisfaction", c.getSatisfaction() + "/5"));
			}
			if (c.getReopenCount() > 0) {
				facts.add(new CustomerViewSection.Fact("Reopened", c.getReopenCount() + "×"));
			}
			String done = String.join(" · ", historyService.createHistoricTaskInstanceQuery()
				.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
				.processInstanceBusinessKey(c.getId().toString())
				.finished()
				.orderByHistoricTaskInstanceEndTime()
				.asc()
				.list()
				.stream()
				.map(t -> t.getName() + (t.getAssignee() == null ? "" : " (" + t.getAssignee() + ")"))
				.toList());
			if (!done.isEmpty()) {
				facts.add(new CustomerViewSection.Fact("Steps done", done));
			}
			List<CustomerViewSection.OpenTask> tasks = !withTasks ? List.of()
					: readers.openTasksFor(c, userId)
						.stream()
						.map(t -> new CustomerViewSection.OpenTask(t.getId(), t.getName(), t.getAssignee(),
								readers.candidateGroups(t), t.getDueDate() == null ? null : t.getDueDate().toInstant()))
						.toList();
			entries.add(new CustomerViewSection.Entry("Complaint", c.getId().toString(),
					"#" + c.getId() + " " + abbreviate(c.getDescription()), c.getStatus().name(),
					withTasks ? "/complaints/" + c.getId() : null, facts, tasks));
		}
		return Optional.of(new CustomerViewSection("complaints", "Complaints", 20, entries));
	}

	/** In the reader's language, in the service desk's time zone. */
	private String when(java.time.Instant instant) {
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		var zoned = instant.atZone(calendar.zone());
		return java.time.format.DateTimeFormatter
			.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
			.withLocale(locale)
			.format(zoned) + " " + zoned.getZone().getDisplayName(java.time.format.TextStyle.SHORT, locale);
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

}
