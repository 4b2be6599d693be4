package dev.lodestar.complaint;

import java.time.Clock;
import dev.lodestar.system.SystemText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerKind;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.CustomerSummary;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import dev.lodestar.system.NotFoundException;

/**
 * The complaint module's API: records a complaint and starts its process in one transaction
 * (business key = complaint id), so that a complaint never exists without its process or the
 * other way round.
 */
@Service
public class ComplaintService {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,30}$");
	private static final Duration LATEST_BACKDATING = Duration.ofDays(30);

	private final Complaints complaints;
	private final CustomerService customers;
	private final RuntimeService runtimeService;
	private final org.camunda.bpm.engine.TaskService taskService;
	private final ComplaintSettings settings;
	private final Clock clock;

	ComplaintService(Complaints complaints, CustomerService customers, RuntimeService runtimeService,
			org.camunda.bpm.engine.TaskService taskService, ComplaintSettings settings, Optional<Clock> clock) {
		this.taskService = taskService;
		this.complaints = complaints;
		this.customers = customers;
		this.runtimeService = runtimeService;
		this.settings = settings;
		// the engine's time: a complaint's receipt and its service levels agree with the case's history
		this.clock = clock.orElse(dev.lodestar.system.EngineClock.INSTANCE);
	}

	/**
	 * Records the complaint against the customer master and starts {@code complaint-to-resolution}
	 * for it. The caller is the customer with {@code customerId} when given; otherwise the one with
	 * the same e-mail or phone, or a new customer ("enter once, use everywhere"). The customer's
	 * segment gives the tier (GOLD, PLATINUM; anything else is STANDARD). The intake is logged as
	 * an interaction on the customer.
	 */
	@Transactional
	public Complaint register(ComplaintIntake intake, String agent) {
		return register(intake, null, agent);
	}

	/** As {@link #register(ComplaintIntake, String)}, with a tier that overrides the customer's segment. */
	@Transactional
	public Complaint register(ComplaintIntake intake, CustomerTier tier, String agent) {
		Instant now = clock.instant();
		var errors = new ArrayList<FieldError>();
		String name = required(intake.customerName(), "customerName", 200, errors);
		String email = optional(intake.customerEmail(), "customerEmail", 320, errors);
		String phone = optional(intake.customerPhone(), "customerPhone", 50, errors);
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.add(new FieldError("customerEmail", "must be an e-mail address"));
		}
		if (phone != null && !PHONE.matcher(phone).matches()) {
			errors.add(new FieldError("customerPhone", "must be a phone number"));
		}
		if (email == null && phone == null) {
			errors.add(new FieldError("customerEmail", "an e-mail address or a phone number is needed to reply"));
		}
		ReplyChannel preferred = blank(intake.preferredContact()) ? null
				: oneOf(ReplyChannel.class, intake.preferredContact(), "preferredContact", errors);
		if (preferred == ReplyChannel.EMAIL && email == null && phone != null) {
			errors.add(new FieldError("customerEmail", "the customer prefers e-mail: an e-mail address is needed"));
		}
		if (preferred == ReplyChannel.PHONE && phone == null && email != null) {
			errors.add(new FieldError("customerPhone", "the customer prefers the phone: a phone number is needed"));
		}
		Channel channel = oneOf(Channel.class, intake.channel(), "channel", errors);
		Category category = oneOf(Category.class, intake.category(), "category", errors);
		String description = required(intake.description(), "description", 4000, errors);
		Instant receivedAt = intake.receivedAt() == null ? now : intake.receivedAt();
		if (receivedAt.isAfter(now.plusSeconds(60))) {
			errors.add(new FieldError("receivedAt", "must not be in the future"));
		}
		else if (receivedAt.isBefore(now.minus(LATEST_BACKDATING))) {
			errors.add(new FieldError("receivedAt", "must be within the last 30 days"));
		}
		CustomerSummary known = null;
		if (intake.customerId() != null) {
			known = customers.find(intake.customerId())
				.map(c -> customers.get(customers.currentId(c.id())))
				.orElse(null);
			if (known == null) {
				errors.add(new FieldError("customerId", "no such customer"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		CustomerSummary customer = known != null ? known
				: customers.createOrLink(new CustomerDraft(CustomerKind.PERSON, name, null, email, phone, null, null), agent)
					.customer();
		CustomerTier effectiveTier = tier != null ? tier : tierOf(customer.segment());
		Complaint recorded = new Complaint(customer.id(), name, email == null ? null : email.toLowerCase(Locale.ROOT), phone,
				effectiveTier, channel, category, description, receivedAt, agent, now);
		if (preferred != null) {
			recorded.preferContact(preferred);
		}
		Complaint complaint = complaints.saveAndFlush(recorded);
		customers.logInteraction(customer.id(), NewInteraction.written(interactionType(channel), receivedAt, agent, name,
				SystemText.of("interaction.complaintRecorded", complaint.getId().toString(),
						SystemText.label("complaints.category." + category.name()), description),
				SystemText.of("outcome.recorded"), "complaint", complaint.getId().toString()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(ComplaintToResolution.VAR_COMPLAINT_ID, complaint.getId());
		variables.put(ComplaintToResolution.VAR_CATEGORY, category.name());
		variables.put(ComplaintToResolution.VAR_CHANNEL, channel.name());
		variables.put(ComplaintToResolution.VAR_CUSTOMER_TIER, complaint.getCustomerTier().name());
		variables.put(ComplaintToResolution.VAR_RECEIVED_AT, Date.from(receivedAt));
		variables.put(ComplaintToResolution.VAR_CONFIRMATION_WINDOW, settings.confirmationWindow().toString());
		runtimeService.startProcessInstanceByKey(ComplaintToResolution.PROCESS_KEY, complaint.getId().toString(),
				variables);
		return complaint;
	}

	/** One complaint. */
	@Transactional(readOnly = true)
	public Complaint get(long id) {
		return complaints.findById(id).orElseThrow(() -> new NotFoundException("Complaint", id));
	}

	/** One complaint, if it exists. */
	@Transactional(readOnly = true)
	public Optional<Complaint> find(long id) {
		return complaints.findById(id);
	}

	/** Complaints, newest first, filtered by any of status, customer e-mail, phone and customer id. */
	@Transactional(readOnly = true)
	public List<Complaint> search(ComplaintStatus status, String email, String phone, Long customerId, int limit) {
		return complaints.search(status, email == null ? null : email.strip().toLowerCase(Locale.ROOT),
				phone == null ? null : phone.strip(), customerId, PageRequest.of(0, limit));
	}

	/** An open step of a complaint's process. */
	public record OpenStep(String taskId, String name, String assignee, List<String> candidateGroups, Instant due) {
	}

	/** The open user tasks of a complaint's process, oldest first (right after intake: its first task). */
	@Transactional(readOnly = true)
	public List<OpenStep> openSteps(long complaintId) {
		return taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(complaintId))
			.active()
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(t -> new OpenStep(t.getId(), t.getName(), t.getAssignee(), taskService.getIdentityLinksForTask(t.getId())
				.stream()
				.filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
				.map(l -> l.getGroupId())
				.toList(), t.getDueDate() == null ? null : t.getDueDate().toInstant()))
			.toList();
	}

	/** A customer's complaints, newest first. */
	@Transactional(readOnly = true)
	public List<Complaint> ofCustomer(long customerId) {
		return complaints.findByCustomerIdOrderByReceivedAtDesc(customerId);
	}

	/** The customer master's segment names the service tier; anything unknown is standard. */
	static CustomerTier tierOf(String segment) {
		if (segment == null) {
			return CustomerTier.STANDARD;
		}
		return switch (segment.strip().toUpperCase(Locale.ROOT)) {
			case "PLATINUM", "VIP", "KEY ACCOUNT", "KEY_ACCOUNT" -> CustomerTier.PLATINUM;
			case "GOLD" -> CustomerTier.GOLD;
			default -> CustomerTier.STANDARD;
		};
	}

	private static InteractionType interactionType(Channel channel) {
		return switch (channel) {
			case PHONE -> InteractionType.CALL;
			case EMAIL, WEB -> InteractionType.EMAIL;
			case STORE -> InteractionType.VISIT;
		};
	}

	private static String required(String value, String field, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "must not be blank"));
			return null;
		}
		return optional(value, field, max, errors);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String optional(String value, String field, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			errors.add(new FieldError(field, "must be at most " + max + " characters"));
		}
		return stripped;
	}

	private static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "must not be blank"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}

}
