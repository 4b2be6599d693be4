package dev.lodestar.complaint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.worklist.CaseContext;
import dev.lodestar.worklist.CaseContextProvider;

/**
 * The complaint beside a task form: what the customer said, the targets, the resolution so
 * far, the customer's interaction log and the knowledge-base articles that look related.
 */
@Component
@org.springframework.core.annotation.Order(10)
class ComplaintCaseContext implements CaseContextProvider {

	private final Complaints complaints;
	private final CustomerService customers;
	private final ComplaintReaders readers;
	private final RuntimeService runtimeService;
	private final dev.lodestar.calendar.Dates dates;
	private final org.springframework.context.MessageSource messages;

	private final dev.lodestar.system.MoneyModel money;
	private final dev.lodestar.system.SystemTexts systemTexts;

	private final org.camunda.bpm.engine.HistoryService history;

	ComplaintCaseContext(Complaints complaints, CustomerService customers, ComplaintReaders readers,
			RuntimeService runtimeService, dev.lodestar.calendar.Dates dates,
			org.springframework.context.MessageSource messages, dev.lodestar.system.MoneyModel money, dev.lodestar.system.SystemTexts systemTexts,
			org.camunda.bpm.engine.HistoryService history) {
		this.history = history;
		this.money = money;
		this.systemTexts = systemTexts;
		this.messages = messages;
		this.dates = dates;
		this.runtimeService = runtimeService;
		this.complaints = complaints;
		this.customers = customers;
		this.readers = readers;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return ComplaintToResolution.PROCESS_KEY.equals(processDefinitionKey);
	}

