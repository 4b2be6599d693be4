package dev.lodestar.customer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lodestar.system.SystemTexts;

/** One entry of a customer's interaction log: who talked to whom, when, how, with what outcome. */
@Entity
@Table(name = "crm_interaction")
class Interaction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long customerId;

	@Enumerated(EnumType.STRING)
	private InteractionType type;

	private Instant occurredAt;

	private String recordedBy;

	private String contactName;

	private String summary;

	private String outcome;

	private String subjectType;

	private String subjectId;

	private Instant recordedAt;

	private String summaryCode;

	private String summaryArgs;

	private String outcomeCode;

	private String outcomeArgs;

	protected Interaction() {
	}

	Interaction(long customerId, NewInteraction entry, Instant now) {
		this.customerId = customerId;
		this.type = entry.type();
		this.occurredAt = entry.occurredAt() != null ? entry.occurredAt() : now;
		this.recordedBy = entry.recordedBy();
		this.contactName = entry.contactName();
		this.summary = entry.summary().strip();
		this.outcome = entry.outcome();
		this.subjectType = entry.subjectType();
		this.subjectId = entry.subjectId();
		this.recordedAt = now;
		if (entry.summaryText() != null) {
			this.summaryCode = entry.summaryText().code();
			this.summaryArgs = SystemTexts.json(entry.summaryText());
		}
		if (entry.outcomeText() != null) {
			this.outcomeCode = entry.outcomeText().code();
			this.outcomeArgs = SystemTexts.json(entry.outcomeText());
		}
	}

	void moveTo(long survivorId) {
		this.customerId = survivorId;
	}

	InteractionEntry entry() {
		return new InteractionEntry(id, customerId, type, occurredAt, recordedBy, contactName, summary, outcome,
				subjectType, subjectId, summaryCode == null ? null : SystemTexts.parse(summaryCode, summaryArgs),
				outcomeCode == null ? null : SystemTexts.parse(outcomeCode, outcomeArgs));
	}

}
