package dev.lodestar.complaint;

import java.math.BigDecimal;
import dev.lodestar.system.SystemText;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.calendar.BusinessCalendar;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.knowledge.KnowledgeBase;
import dev.lodestar.notification.NotificationService;
import dev.lodestar.notification.NotificationSettings;
import dev.lodestar.system.ProcessApi;

/**
 * The service tasks of {@code complaint-to-resolution}, as one-line expressions
 * ({@code ${complaintProcess.resolve(execution)}}): each reads the process variables, makes one
 * change to the complaint or sends one message, and writes back what the model needs.
 */
@Component("complaintProcess")
public class ComplaintProcess {

	private final Complaints complaints;
	private final BusinessCalendar calendar;
	private final NotificationService notifications;
	private final NotificationSettings notificationSettings;
	private final CustomerConfirmations confirmations;
	private final KnowledgeBase knowledgeBase;
	private final TaskService taskService;
	private final CustomerService customers;
	private final ComplaintSettings settings;
	private final Clock clock;

	ComplaintProcess(Complaints complaints, BusinessCalendar calendar, NotificationService notifications,
			NotificationSettings notificationSettings, CustomerConfirmations confirmations,
			KnowledgeBase knowledgeBase, TaskService taskService, CustomerService customers, ComplaintSettings settings,
			Optional<Clock> clock) {
		this.customers = customers;
		this.settings = settings;
		this.complaints = complaints;
		this.calendar = calendar;
		this.notifications = notifications;
		this.notificationSettings = notificationSettings;
		this.confirmations = confirmations;
		this.knowledgeBase = knowledgeBase;
		this.taskService = taskService;
		this.clock = clock.orElse(dev.lodestar.system.EngineClock.INSTANCE); // the engine's time, as the case's history and timers
	}

	private org.springframework.context.ApplicationEventPublisher events;

	/** Outcomes go out as events; set apart from the constructor to keep this class's edits small. */
	@org.springframework.beans.factory.annotation.Autowired
	void setEvents(org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
	}

	private void publish(Object event) {
		if (events != null) {
			events.publishEvent(event);
		}
	}

	/** Takes the classification decision's verdict: variables for the model, targets on the complaint. */
	@ProcessApi
	public void applyServiceLevels(DelegateExecution execution) {
		@SuppressWarnings("unchecked")
		Map<String, Object> verdict = (Map<String, Object>) execution.getVariable(ComplaintToResolution.VAR_CLASSIFICATION);
		String severity = (String) verdict.get(ComplaintToResolution.VAR_SEVERITY);
		String queue = (String) verdict.get(ComplaintToResolution.VAR_QUEUE);
		String role = (String) verdict.get(ComplaintToResolution.VAR_HANDLING_ROLE);
		int responseHours = ((Number) verdict.get(ComplaintToResolution.VAR_RESPONSE_TARGET_HOURS)).intValue();
		int resolutionHours = ((Number) verdict.get(ComplaintToResolution.VAR_RESOLUTION_TARGET_HOURS)).intValue();
		Date receivedAt = (Date) execution.getVariable(ComplaintToResolution.VAR_RECEIVED_AT);
		execution.setVariable(ComplaintToResolution.VAR_SEVERITY, severity);
		execution.setVariable(ComplaintToResolution.VAR_QUEUE, queue);
		execution.setVariable(ComplaintToResolution.VAR_HANDLING_ROLE, role);
		execution.setVariable(ComplaintToResolution.VAR_RESPONSE_TARGET_HOURS, responseHours);
		execution.setVariable(ComplaintToResolution.VAR_RESOLUTION_TARGET_HOURS, resolutionHours);
		execution.setVariable(ComplaintToResolution.VAR_RESOLUTION_CLOCK_START, receivedAt);
		execution.setVariable(ComplaintToResolution.VAR_TASK_PRIORITY, priorityOf(severity));
		execution.setVariable(ComplaintToResolution.VAR_ESCALATION_PRIORITY, Math.min(100, priorityOf(severity) + 20));
		complaint(execution).classify(severity, queue, role, responseHours, resolutionHours,
				calendar.deadline(receivedAt, responseHours).toInstant(),
				calendar.deadline(receivedAt, resolutionHours).toInstant());
	}

	/** The priority of a complaint's tasks in My work (0-100): the more severe, the higher. */
	static int priorityOf(String severity) {
		if (severity == null) {
			return 50;
		}
		return switch (severity) {
			case "CRITICAL" -> 90;
			case "HIGH" -> 70;
			case "MEDIUM" -> 50;
			default -> 30;
		};
	}

	/** Tells the customer we have their complaint and when they will hear from us. */
	@ProcessApi
	public void acknowledge(DelegateExecution execution) {
		Complaint complaint = complaint(execution);
		if (complaint.getCustomerEmail() == null) {
			return; // a phone-only customer hears it from the agent on the first call back
		}
		notifications.notifyCustomer(complaint.getCustomerEmail(), "complaint-acknowledged", model(complaint),
				"complaint-acknowledged:" + complaint.getId(), customerLocale(complaint),
				ComplaintMailbox.reference(complaint.getId()));
	}

