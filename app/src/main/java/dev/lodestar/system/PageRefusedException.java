package dev.lodestar.system;

import org.springframework.http.HttpStatus;

/**
 * The one way a page refuses a reader: 403 (not for their role) or 404 (nothing here, or nothing
 * they may know of). {@link PageErrorResolver} renders it as the error page in the reader's
 * language, with the detail named by {@code detailKey} (a message key) under the general text.
 */
public class PageRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final String detailKey;

	private PageRefusedException(HttpStatus status, String detailKey) {
		super(status.getReasonPhrase() + (detailKey != null ? " (" + detailKey + ")" : ""));
		this.status = status;
		this.detailKey = detailKey;
	}

	/** 403: the reader's roles do not open this page; {@code detailKey} may be null. */
	public static PageRefusedException forbidden(String detailKey) {
		return new PageRefusedException(HttpStatus.FORBIDDEN, detailKey);
	}

	/** 404: nothing here, or nothing this reader may know of; {@code detailKey} may be null. */
	public static PageRefusedException notFound(String detailKey) {
		return new PageRefusedException(HttpStatus.NOT_FOUND, detailKey);
	}

	public HttpStatus status() {
		return status;
	}

	/** The message key of the line under the general text, or null. */
	public String detailKey() {
		return detailKey;
	}

}
