package dev.lodestar.customer;

import java.time.Instant;

import dev.lodestar.system.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer that looks like another one (same normalised name) but could not be linked with
 * certainty. It stays open until a person confirms the two are distinct or merges them.
 */
@Entity
@Table(name = "crm_customer_duplicate")
class DuplicateSuspicion {

	enum Status {
		OPEN, CONFIRMED_DISTINCT, MERGED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long customerId;

	private Long candidateId;

	private String reasons;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant createdAt;

	private Instant resolvedAt;

	private String resolvedBy;

	protected DuplicateSuspicion() {
	}

	DuplicateSuspicion(long customerId, long candidateId, String reasons, Instant now) {
		this.customerId = customerId;
		this.candidateId = candidateId;
		this.reasons = reasons;
		this.status = Status.OPEN;
		this.createdAt = now;
	}

	void resolve(Status outcome, String userId, Instant now) {
		if (status != Status.OPEN) {
			throw new ConflictException("This possible duplicate was already resolved (" + status + ").");
		}
		this.status = outcome;
		this.resolvedBy = userId;
		this.resolvedAt = now;
	}

	/** An undone merge: the resemblance it settled is open again. */
	void reopen() {
		this.status = Status.OPEN;
		this.resolvedBy = null;
		this.resolvedAt = null;
	}

	Long getId() {
		return id;
	}

	boolean concerns(long a, long b) {
		return (customerId == a && candidateId == b) || (customerId == b && candidateId == a);
	}

	long otherThan(long customer) {
		return customerId == customer ? candidateId : customerId;
	}

	Long getCustomerId() {
		return customerId;
	}

	Long getCandidateId() {
		return candidateId;
	}

	String getReasons() {
		return reasons;
	}

	Status getStatus() {
		return status;
	}

}