	/** The customer's preferred language (English while not known): every mail to the customer is in it. */
	private java.util.Locale customerLocale(Complaint complaint) {
		return dev.lodestar.customer.CustomerLanguage.locale(complaint.getCustomerId() == null
				? dev.lodestar.customer.CustomerLanguage.ENGLISH : customers.preferredLanguage(complaint.getCustomerId()));
	}

	/** A service level is at its warning point: tell whoever holds the work, or the queue. */
	@ProcessApi
	public void warnOwner(DelegateExecution execution, String target) {
		Complaint complaint = complaint(execution);
		Map<String, Object> model = model(complaint);
		model.put("target", label(target));
		model.put("dueAt", zoned("response".equals(target) ? complaint.getResponseDueAt() : complaint.getResolutionDueAt()));
		String key = "complaint-sla-warning:" + complaint.getId() + ":" + target + ":" + complaint.getReopenCount();
		List<Task> work = taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.active()
			.list()
			.stream()
			.filter(t -> !ComplaintToResolution.TASK_REVIEW_ESCALATION.equals(t.getTaskDefinitionKey()))
			.toList();
		List<String> assignees = work.stream().map(Task::getAssignee).filter(a -> a != null).distinct().toList();
		if (assignees.isEmpty()) {
			notifications.notifyRole(complaint.getHandlingRole(), "complaint-sla-warning", model, key);
		}
		else {
			assignees.forEach(a -> notifications.notifyUser(a, "complaint-sla-warning", model, key + ":" + a));
		}
	}

	/** A service level is breached: the service managers hear of it and get a review task. */
	@ProcessApi
	public void escalate(DelegateExecution execution, String target) {
		Complaint complaint = complaint(execution);
		complaint.escalated();
		Map<String, Object> model = model(complaint);
		model.put("target", label(target));
		model.put("dueAt", zoned("response".equals(target) ? complaint.getResponseDueAt() : complaint.getResolutionDueAt()));
		notifications.notifyRole(Roles.SERVICE_MANAGER, "complaint-escalated", model,
				"complaint-escalated:" + complaint.getId() + ":" + target + ":" + complaint.getReopenCount());
	}

	/**
	 * The decision of {@code Gateway_ApprovalNeeded}: the proposed compensation against the
	 * threshold of {@link ComplaintSettings}, read now (never from a process variable, which a
	 * task's worker could rewrite).
	 */
	@ProcessApi
	public boolean needsApproval(Object compensation) {
		BigDecimal amount = money(compensation);
		return amount != null && amount.compareTo(settings.compensationApprovalThreshold()) > 0;
	}

	/**
	 * Records the agreed resolution and sends it to the customer with a link to confirm or reject
	 * it. A compensation above the threshold without a service manager's approval is refused
	 * here too, whatever path led here.
	 */
	@ProcessApi
	public void resolve(DelegateExecution execution) {
		Complaint complaint = complaint(execution);
		Object compensation = execution.getVariable(ComplaintToResolution.VAR_COMPENSATION);
		if (needsApproval(compensation)
				&& !Boolean.TRUE.equals(execution.getVariable(ComplaintToResolution.VAR_COMPENSATION_APPROVED))) {
			throw new dev.lodestar.system.ConflictException("A compensation of " + money(compensation).toPlainString()
					+ " is above the approval threshold of " + settings.compensationApprovalThreshold().toPlainString()
					+ ": a service manager approves it first.");
		}
		complaint.resolve((String) execution.getVariable(ComplaintToResolution.VAR_RESOLUTION),
				money(execution.getVariable(ComplaintToResolution.VAR_COMPENSATION)), clock.instant());
		publish(new ComplaintResolved(complaint.getId(), actingUser(execution, complaint)));
		boolean byMail = complaint.repliesByEmail();
		execution.setVariable(ComplaintToResolution.VAR_CUSTOMER_HAS_EMAIL, byMail);
		// a link is issued only when it is mailed: no page may claim a link the customer never got
		String token = byMail ? confirmations.issue(complaint) : null;
		if (complaint.getCustomerId() != null) {
			customers.logInteraction(complaint.getCustomerId(), NewInteraction.written(
					!byMail ? InteractionType.NOTE : InteractionType.EMAIL, clock.instant(),
					actingUser(execution, complaint), complaint.getCustomerName(),
					SystemText.of("interaction.resolution", complaint.getId().toString(), complaint.getResolution()),
					SystemText.of(byMail ? "outcome.awaitingConfirmation" : "outcome.agentCalls"),
					"complaint", complaint.getId().toString()));
		}
		if (!byMail) {
			return;
		}
		Map<String, Object> model = model(complaint);
		model.put("confirmLink", notificationSettings.baseUrl() + ConfirmationPageController.PATH + token);
		model.put("expiresAt", zoned(clock.instant().plus(
				java.time.Duration.parse((String) execution.getVariable(ComplaintToResolution.VAR_CONFIRMATION_WINDOW)))));
		notifications.notifyCustomer(complaint.getCustomerEmail(), "complaint-resolved", model,
				"complaint-resolved:" + complaint.getId() + ":" + complaint.getReopenCount(), customerLocale(complaint),
				ComplaintMailbox.reference(complaint.getId()));
	}

