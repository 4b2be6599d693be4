package dev.lodestar.complaint;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

import dev.lodestar.customer.Customer360;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.CustomerSummary;
import dev.lodestar.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Complaints over HTTP, for the service roles only. */
@RestController
@RequestMapping("/api/complaints")
@PreAuthorize("hasAnyRole('service-agent', 'service-manager')")
@Tag(name = "Complaints")
class ComplaintController {

	private final ComplaintService complaints;
	private final CustomerService customers;
	private final ComplaintMailbox mailbox;

	ComplaintController(ComplaintService complaints, CustomerService customers, ComplaintMailbox mailbox) {
		this.complaints = complaints;
		this.customers = customers;
		this.mailbox = mailbox;
	}

	@PostMapping("/{id}/replies")
	@Operation(summary = "Mail the customer from the case: the subject carries the case reference [LS-C-id], the mail "
			+ "goes out through the outbox in the customer's language and is on the case's thread and timeline")
	ResponseEntity<CaseMailView> reply(@PathVariable long id, @jakarta.validation.Valid @RequestBody CaseReply reply,
			Authentication user) {
		CaseMailView sent = mailbox.reply(id, reply, user.getName());
		return ResponseEntity.created(URI.create("/api/complaints/" + id + "/replies")).body(sent);
	}

	@GetMapping("/{id}/replies")
	@Operation(summary = "The case's mail thread, oldest first: the customer's mails and the replies from the case")
	List<CaseMailView> thread(@PathVariable long id) {
		complaints.get(id);
		return mailbox.thread(id);
	}

	@GetMapping("/intake")
	@Operation(summary = "Call-centre intake: look the caller up by phone or e-mail and get their 360° view "
			+ "(with their complaints) before recording a new complaint")
	IntakeLookup intake(@RequestParam(required = false) String phone, @RequestParam(required = false) String email,
			Authentication user) {
		if ((phone == null || phone.isBlank()) && (email == null || email.isBlank())) {
			throw new InvalidInputException("phone", "give a phone number or an e-mail address");
		}
		Optional<CustomerSummary> caller = Optional.<CustomerSummary>empty();
		if (phone != null && !phone.isBlank()) {
			caller = customers.lookupByPhone(phone);
		}
		if (caller.isEmpty() && email != null && !email.isBlank()) {
			caller = customers.lookupByEmail(email);
		}
		return caller.map(c -> new IntakeLookup(true, customers.view(c.id(), user.getName()),
				ComplaintService.tierOf(c.segment()), complaints.ofCustomer(c.id()).stream()
					.filter(x -> x.getStatus() != ComplaintStatus.CLOSED)
					.map(ComplaintView::of)
					.toList()))
			.orElseGet(() -> new IntakeLookup(false, null, CustomerTier.STANDARD, List.of()));
	}

	@PostMapping
	@Operation(summary = "Record a complaint and start complaint-to-resolution (business key = complaint id)")
	ResponseEntity<ComplaintView> register(@jakarta.validation.Valid @RequestBody ComplaintIntake intake, Authentication user) {
		Complaint complaint = complaints.register(intake, user.getName());
		return ResponseEntity.created(URI.create("/api/complaints/" + complaint.getId())).body(ComplaintView.of(complaint));
	}

	@GetMapping("/{id}")
	ComplaintView get(@PathVariable long id) {
		return ComplaintView.of(complaints.get(id));
	}

	@GetMapping
	@Operation(summary = "Search complaints by status, customer e-mail, phone or customer id, newest first")
	List<ComplaintView> search(@RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
			@RequestParam(required = false) Long customerId, @RequestParam(defaultValue = "50") int limit) {
		return complaints.search(status, email, phone, customerId, Math.max(1, Math.min(limit, 200)))
			.stream()
			.map(ComplaintView::of)
			.toList();
	}

	/**
	 * What the agent sees when a customer calls: whether we know them, their 360° view, the
	 * service tier that will apply and the complaints still open.
	 */
	record IntakeLookup(boolean known, Customer360 customer, CustomerTier tier, List<ComplaintView> openComplaints) {
	}

	record ComplaintView(Long id, Long customerId, String customerName, String customerEmail, String customerPhone,
			CustomerTier customerTier, Channel channel, Category category, String description, Instant receivedAt,
			ComplaintStatus status, String severity, String queue, String handlingRole, Integer responseTargetHours,
			Integer resolutionTargetHours, Instant responseDueAt, Instant resolutionDueAt, int escalationCount,
			String resolution, BigDecimal compensation, CustomerReply customerReply, Integer satisfaction,
			int reopenCount, String createdBy, Instant resolvedAt, Instant closedAt) {

		static ComplaintView of(Complaint c) {
			return new ComplaintView(c.getId(), c.getCustomerId(), c.getCustomerName(), c.getCustomerEmail(),
					c.getCustomerPhone(), c.getCustomerTier(), c.getChannel(), c.getCategory(), c.getDescription(),
					c.getReceivedAt(), c.getStatus(), c.getSeverity(), c.getQueue(), c.getHandlingRole(),
					c.getResponseTargetHours(), c.getResolutionTargetHours(), c.getResponseDueAt(),
					c.getResolutionDueAt(), c.getEscalationCount(), c.getResolution(), c.getCompensation(),
					c.getCustomerReply(), c.getSatisfaction(), c.getReopenCount(), c.getCreatedBy(),
					c.getResolvedAt(), c.getClosedAt());
		}
	}

}
