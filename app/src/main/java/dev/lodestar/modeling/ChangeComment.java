package dev.lodestar.modeling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A comment in a change request, on one element of the model (or, without one, on the whole). */
@Entity
@Table(name = "mdl_change_comment")
class ChangeComment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long requestId;

	private String elementId;

	private String author;

	private Instant createdAt;

	private String text;

	protected ChangeComment() {
	}

	ChangeComment(long requestId, String elementId, String author, String text, Instant now) {
		this.requestId = requestId;
		this.elementId = elementId;
		this.author = author;
		this.text = text;
		this.createdAt = now;
	}

	Long id() {
		return id;
	}

	Long requestId() {
		return requestId;
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

}
