package dev.lodestar.customer;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A merge as it happened: what moved from the absorbed customer to the survivor and the
 * survivor's values before, so that it can be undone within {@link #UNDO_WINDOW} (both kept as
 * JSON: see {@link CustomerService#undoMerge}).
 */
@Entity
@Table(name = "crm_customer_merge")
class CustomerMerge {

	/** How long a merge can be undone. */
	static final Duration UNDO_WINDOW = Duration.ofHours(24);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long duplicateId;

	private Long survivorId;

	private String mergedBy;

	private Instant mergedAt;

	private String survivorBefore;

	private String moves;

	private String undoneBy;

	private Instant undoneAt;

	@Version
	private long version;

	protected CustomerMerge() {
	}

	CustomerMerge(long duplicateId, long survivorId, String mergedBy, Instant now, String survivorBefore, String moves) {
		this.duplicateId = duplicateId;
		this.survivorId = survivorId;
		this.mergedBy = mergedBy;
		this.mergedAt = now;
		this.survivorBefore = survivorBefore;
		this.moves = moves;
	}

	/** Until when it can be undone. */
	Instant undoableUntil() {
		return mergedAt.plus(UNDO_WINDOW);
	}

	boolean undoable(Instant now) {
		return undoneAt == null && now.isBefore(undoableUntil());
	}

	/** Marks it undone; refuses an undone one and one older than the window, naming why. */
	void undo(String userId, Instant now) {
		if (undoneAt != null) {
			throw new MergeConflict("customers.problem.undo.done", "The merge of customer " + duplicateId
					+ " into customer " + survivorId + " was already undone.");
		}
		if (!now.isBefore(undoableUntil())) {
			throw new MergeConflict("customers.problem.undo.expired", "The merge of customer " + duplicateId
					+ " into customer " + survivorId + " was made at " + mergedAt
					+ "; a merge can be undone for 24 hours only.");
		}
		this.undoneBy = userId;
		this.undoneAt = now;
	}

	Long getId() {
		return id;
	}

	Long getDuplicateId() {
		return duplicateId;
	}

	Long getSurvivorId() {
		return survivorId;
	}

	String getMergedBy() {
		return mergedBy;
	}

	Instant getMergedAt() {
		return mergedAt;
	}

	String getSurvivorBefore() {
		return survivorBefore;
	}

	String getMoves() {
		return moves;
	}

	Instant getUndoneAt() {
		return undoneAt;
	}

}
