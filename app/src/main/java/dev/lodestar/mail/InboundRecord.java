package dev.lodestar.mail;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message read from a mailbox, once (unique per mailbox and Message-ID), and what became of it. */
@Entity
@Table(name = "crm_mail_inbound")
class InboundRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String mailbox;

	private String messageKey;

	private String sender;

	private String subject;

	private Instant readAt;

	@Enumerated(EnumType.STRING)
	private InboundOutcome outcome;

	private String caseRef;

	private String detail;

	protected InboundRecord() {
	}

	InboundRecord(String mailbox, String messageKey, String sender, String subject, Instant readAt,
			InboundOutcome outcome, String caseRef, String detail) {
		this.mailbox = mailbox;
		this.messageKey = cut(messageKey, 500);
		this.sender = cut(sender, 320);
		this.subject = cut(subject, 1000);
		this.readAt = readAt;
		this.outcome = outcome;
		this.caseRef = cut(caseRef, 64);
		this.detail = cut(detail, 2000);
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	InboundOutcome getOutcome() {
		return outcome;
	}

	String getCaseRef() {
		return caseRef;
	}

	String getSender() {
		return sender;
	}

	String getSubject() {
		return subject;
	}

	String getDetail() {
		return detail;
	}

	Instant getReadAt() {
		return readAt;
	}

	String getMailbox() {
		return mailbox;
	}

}
