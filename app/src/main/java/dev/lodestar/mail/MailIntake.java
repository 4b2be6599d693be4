package dev.lodestar.mail;

import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import dev.lodestar.attachment.AttachmentService;
import dev.lodestar.complaint.ComplaintMailbox;
import dev.lodestar.complaint.InboundMail;
import dev.lodestar.customer.CustomerLanguage;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.NewLead;
import dev.lodestar.notification.NotificationSettings;
import dev.lodestar.system.EngineClock;

/**
 * Takes one message from a mailbox, once: records it with what became of it, and in the same
 * transaction starts or continues its case. A failure rolls back the case work only; the message
 * is then recorded as failed, and the next message is taken as if nothing happened.
 */
@Component
class MailIntake {

	/** Who recorded what mail started (the cases' {@code createdBy}, the timeline's author). */
	static final String MAIL_USER = "mail";

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	enum Purpose {
		COMPLAINTS, LEADS
	}

	private final InboundRecords records;
	private final ComplaintMailbox complaints;
	private final LeadCapture leads;
	private final TransactionTemplate tx;
	private final MeterRegistry meters;
	private final AttachmentService attachments;
	private final Clock clock;
	private final Set<String> ownAddresses = new HashSet<>();

	MailIntake(InboundRecords records, ComplaintMailbox complaints, LeadCapture leads, MailSettings settings,
			NotificationSettings notificationSettings, PlatformTransactionManager transactionManager, MeterRegistry meters,
			AttachmentService attachments, Optional<Clock> clock) {
		this.attachments = attachments;
		this.records = records;
		this.complaints = complaints;
		this.leads = leads;
		this.tx = new TransactionTemplate(transactionManager);
		this.meters = meters;
		this.clock = clock.orElse(EngineClock.INSTANCE);
		for (var box : new MailSettings.Mailbox[] { settings.support(), settings.sales() }) {
			if (box != null && box.address() != null) {
				ownAddresses.add(box.address().strip().toLowerCase(Locale.ROOT));
			}
		}
		try {
			ownAddresses.add(new InternetAddress(notificationSettings.from()).getAddress().toLowerCase(Locale.ROOT));
		}
		catch (AddressException ex) {
			log.warn("lodestar.notification.from is no address: {}", notificationSettings.from());
		}
	}

	/** Handles one message of a mailbox; what became of it, or empty when it was read before. */
	Optional<InboundOutcome> take(String mailbox, Purpose purpose, MimeMessage message, String mailboxId) {
		String key = MailReading.key(message, mailboxId);
		if (Boolean.TRUE.equals(tx.execute(s -> records.existsByMailboxAndMessageKey(mailbox, key)))) {
			return Optional.empty();
		}
		InternetAddress sender = MailReading.sender(message);
		String subject = MailReading.subject(message);
		InboundOutcome outcome;
		String caseRef = null;
		String detail = null;
		if (sender == null) {
			outcome = InboundOutcome.NO_SENDER;
		}
		else if (ownAddresses.contains(sender.getAddress().toLowerCase(Locale.ROOT))) {
			outcome = InboundOutcome.OWN;
		}
		else if (MailReading.automatic(message, sender)) {
			outcome = InboundOutcome.AUTOMATIC;
		}
		else {
			try {
				InboundMail mail = MailReading.read(message, sender, clock.instant(), attachments.maxBytes());
				Handled result = tx.execute(s -> {
					Handled handled = handle(purpose, mail);
					String note = keepAttachments(mail, handled);
					records.save(new InboundRecord(mailbox, key, mail.fromAddress(), mail.subject(), clock.instant(),
							handled.outcome(), handled.caseRef(), note));
					return handled;
				});
				meters.counter("lodestar.mail.inbound", "outcome", result.outcome().name()).increment();
				return Optional.of(result.outcome());
			}
			catch (RuntimeException ex) {
				log.warn("Mail {} from {} to {} not taken: {}", key, sender.getAddress(), mailbox, ex.toString());
				outcome = InboundOutcome.FAILED;
				detail = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			}
		}
		InboundOutcome recorded = outcome;
		String ref = caseRef;
		String why = detail;
		try {
			tx.executeWithoutResult(s -> records.save(new InboundRecord(mailbox, key,
					sender == null ? null : sender.getAddress(), subject, clock.instant(), recorded, ref, why)));
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			return Optional.empty(); // another reader recorded it first
		}
		meters.counter("lodestar.mail.inbound", "outcome", recorded.name()).increment();
		return Optional.of(recorded);
	}

	/** What became of a mail: the outcome, the case reference, and the case its files belong to. */
	private record Handled(InboundOutcome outcome, String caseRef, String kind, long caseId) {
	}

	/**
	 * The mail's files on its case; those too large or of a type not kept are left out, counted,
	 * and named in the returned note (the mail record's detail), the rest of the mail goes on.
	 */
	private String keepAttachments(InboundMail mail, Handled handled) {
		if (mail.attachments().isEmpty()) {
			return null;
		}
		var refused = attachments.fromMail(handled.kind(), handled.caseId(), mail.attachments()
			.stream()
			.map(a -> new AttachmentService.IncomingFile(a.name(), a.content(), a.size()))
			.toList(), MAIL_USER);
		meters.counter("lodestar.mail.attachments", "outcome", "kept").increment(mail.attachments().size() - refused.size());
		if (refused.isEmpty()) {
			return null;
		}
		meters.counter("lodestar.mail.attachments", "outcome", "refused").increment(refused.size());
		log.info("Mail from {}: {} attachment(s) left out: {}", mail.fromAddress(), refused.size(), refused);
		return cut("attachments left out: " + String.join("; ", refused), 2000);
	}

	/** The case work: what became of the mail, and its case. */
	private Handled handle(Purpose purpose, InboundMail mail) {
		if (purpose == Purpose.LEADS) {
			String language = CustomerLanguage.of(mail.subject() + " " + mail.text());
			String domain = mail.fromAddress().substring(mail.fromAddress().indexOf('@') + 1);
			String company = mail.fromName() != null && !mail.fromName().isBlank() ? mail.fromName().strip() : domain;
			String notes = (mail.subject().isBlank() ? "" : mail.subject() + "\n\n") + mail.text();
			var lead = leads.capture(new NewLead(cut(company, 300), cut(mail.fromName(), 200), mail.fromAddress(), null,
					"EMAIL", CustomerLanguage.CHINESE.equals(language) ? "APAC" : "EMEA", cut(notes, 4000), null, null),
					MAIL_USER);
			return new Handled(InboundOutcome.LEAD, "lead:" + lead.id(), "leads", lead.id());
		}
		Optional<Long> answered = complaints.caseOf(mail);
		if (answered.isPresent()) {
			complaints.addReply(answered.get(), mail, MAIL_USER);
			return new Handled(InboundOutcome.REPLY, ComplaintMailbox.reference(answered.get()), "complaints",
					answered.get());
		}
		var complaint = complaints.open(mail, MAIL_USER);
		return new Handled(InboundOutcome.COMPLAINT, ComplaintMailbox.reference(complaint.getId()), "complaints",
				complaint.getId());
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