	/** The complaint's customer: the customer master's name when linked, else the name given. */
	@Override
	@Transactional(readOnly = true)
	public Map<String, String> customerNames(String processDefinitionKey, Collection<String> businessKeys) {
		var ids = businessKeys.stream().filter(k -> k != null && k.matches("\\d{1,18}")).map(Long::valueOf).toList();
		var names = new HashMap<String, String>();
		for (Complaint complaint : complaints.findAllById(ids)) {
			String name = complaint.getCustomerId() == null ? null
					: customers.find(complaint.getCustomerId()).map(c -> c.name()).orElse(null);
			if (name == null) {
				name = complaint.getCustomerName() != null ? complaint.getCustomerName() : complaint.getCustomerEmail();
			}
			if (name != null) {
				names.put(String.valueOf(complaint.getId()), name);
			}
		}
		return names;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<String> businessKeysOfCustomer(String processDefinitionKey, String text, int limit) {
		var keys = new LinkedHashSet<String>();
		complaints.idsByCustomerName(text.strip().toLowerCase(Locale.ROOT), org.springframework.data.domain.PageRequest.of(0, limit))
			.forEach(id -> keys.add(String.valueOf(id)));
		return keys;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId) {
		if (!supports(processDefinitionKey) || !readers.mayRead(userId)) {
			return Optional.empty();
		}
		return complaints.findByBusinessKey(businessKey).map(c -> {
			var facts = new ArrayList<CaseContext.Fact>();
			fact(facts, "case.complaint.status", c.getStatus().name());
			fact(facts, "case.complaint.complaint", c.getDescription());
			// codes, which the page names in the reader's language (case.value.<code>)
			fact(facts, "case.complaint.category", c.getCategory().name());
			fact(facts, "case.complaint.channel", c.getChannel().name());
			fact(facts, "case.complaint.customerTier", c.getCustomerTier().name());
			fact(facts, "case.complaint.severity", c.getSeverity());
			fact(facts, "case.complaint.queue", c.getQueue() == null ? null
					: messages.getMessage("complaints.queue." + c.getQueue(), null, c.getQueue(),
							org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			fact(facts, "case.complaint.eMail", c.getCustomerEmail());
			fact(facts, "case.complaint.phone", c.getCustomerPhone());
			fact(facts, "case.complaint.received", when(c.getReceivedAt()));
			fact(facts, "case.complaint.firstResponseDue", when(c.getResponseDueAt()));
			fact(facts, "case.complaint.resolutionDue", when(c.getResolutionDueAt()));
			if (c.getFirstResponseNote() != null) {
				fact(facts, "case.complaint.firstResponse", c.getFirstResponseNote() + " (" + systemTexts.user(c.getFirstResponseBy()) + ")");
			}
			if (c.getStatus() == ComplaintStatus.OPEN) {
				// a proposal waiting for approval lives in the process until the complaint is resolved
				// a rejected proposal back with the agent: who rejected it and why, beside the rework
				lastRejection(c).ifPresent(r -> fact(facts, "case.complaint.compensationRejected", r));
				proposal(c).ifPresent(p -> {
					fact(facts, "case.complaint.proposedResolution", p.resolution());
					var amount = dev.lodestar.system.FormValues.decimalOrNull(p.compensation());
					fact(facts, "case.complaint.compensationToApprove",
							amount == null ? String.valueOf(p.compensation()) : money.format(amount));
				});
			}
			fact(facts, "case.complaint.resolution", c.getResolution());
			fact(facts, "case.complaint.compensation", money.format(c.getCompensation()));
			fact(facts, "case.complaint.customerAnswer", c.getCustomerReply() == null ? null : c.getCustomerReply().name());
			fact(facts, "case.complaint.customerComment", c.getCustomerComment());
			fact(facts, "case.complaint.satisfaction", c.getSatisfaction() == null ? null : c.getSatisfaction() + "/5");
			if (c.getReopenCount() > 0) {
				fact(facts, "case.complaint.reopened", c.getReopenCount() + "×");
			}
			if (c.getEscalationCount() > 0) {
				fact(facts, "case.complaint.slaBreaches", String.valueOf(c.getEscalationCount()));
			}
			List<CaseContext.Interaction> log = c.getCustomerId() == null ? List.of()
					: customers.interactions(c.getCustomerId(), 20, userId)
						.stream()
						.map(i -> new CaseContext.Interaction(i.occurredAt(), i.type().name(), systemTexts.user(i.recordedBy()),
								i.summaryIn(systemTexts, org.springframework.context.i18n.LocaleContextHolder.getLocale()),
								i.outcomeIn(systemTexts, org.springframework.context.i18n.LocaleContextHolder.getLocale())))
						.toList();
			return new CaseContext("case.kind.complaint", text("case.kind.complaint") + " #" + c.getId() + " — " + c.getCustomerName(),
					"/complaints/" + c.getId(), c.getCustomerId(), c.getCustomerName(), facts, log);
		});
	}

	/** A proposed compensation as shown; a variable no amount (sent past the forms) is shown as sent, shortened. */
	private static String compensationText(Object compensation) {
		var amount = dev.lodestar.system.FormValues.decimalOrNull(compensation);
		if (amount == null) {
			String text = compensation.toString();
			return text.length() <= 20 ? text : text.substring(0, 20) + "…";
		}
		return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	record Proposal(String resolution, String compensation) {
	}

	/** "dave: the amount is above policy" while the last compensation decision was a rejection. */
	private Optional<String> lastRejection(Complaint c) {
		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(c.getId().toString())
			.active()
			.list();
		if (instance.isEmpty()) {
			return Optional.empty();
		}
		String id = instance.get(0).getId();
		if (!Boolean.FALSE.equals(runtimeService.getVariable(id, ComplaintToResolution.VAR_COMPENSATION_APPROVED))) {
			return Optional.empty();
		}
		Object note = runtimeService.getVariable(id, ComplaintToResolution.VAR_APPROVAL_NOTE);
		String by = history.createHistoricTaskInstanceQuery()
			.processInstanceId(id)
			.taskDefinitionKey(ComplaintToResolution.TASK_APPROVE_COMPENSATION)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.map(t -> t.getAssignee())
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse("?");
		return Optional.of(by + ": " + (note == null ? "" : note.toString()));
	}

	/** The resolution and compensation proposed by the investigation, while the case is open. */
	private Optional<Proposal> proposal(Complaint c) {
		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(c.getId().toString())
			.active()
			.list();
		if (instance.isEmpty()) {
			return Optional.empty();
		}
		Object resolution = runtimeService.getVariable(instance.get(0).getId(), ComplaintToResolution.VAR_RESOLUTION);
		Object compensation = runtimeService.getVariable(instance.get(0).getId(), ComplaintToResolution.VAR_COMPENSATION);
		if (resolution == null) {
			return Optional.empty();
		}
		return Optional.of(new Proposal(resolution.toString(), compensation == null ? "0"
				: compensationText(compensation)));
	}

	/** A label in the reader's language (this module's texts are in {@code i18n/frontoffice}). */
	private String text(String key) {
		return messages.getMessage(key, null, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	/** In the reader's language, in the service desk's time zone (the one its targets count in). */
	private String when(java.time.Instant instant) {
		if (instant == null) {
			return null;
		}
		return dates.dateTimeWithZone(instant, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	private static void fact(List<CaseContext.Fact> facts, String label, String value) {
		if (value != null && !value.isBlank()) {
			facts.add(new CaseContext.Fact(label, value));
		}
	}

}
