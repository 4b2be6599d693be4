package dev.lodestar.modeling;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One revision of a model: a draft saved from the browser, or a version deployed from the
 * browser or from the files. Revisions are never changed once written.
 */
@Entity
@Table(name = "mdl_revision")
class ModelRevision {

	/** A draft, a deployed version, or a draft the process owner threw away (back to what is deployed). */
	enum Status {
		DRAFT, DEPLOYED, DISCARDED
	}

	/** Who deployed a revision from the files at start-up. */
	static final String FILES = "files";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String modelKey;

	private String resourceName;

	@Enumerated(EnumType.STRING)
	private ModelKind kind;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String author;

	private Instant createdAt;

	@Column(name = "comment_text")
	private String comment;

	private String contentHash;

	private String content;

	private String deploymentId;

	protected ModelRevision() {
	}

	private ModelRevision(String resourceName, Status status, String author, String comment, String content,
			String deploymentId, Instant now) {
		this.modelKey = ModelKind.keyOf(resourceName);
		this.resourceName = resourceName;
		this.kind = ModelKind.of(resourceName);
		this.status = status;
		this.author = author;
		this.comment = comment;
		this.content = content;
		this.contentHash = Hashes.sha256(content);
		this.deploymentId = deploymentId;
		this.createdAt = now;
	}

	static ModelRevision draft(String resourceName, String author, String comment, String content, Instant now) {
		return new ModelRevision(resourceName, Status.DRAFT, author, comment, content, null, now);
	}

	/** Throws a draft away: the newest revision then says the draft is gone, and its content stays on record. */
	static ModelRevision discarded(ModelRevision draft, String author, Instant now) {
		if (draft.status != Status.DRAFT) {
			throw new IllegalStateException("only a draft can be discarded");
		}
		return new ModelRevision(draft.resourceName, Status.DISCARDED, author, "discarded", draft.content, null, now);
	}

	static ModelRevision deployed(String resourceName, String author, String comment, String content,
			String deploymentId, Instant now) {
		return new ModelRevision(resourceName, Status.DEPLOYED, author, comment, content, deploymentId, now);
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

	ModelKind kind() {
		return kind;
	}

	Status status() {
		return status;
	}

	String author() {
		return author;
	}

	Instant createdAt() {
		return createdAt;
	}

	String comment() {
		return comment;
	}

	String contentHash() {
		return contentHash;
	}

	String content() {
		return content;
	}

	String deploymentId() {
		return deploymentId;
	}

}
