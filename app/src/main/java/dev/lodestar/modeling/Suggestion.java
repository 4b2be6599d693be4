package dev.lodestar.modeling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.lodestar.system.ConflictException;

/** A suggestion of someone who works in a process, on one element of its diagram. */
@Entity
@Table(name = "mdl_suggestion")
class Suggestion {

	enum Status {
		OPEN, CLOSED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String modelKey;

	private String elementId;

	private String author;

	private Instant createdAt;

	private String text;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String answer;

	private String closedBy;

	private Instant closedAt;

	@Version
	private long version;

	protected Suggestion() {
	}

	Suggestion(String modelKey, String elementId, String author, String text, Instant now) {
		this.modelKey = modelKey;
		this.elementId = elementId;
		this.author = author;
		this.text = text;
		this.createdAt = now;
		this.status = Status.OPEN;
	}

	/** Closes the suggestion with the owner's answer; a closed suggestion stays closed. */
	void close(String owner, String answer, Instant now) {
		if (status == Status.CLOSED) {
			throw new ConflictException("The suggestion is already closed.");
		}
		this.status = Status.CLOSED;
		this.answer = answer;
		this.closedBy = owner;
		this.closedAt = now;
	}

	Long id() {
		return id;
	}

	String modelKey() {
		return modelKey;
	}

	String elementId() {
		return elementId;
	}

	String author() {
		return author;
	}

	Instant createdAt() {
		return createdAt;
	}

	String text() {
		return text;
	}

	Status status() {
		return status;
	}

	String answer() {
		return answer;
	}

	String closedBy() {
		return closedBy;
	}

	Instant closedAt() {
		return closedAt;
	}

}
