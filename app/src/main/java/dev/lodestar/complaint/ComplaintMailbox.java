package dev.lodestar.complaint;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerKind;
import dev.lodestar.customer.CustomerLanguage;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.CustomerSummary;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.notification.NotificationService;
import dev.lodestar.notification.NotificationSettings;
import dev.lodestar.system.InvalidInputException;

/**
 * Mail in and out of a complaint. A new mail to the service address becomes a complaint through
 * {@link ComplaintService#register} (the customer matched by address, else created with it and
 * with the mail's language); a reply finds its case by the Message-IDs it answers (ours, from the
 * outbox) or by the case reference {@code [LS-C-123]} in its subject when it comes from the case's
 * customer, never by the subject's words; an agent's reply goes out through the outbox in the
 * customer's language. Every mail is on the case's thread and the customer's timeline.
 */
@Service
public class ComplaintMailbox {

	/** The case reference in a subject: {@code [LS-C-123]}. */
	static final Pattern REFERENCE = Pattern.compile("\\[LS-C-(\\d{1,18})\\]");

	private final ComplaintService complaintService;
	private final Complaints complaints;
	private final ComplaintMails mails;
	private final CustomerService customers;
	private final NotificationService notifications;
	private final NotificationSettings notificationSettings;
	private final Clock clock;

	private ComplaintSlaClock slaClock;

	/** A reply continues a case that waits for the customer; set apart to keep the constructor's edits small. */
	@org.springframework.beans.factory.annotation.Autowired
	void setSlaClock(ComplaintSlaClock slaClock) {
		this.slaClock = slaClock;
	}

	ComplaintMailbox(ComplaintService complaintService, Complaints complaints, ComplaintMails mails,
			CustomerService customers, NotificationService notifications, NotificationSettings notificationSettings,
			Optional<Clock> clock) {
		this.complaintService = complaintService;
		this.complaints = complaints;
		this.mails = mails;
		this.customers = customers;
		this.notifications = notifications;
		this.notificationSettings = notificationSettings;
		this.clock = clock.orElse(dev.lodestar.system.EngineClock.INSTANCE);
	}

	/** A complaint's reference, as subjects carry it: {@code LS-C-123}. */
	public static String reference(long complaintId) {
		return "LS-C-" + complaintId;
	}

	/**
	 * The complaint this mail answers, if it answers one: one of our Message-IDs among its
	 * {@code In-Reply-To}/{@code References}, or the reference in its subject when the sender is
	 * the case's customer.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> caseOf(InboundMail mail) {
		Optional<Long> byHeader = notifications.threadOf(mail.references()).flatMap(ComplaintMailbox::idOf);
		if (byHeader.isPresent() && complaints.existsById(byHeader.get())) {
			return byHeader;
		}
		Matcher m = REFERENCE.matcher(mail.subject() == null ? "" : mail.subject());
		while (m.find()) {
			long id = dev.lodestar.system.FormValues.id(m.group(1));
			Optional<Complaint> complaint = complaints.findById(id);
			if (complaint.isPresent() && complaint.get().getCustomerEmail() != null
					&& complaint.get().getCustomerEmail().equalsIgnoreCase(mail.fromAddress())) {
				return Optional.of(id);
			}
		}
		return Optional.empty();
	}

	private static Optional<Long> idOf(String threadRef) {
		if (threadRef != null && threadRef.startsWith("LS-C-")) {
			return dev.lodestar.system.FormValues.idOrEmpty(threadRef.substring(5));
		}
		return Optional.empty();
	}

	/**
	 * A new complaint from a mail: the customer by address (else created, in the mail's language),
	 * the category guessed from the words, severity and service levels by the decision table; the
	 * process acknowledges it to the customer with the reference, in the customer's language.
	 */
	@Transactional
	public Complaint open(InboundMail mail, String recordedBy) {
		String email = mail.fromAddress().strip().toLowerCase(Locale.ROOT);
		String name = mail.fromName() == null || mail.fromName().isBlank() ? email.substring(0, email.indexOf('@'))
				: mail.fromName().strip();
		String language = CustomerLanguage.of((mail.subject() == null ? "" : mail.subject()) + " " + mail.text());
		CustomerSummary customer = customers.lookupByEmail(email)
			.orElseGet(() -> customers.createOrLink(new CustomerDraft(CustomerKind.PERSON, cut(name, 200), null, email,
					null, null, null), recordedBy).customer());
		customers.rememberLanguage(customer.id(), language);
		String description = cut(((mail.subject() == null || mail.subject().isBlank()) ? "" : mail.subject().strip() + "\n\n")
				+ (mail.text() == null || mail.text().isBlank() ? "(no text)" : mail.text().strip()), 4000);
		Complaint complaint = complaintService.register(new ComplaintIntake(cut(name, 200), email, null,
				Channel.EMAIL.name(), guessCategory(mail.subject() + " " + mail.text()).name(), description,
				customer.id(), null, ReplyChannel.EMAIL.name()), recordedBy);
		mails.save(new ComplaintMail(complaint.getId(), ComplaintMail.IN, email, null, mail.subject(), mail.text(),
				mail.messageId(), attachments(mail), clock.instant(), recordedBy));
		return complaint;
	}

