package dev.lodestar.complaint;

import java.time.Instant;
import java.util.List;

/**
 * A mail that came in, as the mailbox reader understood it: the sender, the text (an HTML body
 * already reduced to text) and the attachments.
 *
 * @param references the Message-IDs it answers ({@code In-Reply-To} and {@code References})
 */
public record InboundMail(String fromAddress, String fromName, String subject, String text, String messageId,
		List<String> references, List<Attachment> attachments, Instant receivedAt) {

	/**
	 * An attachment as the mail declared it, with its bytes.
	 *
	 * @param contentType the type the mail claims (not trusted: the attachment store sniffs)
	 * @param content the bytes, or {@code null} when the part was larger than the attachment limit
	 */
	public record Attachment(String name, String contentType, long size, byte[] content) {

		@Override
		public String toString() {
			return name + " (" + contentType + ", " + size + " bytes)";
		}

	}

}
