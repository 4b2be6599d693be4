package dev.lodestar.complaint;

import java.time.Clock;
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
	private final RuntimeService runtimeService;
	private final ComplaintSettings settings;
	private final Clock clock;

	ComplaintService(Complaints complaints, RuntimeService runtimeService, ComplaintSettings settings,
			Optional<Clock> clock) {
		this.complaints = complaints;
		this.runtimeService = runtimeService;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Records the complaint and starts {@code complaint-to-resolution} for it. */
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
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Complaint complaint = complaints.saveAndFlush(new Complaint(intake.customerId(), name,
				email == null ? null : email.toLowerCase(Locale.ROOT), phone,
				tier == null ? CustomerTier.STANDARD : tier, channel, category, description, receivedAt, agent, now));
		Map<String, Object> variables = new HashMap<>();
		variables.put(ComplaintToResolution.VAR_COMPLAINT_ID, complaint.getId());
		variables.put(ComplaintToResolution.VAR_CATEGORY, category.name());
		variables.put(ComplaintToResolution.VAR_CHANNEL, channel.name());
		variables.put(ComplaintToResolution.VAR_CUSTOMER_TIER, complaint.getCustomerTier().name());
		variables.put(ComplaintToResolution.VAR_RECEIVED_AT, Date.from(receivedAt));
		variables.put(ComplaintToResolution.VAR_APPROVAL_THRESHOLD,
				settings.compensationApprovalThreshold().doubleValue());
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

	/** A customer's complaints, newest first. */
	@Transactional(readOnly = true)
	public List<Complaint> ofCustomer(long customerId) {
		return complaints.findByCustomerIdOrderByReceivedAtDesc(customerId);
	}

	private static String required(String value, String field, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "must not be blank"));
			return null;
		}
		return optional(value, field, max, errors);
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
