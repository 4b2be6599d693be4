package dev.lodestar.modeling;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.ForbiddenException;

/**
 * A process owner's request to deploy one draft of a model, for another process owner to review
 * (four eyes). The approval holds for exactly the content it was given to (its hash): a draft
 * changed after the approval is no longer approved, and a version deployed from elsewhere in
 * between makes the request outdated. The author never approves his own request.
 */
@Entity
@Table(name = "mdl_change_request")
class ChangeRequest {

	/** Open for review, approved, deployed, or withdrawn by its author. */
	enum Status {
		OPEN, APPROVED, DEPLOYED, WITHDRAWN
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String modelKey;

	private String resourceName;

	private Long revisionId;

	private String contentHash;

	private int baseVersion;

	private String author;

	private Instant openedAt;

	@Column(name = "comment_text")
	private String comment;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String approvedBy;

	private Instant approvedAt;

	private String deployedBy;

	private Instant deployedAt;

	private String deploymentId;

	@Version
	private long version;

	protected ChangeRequest() {
	}

	ChangeRequest(ModelRevision draft, int baseVersion, String author, String comment, Instant now) {
		if (draft.status() != ModelRevision.Status.DRAFT) {
			throw new ConflictException("Revision " + draft.id() + " of " + draft.modelKey() + " is no draft.");
		}
		this.modelKey = draft.modelKey();
		this.resourceName = draft.resourceName();
		this.revisionId = draft.id();
		this.contentHash = draft.contentHash();
		this.baseVersion = baseVersion;
		this.author = author;
		this.comment = comment;
		this.openedAt = now;
		this.status = Status.OPEN;
	}

	/**
	 * Another process owner approves the content as it is. Refused (403) for the author, (409)
	 * when the request is not open, when its draft changed since it was opened or when a newer
	 * version was deployed in between.
	 */
	void approve(String approver, String currentDraftHash, int latestVersion, Instant now) {
		if (approver.equals(author)) {
			throw new ForbiddenException("Four eyes", "Four eyes: " + author
					+ " opened this change request and cannot approve it; another process owner must.",
					Map.of("reason", "author"));
		}
		if (status != Status.OPEN) {
			throw new ConflictException("Change request " + id + " is " + status.name().toLowerCase()
					+ " and cannot be approved.");
		}
		requireCurrent(currentDraftHash, latestVersion);
		this.status = Status.APPROVED;
		this.approvedBy = approver;
		this.approvedAt = now;
	}

	/**
	 * Marks the approved content deployed (before the engine deploys it, in the same transaction,
	 * so that of two deployments at once only one commits). Refused (409) when not approved,
	 * when the draft changed after the approval (the approval is void) or when outdated.
	 */
	void deployed(String deployer, String currentDraftHash, int latestVersion, Instant now) {
		if (status == Status.DEPLOYED) {
			throw new ConflictException("Change request " + id + " is deployed already.");
		}
		if (status != Status.APPROVED) {
			throw new ConflictException("Change request " + id + " is not approved: another process owner must "
					+ "approve it before it is deployed.");
		}
		requireCurrent(currentDraftHash, latestVersion);
		this.status = Status.DEPLOYED;
		this.deployedBy = deployer;
		this.deployedAt = now;
	}

	void deployment(String deploymentId) {
		this.deploymentId = deploymentId;
	}

	/**
	 * Moves the request to the newest draft (the author answered the comments): a new review,
	 * any approval is gone.
	 */
	void update(ModelRevision draft, String caller, int latestVersion) {
		if (!caller.equals(author)) {
			throw new ForbiddenException("Not the author",
					"Only " + author + ", who opened change request " + id + ", moves it to a new draft.", Map.of());
		}
		if (status == Status.DEPLOYED || status == Status.WITHDRAWN) {
			throw new ConflictException("Change request " + id + " is " + status.name().toLowerCase() + ".");
		}
		this.revisionId = draft.id();
		this.contentHash = draft.contentHash();
		this.baseVersion = latestVersion;
		this.status = Status.OPEN;
		this.approvedBy = null;
		this.approvedAt = null;
	}

	void withdraw(String caller) {
		if (!caller.equals(author)) {
			throw new ForbiddenException("Not the author", "Only " + author + " withdraws change request " + id + ".",
					Map.of());
		}
		if (status == Status.DEPLOYED) {
			throw new ConflictException("Change request " + id + " is deployed already.");
		}
		this.status = Status.WITHDRAWN;
	}

	/** Whether the approval was given to content that is no longer the draft. */
	boolean approvalVoid(String currentDraftHash) {
		return status == Status.APPROVED && !contentHash.equals(currentDraftHash);
	}

	/** Whether another version was deployed since the request was opened. */
	boolean outdated(int latestVersion) {
		return (status == Status.OPEN || status == Status.APPROVED) && latestVersion != baseVersion;
	}

	private void requireCurrent(String currentDraftHash, int latestVersion) {
		if (!contentHash.equals(currentDraftHash)) {
			throw new ChangeConflictException("Draft changed", "draftChanged", "The draft of " + modelKey + " changed after this change "
					+ "request was " + (status == Status.APPROVED ? "approved: the approval is void" : "opened")
					+ "; its author moves the request to the new draft for a new review.");
		}
		if (latestVersion != baseVersion) {
			throw new ChangeConflictException("Outdated", "outdated", "Version " + latestVersion + " of " + modelKey
					+ " was deployed after this request was opened against version " + baseVersion
					+ ": its author moves it to a draft made on the new version.");
		}
	}

	Long id() {
		return id;
	}

	String modelKey() {
		return modelKey;
	}

	String resourceName() {
		return resourceName;
	}

	Long revisionId() {
		return revisionId;
	}

	String contentHash() {
		return contentHash;
	}

	int baseVersion() {
		return baseVersion;
	}

	String author() {
		return author;
	}

	Instant openedAt() {
		return openedAt;
	}

	String comment() {
		return comment;
	}

	Status status() {
		return status;
	}

	String approvedBy() {
		return approvedBy;
	}

	Instant approvedAt() {
		return approvedAt;
	}

	String deployedBy() {
		return deployedBy;
	}

	Instant deployedAt() {
		return deployedAt;
	}

	String deploymentId() {
		return deploymentId;
	}

}
