package dev.lodestar.attachment;

import java.time.Instant;

/**
 * An attachment as lists show it (without its bytes).
 *
 * @param contentType the type sniffed from the bytes, never the name's or the sender's word
 * @param source {@code UPLOAD} (on a page or the API) or {@code MAIL} (from an inbound mail)
 */
public record AttachmentView(long id, String fileName, String contentType, long size, String source,
		String uploadedBy, Instant uploadedAt) {

	/** Whether it is an image (shown as a thumbnail, served inline). */
	public boolean image() {
		return ContentSniffer.image(contentType);
	}

}
