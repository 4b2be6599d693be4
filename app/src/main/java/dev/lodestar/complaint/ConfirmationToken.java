package dev.lodestar.complaint;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's single-use, expiring right to answer one resolution. Only the token's hash is kept. */
@Entity
@Table(name = "crm_complaint_confirmation")
class ConfirmationToken {

	enum State {
		VALID, USED, EXPIRED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long complaintId;

	private String tokenHash;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	@Enumerated(EnumType.STRING)
	private CustomerReply answer;

	protected ConfirmationToken() {
	}

	ConfirmationToken(Long complaintId, String tokenHash, Instant now, Instant expiresAt) {
		this.complaintId = complaintId;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	State state(Instant now) {
		if (usedAt != null) {
			return State.USED;
		}
		return now.isBefore(expiresAt) ? State.VALID : State.EXPIRED;
	}

	/** Spends the token; a used or expired token is refused. */
	void use(CustomerReply answer, Instant now) {
		State state = state(now);
		if (state != State.VALID) {
			throw new IllegalStateException("confirmation link is " + state);
		}
		this.usedAt = now;
		this.answer = answer;
	}

	Long getComplaintId() {
		return complaintId;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUsedAt() {
		return usedAt;
	}

	Instant getExpiresAt() {
		return expiresAt;
	}

	CustomerReply getAnswer() {
		return answer;
	}

}
