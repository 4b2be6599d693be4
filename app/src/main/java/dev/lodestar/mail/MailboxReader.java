package dev.lodestar.mail;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reads the unread mail of {@code support@} and {@code sales@} over IMAP on a schedule, on one
 * node at a time (ShedLock). Each message is handed to {@link MailIntake} and then marked read
 * (IMAP {@code \Seen}); a message that fails is recorded and counted, and the next one is read.
 */
@Component
class MailboxReader {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	private final MailSettings settings;
	private final ObjectProvider<EmbeddedMailServer> embedded;
	private final MailIntake intake;
	private final MeterRegistry meters;

	MailboxReader(MailSettings settings, ObjectProvider<EmbeddedMailServer> embedded, MailIntake intake,
			MeterRegistry meters) {
		this.settings = settings;
		this.embedded = embedded;
		this.intake = intake;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${lodestar.mail.poll-interval:PT15S}",
			initialDelayString = "${lodestar.mail.poll-interval:PT15S}")
	@SchedulerLock(name = "mailbox-read", lockAtMostFor = "PT10M")
	void scheduledRead() {
		readAll();
	}

	/** Reads every mailbox once; how many messages of each outcome. */
	synchronized Map<InboundOutcome, Integer> readAll() {
		var outcomes = new EnumMap<InboundOutcome, Integer>(InboundOutcome.class);
		read(settings.support(), MailIntake.Purpose.COMPLAINTS, outcomes);
		read(settings.sales(), MailIntake.Purpose.LEADS, outcomes);
		return outcomes;
	}

	private void read(MailSettings.Mailbox box, MailIntake.Purpose purpose, Map<InboundOutcome, Integer> outcomes) {
		if (box == null || !box.usable()) {
			return;
		}
		String host = box.host();
		int port = box.port();
		if (box.embedded()) {
			EmbeddedMailServer server = embedded.getIfAvailable();
			if (server == null) {
				return; // no server named and none embedded: nothing to read
			}
			host = "127.0.0.1";
			port = server.imapPort();
		}
		String protocol = box.ssl() ? "imaps" : "imap";
		Properties properties = new Properties();
		properties.put("mail." + protocol + ".connectiontimeout", "10000");
		properties.put("mail." + protocol + ".timeout", "30000");
		properties.put("mail.mime.allowutf8", "true");
		Session session = Session.getInstance(properties);
		try (Store store = session.getStore(protocol)) {
			store.connect(host, port > 0 ? port : -1, box.username(), box.password());
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			try {
				Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				int taken = 0;
				for (Message message : unread) {
					if (taken++ >= settings.maxPerPoll()) {
						break; // the rest waits for the next read
					}
					takeOne(box.address(), purpose, message, uid(inbox, message), outcomes);
				}
			}
			finally {
				inbox.close(false);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Mailbox {} at {}:{} not read: {}", box.address(), host, port, ex.toString());
			meters.counter("lodestar.mail.read", "outcome", "failed").increment();
		}
	}

	/** The mailbox's own id of a message (for mail without a Message-ID, as curl sends it). */
	private static String uid(Folder inbox, Message message) {
		try {
			if (inbox instanceof UIDFolder folder) {
				return "imap-uid:" + folder.getUIDValidity() + ":" + folder.getUID(message);
			}
		}
		catch (MessagingException ex) {
			// no UID: the message's own headers identify it
		}
		return null;
	}

	private void takeOne(String mailbox, MailIntake.Purpose purpose, Message message, String uid,
			Map<InboundOutcome, Integer> outcomes) {
		try {
			// a local copy: parsing it needs no more round trips, and a malformed one fails here, alone
			MimeMessage copy = new MimeMessage((MimeMessage) message);
			intake.take(mailbox, purpose, copy, uid).ifPresent(o -> outcomes.merge(o, 1, Integer::sum));
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Message {} of {} unreadable: {}", safeNumber(message), mailbox, ex.toString());
			meters.counter("lodestar.mail.inbound", "outcome", InboundOutcome.FAILED.name()).increment();
			outcomes.merge(InboundOutcome.FAILED, 1, Integer::sum);
		}
		finally {
			try {
				message.setFlag(Flags.Flag.SEEN, true);
			}
			catch (MessagingException ex) {
				log.warn("Message {} of {} not marked read: {}", safeNumber(message), mailbox, ex.toString());
			}
		}
	}

	private static int safeNumber(Message message) {
		return message.getMessageNumber();
	}

}