	/**
	 * The customer's reply: on the case's thread and the customer's timeline; when the case waits
	 * for the customer, the reply continues it (its resolution clock runs again).
	 */
	@Transactional
	public void addReply(long complaintId, InboundMail mail, String recordedBy) {
		Complaint complaint = complaintService.get(complaintId);
		mails.save(new ComplaintMail(complaintId, ComplaintMail.IN, mail.fromAddress(), null, mail.subject(),
				mail.text(), mail.messageId(), attachments(mail), clock.instant(), recordedBy));
		if (complaint.getCustomerId() != null) {
			customers.logInteraction(complaint.getCustomerId(), new NewInteraction(InteractionType.EMAIL, null,
					recordedBy, complaint.getCustomerName(), cut("Mail from the customer: " + mail.subject() + "\n"
							+ (mail.text() == null ? "" : mail.text()), 2000),
					"received", "complaint", String.valueOf(complaintId)));
		}
		if (slaClock != null) {
			slaClock.customerWrote(complaintId, mail.subject());
		}
	}

	/**
	 * An agent writes to the customer from the case: in the customer's language, the reference in
	 * the subject, through the outbox; on the thread and the timeline.
	 */
	@Transactional
	public CaseMailView reply(long complaintId, CaseReply reply, String agent) {
		Complaint complaint = complaintService.get(complaintId);
		if (complaint.getCustomerEmail() == null) {
			throw new InvalidInputException("to", "the customer has no e-mail address: call them");
		}
		if (reply == null || reply.body() == null || reply.body().isBlank()) {
			throw new InvalidInputException("body", "must not be blank");
		}
		String ref = reference(complaintId);
		String subject = reply.subject() == null || reply.subject().isBlank() ? "[" + ref + "]" : reply.subject().strip();
		if (!subject.contains("[" + ref + "]")) {
			subject = "[" + ref + "] " + subject;
		}
		String language = complaint.getCustomerId() == null ? CustomerLanguage.ENGLISH
				: customers.preferredLanguage(complaint.getCustomerId());
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("subject", subject);
		model.put("body", reply.body().strip());
		model.put("customerName", complaint.getCustomerName());
		model.put("complaintId", complaint.getId());
		model.put("reference", ref);
		var sent = notifications.notifyCustomer(complaint.getCustomerEmail(), "complaint-reply", model, null,
				CustomerLanguage.locale(language), ref).orElseThrow();
		var mail = mails.save(new ComplaintMail(complaintId, ComplaintMail.OUT, notificationSettings.from(),
				complaint.getCustomerEmail(), sent.getSubject(), reply.body().strip(), sent.getMessageId(), null,
				clock.instant(), agent));
		if (complaint.getCustomerId() != null) {
			customers.logInteraction(complaint.getCustomerId(), new NewInteraction(InteractionType.EMAIL, null, agent,
					complaint.getCustomerName(), cut("Mail to the customer: " + sent.getSubject() + "\n" + reply.body().strip(), 2000),
					"sent", "complaint", String.valueOf(complaintId)));
		}
		return mail.view();
	}

	/** The complaint's mail thread, oldest first. */
	@Transactional(readOnly = true)
	public List<CaseMailView> thread(long complaintId) {
		return mails.findByComplaintIdOrderByOccurredAtAscIdAsc(complaintId).stream().map(ComplaintMail::view).toList();
	}

	/** The category a mail's words suggest (English and Chinese); service when none does. */
	static Category guessCategory(String text) {
		String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
		if (containsAny(t, "unsafe", "danger", "fire", "injur", "burn", "shock", "safety", "危险", "安全", "受伤", "起火", "触电")) {
			return Category.SAFETY;
		}
		if (containsAny(t, "invoice", "charge", "refund", "bill", "payment", "paid", "发票", "收费", "退款", "账单", "付款")) {
			return Category.BILLING;
		}
		if (containsAny(t, "broken", "damage", "defect", "torn", "crack", "scratch", "faulty", "损坏", "破损", "坏了", "裂", "划痕", "质量")) {
			return Category.PRODUCT_DEFECT;
		}
		if (containsAny(t, "deliver", "shipping", "arrive", "late", "courier", "送货", "配送", "物流", "快递", "延迟", "到货")) {
			return Category.DELIVERY;
		}
		return Category.SERVICE;
	}

	private static boolean containsAny(String text, String... words) {
		for (String w : words) {
			if (text.contains(w)) {
				return true;
			}
		}
		return false;
	}

	private static String attachments(InboundMail mail) {
		if (mail.attachments() == null || mail.attachments().isEmpty()) {
			return null;
		}
		return mail.attachments().stream().map(InboundMail.Attachment::toString).collect(Collectors.joining("\n"));
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

}
