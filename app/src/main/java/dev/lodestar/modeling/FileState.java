package dev.lodestar.modeling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The hash of what was last deployed from one file under {@code processes/} or {@code forms/}. */
@Entity
@Table(name = "mdl_file_state")
class FileState {

	@Id
	private String resourceName;

	private String contentHash;

	private Instant deployedAt;

	protected FileState() {
	}

	FileState(String resourceName, String contentHash, Instant now) {
		this.resourceName = resourceName;
		record(contentHash, now);
	}

	void record(String contentHash, Instant now) {
		this.contentHash = contentHash;
		this.deployedAt = now;
	}

	String resourceName() {
		return resourceName;
	}

	String contentHash() {
		return contentHash;
	}

}