	/** The customer let the confirmation window pass. */
	@ProcessApi
	public void recordNoReply(DelegateExecution execution) {
		complaint(execution).recordReply(CustomerReply.NO_REPLY, null, null);
	}

	/** The customer rejected the resolution: the case is open again, with a fresh resolution target. */
	@ProcessApi
	public void reopen(DelegateExecution execution) {
		Complaint complaint = complaint(execution);
		Date now = Date.from(clock.instant());
		complaint.reopen(calendar.deadline(now, complaint.getResolutionTargetHours()).toInstant());
		execution.setVariable(ComplaintToResolution.VAR_RESOLUTION_CLOCK_START, now);
		publish(new ComplaintReopened(complaint.getId()));
	}

	/** Proposes the agent's write-up of the resolution as a knowledge-base draft. */
	@ProcessApi
	public void draftArticle(DelegateExecution execution) {
		Complaint complaint = complaint(execution);
		String title = (String) execution.getVariable(ComplaintToResolution.VAR_ARTICLE_TITLE);
		String body = (String) execution.getVariable(ComplaintToResolution.VAR_ARTICLE_BODY);
		if (title == null || title.isBlank()) {
			title = complaint.getCategory().name().replace('_', ' ').toLowerCase() + ": " + abbreviate(complaint.getDescription());
		}
		if (body == null || body.isBlank()) {
			body = "Problem: " + complaint.getDescription() + "\n\nResolution: " + complaint.getResolution();
		}
		knowledgeBase.draft(new KnowledgeBase.ArticleText(abbreviateTo(title, 300), body,
				List.of(complaint.getCategory().name().toLowerCase()), complaint.getCategory().name()),
				complaint.getId(), actingUser(execution, complaint));
	}

	/** The case is done. */
	@ProcessApi
	public void close(DelegateExecution execution) {
		complaint(execution).close(clock.instant());
	}

	/** The user whose action moved the process here, or whoever recorded the complaint. */
	private static String actingUser(DelegateExecution execution, Complaint complaint) {
		Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (user != null && user.getUserId() != null) {
			return user.getUserId();
		}
		var spring = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return spring != null && spring.isAuthenticated() && !"anonymousUser".equals(spring.getName()) ? spring.getName()
				: complaint.getCreatedBy();
	}

	private Complaint complaint(DelegateExecution execution) {
		Object id = execution.getVariable(ComplaintToResolution.VAR_COMPLAINT_ID);
		long complaintId = dev.lodestar.system.FormValues.id(id != null ? id : execution.getProcessBusinessKey());
		return complaints.findById(complaintId)
			.orElseThrow(() -> new IllegalStateException("complaint " + complaintId + " of this process is gone"));
	}

	private Map<String, Object> model(Complaint complaint) {
		Map<String, Object> model = new HashMap<>();
		model.put("complaintId", complaint.getId());
		model.put("customerName", complaint.getCustomerName());
		// codes: each mail names them in words in its reader's language (complaints.category.*, complaints.severity.*)
		model.put("category", complaint.getCategory().name());
		model.put("description", complaint.getDescription());
		model.put("severity", complaint.getSeverity());
		model.put("responseDueAt", zoned(complaint.getResponseDueAt()));
		model.put("resolutionDueAt", zoned(complaint.getResolutionDueAt()));
		model.put("resolution", complaint.getResolution());
		model.put("compensation", complaint.getCompensation());
		model.put("link", notificationSettings.baseUrl() + "/complaints/" + complaint.getId());
		return model;
	}

	private ZonedDateTime zoned(Instant instant) {
		return instant == null ? null : instant.atZone(calendar.zone());
	}

	private static String label(String target) {
		return "response".equals(target) ? "first response" : "resolution";
	}

	private static BigDecimal money(Object value) {
		if (value == null) {
			return null;
		}
		BigDecimal amount = dev.lodestar.system.FormValues.decimal(ComplaintToResolution.VAR_COMPENSATION, value);
		if (amount == null) {
			return null;
		}
		// bounded before setScale: rounding 1e999999999 would write out every digit
		return dev.lodestar.system.DecimalColumn.MONEY_15_2.require(ComplaintToResolution.VAR_COMPENSATION,
				amount.setScale(2, java.math.RoundingMode.HALF_UP));
	}

	private static String abbreviate(String text) {
		return abbreviateTo(text, 80);
	}

	private static String abbreviateTo(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
