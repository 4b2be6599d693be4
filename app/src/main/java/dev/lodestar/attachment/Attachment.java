package dev.lodestar.attachment;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One file on a case: its name (as given, cut to 255 characters), its type as sniffed from its
 * bytes, its size, who brought it and when, and the bytes.
 */
@Entity
@Table(name = "crm_attachment")
class Attachment {

	static final String UPLOAD = "UPLOAD";

	static final String MAIL = "MAIL";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String ownerKind;

	private long ownerId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private String source;

	private String uploadedBy;

	private Instant uploadedAt;

	@Basic(fetch = FetchType.LAZY)
	@Column(name = "content")
	private byte[] content;

	protected Attachment() {
	}

	Attachment(String ownerKind, long ownerId, String fileName, String contentType, byte[] content, String source,
			String uploadedBy, Instant uploadedAt) {
		this.ownerKind = ownerKind;
		this.ownerId = ownerId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.content = content;
		this.sizeBytes = content.length;
		this.source = source;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	Long getId() {
		return id;
	}

	String getOwnerKind() {
		return ownerKind;
	}

	long getOwnerId() {
		return ownerId;
	}

	String getContentType() {
		return contentType;
	}

	String getFileName() {
		return fileName;
	}

	byte[] getContent() {
		return content;
	}

	AttachmentView view() {
		return new AttachmentView(id, fileName, contentType, sizeBytes, source, uploadedBy, uploadedAt);
	}

}
