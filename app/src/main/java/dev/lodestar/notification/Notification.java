package dev.lodestar.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message in the outbox, with its delivery history. */
@Entity
@Table(name = "crm_notification")
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String kind;

	private String recipientEmail;

	private String recipientUserId;

	private String subject;

	private String bodyText;

	private String bodyHtml;

	@Enumerated(EnumType.STRING)
	private NotificationStatus status;

	private int attempts;

	private String lastError;

	@Column(unique = true)
	private String dedupeKey;

	private Instant createdAt;

	private Instant nextAttemptAt;

	private Instant sentAt;

	/** The Message-ID the message goes out with, so that replies to it find their way back. */
	private String messageId;

	/** The case the message belongs to ({@code LS-C-123}), when it belongs to one. */
	private String threadRef;

	protected Notification() {
	}

	Notification(String kind, String recipientEmail, String recipientUserId, String subject, String bodyText,
			String bodyHtml, String dedupeKey, Instant now) {
		this.kind = kind;
		this.recipientEmail = recipientEmail;
		this.recipientUserId = recipientUserId;
		this.subject = subject;
		this.bodyText = bodyText;
		this.bodyHtml = bodyHtml;
		this.dedupeKey = dedupeKey;
		this.status = NotificationStatus.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	/** The server took the message. */
	void delivered(Instant now) {
		if (status == NotificationStatus.SENT) {
			throw new IllegalStateException("Notification " + id + " was already sent");
		}
		attempts++;
		status = NotificationStatus.SENT;
		sentAt = now;
		lastError = null;
	}

	/**
	 * An attempt failed: try again after an exponentially growing pause, or give up for good
	 * after {@code maxAttempts}.
	 */
	void attemptFailed(String error, Instant now, int maxAttempts, Duration firstBackoff) {
		attempts++;
		lastError = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
		if (attempts >= maxAttempts) {
			status = NotificationStatus.FAILED;
		}
		else {
			status = NotificationStatus.PENDING;
			nextAttemptAt = now.plus(firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 16)));
		}
	}

	public Long getId() {
		return id;
	}

	public String getKind() {
		return kind;
	}

	public String getRecipientEmail() {
		return recipientEmail;
	}

	public String getRecipientUserId() {
		return recipientUserId;
	}

	public String getSubject() {
		return subject;
	}

	public String getBodyText() {
		return bodyText;
	}

	public String getBodyHtml() {
		return bodyHtml;
	}

	public NotificationStatus getStatus() {
		return status;
	}

	public int getAttempts() {
		return attempts;
	}

	public String getLastError() {
		return lastError;
	}

	public String getDedupeKey() {
		return dedupeKey;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	public Instant getSentAt() {
		return sentAt;
	}

	public String getMessageId() {
		return messageId;
	}

	public String getThreadRef() {
		return threadRef;
	}

	/** Names the message for replies: its Message-ID and the case it belongs to. */
	void thread(String messageId, String threadRef) {
		this.messageId = messageId;
		this.threadRef = threadRef;
	}

}
