package dev.lodestar.complaint;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One mail of a complaint's thread: from the customer ({@code IN}) or to the customer ({@code OUT}). */
@Entity
@Table(name = "crm_complaint_mail")
class ComplaintMail {

	static final String IN = "IN";

	static final String OUT = "OUT";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long complaintId;

	private String direction;

	private String sender;

	private String recipient;

	private String subject;

	private String bodyText;

	private String messageId;

	private String attachments;

	private Instant occurredAt;

	private String recordedBy;

	protected ComplaintMail() {
	}

	ComplaintMail(long complaintId, String direction, String sender, String recipient, String subject, String bodyText,
			String messageId, String attachments, Instant occurredAt, String recordedBy) {
		this.complaintId = complaintId;
		this.direction = direction;
		this.sender = cut(sender, 320);
		this.recipient = cut(recipient, 320);
		this.subject = cut(subject == null || subject.isBlank() ? "(no subject)" : subject, 1000);
		this.bodyText = cut(bodyText == null ? "" : bodyText, 100_000);
		this.messageId = cut(messageId, 500);
		this.attachments = cut(attachments, 4000);
		this.occurredAt = occurredAt;
		this.recordedBy = recordedBy;
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

	Long getId() {
		return id;
	}

	long getComplaintId() {
		return complaintId;
	}

	CaseMailView view() {
		return new CaseMailView(id, direction, sender, recipient, subject, bodyText, attachments, occurredAt, recordedBy);
	}

}
