package dev.lodestar.rollout;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the rollout's communication log: what was sent to whom, through which channel.
 * Invitations and reminders of the training waves are logged as they are sent; the project team
 * logs the rest of the communication plan (briefings, newsletters, town halls).
 * <p>
 * What the application sends itself is logged with its {@link Kind} and wave, so that the page
 * names it in the reader's language; {@code subject} keeps the English line for older readers of
 * the table. A message the project team typed has no kind and is shown as typed.
 */
@Entity
@Table(name = "crm_rollout_message")
class RolloutMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long rolloutId;

	private String audience;

	private int recipients;

	private String channel;

	private String subject;

	private String sentBy;

	private Instant sentAt;

	@Enumerated(EnumType.STRING)
	private Kind subjectCode;

	@Enumerated(EnumType.STRING)
	private WaveKind waveKind;

	/** What the application sent by itself. */
	enum Kind {
		INVITATION("Invitation: "), REMINDER("Reminder: ");

		private final String english;

		Kind(String english) {
			this.english = english;
		}
	}

	protected RolloutMessage() {
	}

	/** A training wave's invitation or reminder, sent to {@code audience} (role or user ids, comma-separated). */
	static RolloutMessage ofWave(Kind kind, TrainingWave wave, String audience, int recipients, String sentBy,
			Instant sentAt) {
		var message = new RolloutMessage(wave.getRolloutId(), audience, recipients, "e-mail",
				kind.english + wave.getName(), sentBy, sentAt);
		message.subjectCode = kind;
		message.waveKind = wave.getCode();
		return message;
	}

	RolloutMessage(Long rolloutId, String audience, int recipients, String channel, String subject, String sentBy,
			Instant sentAt) {
		if (audience == null || audience.isBlank()) {
			throw new dev.lodestar.system.InvalidInputException("audience", "say to whom it was sent");
		}
		if (subject == null || subject.isBlank()) {
			throw new dev.lodestar.system.InvalidInputException("subject", "say what was sent");
		}
		this.rolloutId = rolloutId;
		this.audience = audience.trim();
		this.recipients = Math.max(recipients, 0);
		this.channel = channel == null || channel.isBlank() ? "e-mail" : channel.trim();
		this.subject = subject.trim();
		this.sentBy = sentBy;
		this.sentAt = sentAt;
	}

	Long getId() {
		return id;
	}

	String getAudience() {
		return audience;
	}

	int getRecipients() {
		return recipients;
	}

	String getChannel() {
		return channel;
	}

	String getSubject() {
		return subject;
	}

	String getSentBy() {
		return sentBy;
	}

	Instant getSentAt() {
		return sentAt;
	}

	/** What the application sent, or {@code null} for a message the project team logged. */
	Kind getSubjectCode() {
		return subjectCode;
	}

	WaveKind getWaveKind() {
		return waveKind;
	}

}
