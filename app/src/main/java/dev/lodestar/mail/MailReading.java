package dev.lodestar.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.jsoup.Jsoup;

import dev.lodestar.complaint.InboundMail;

/**
 * A MIME message read defensively: the sender, the text (the plain part, else the HTML part
 * reduced to its text — scripts and markup never survive), the attachments (their bytes only up
 * to the attachment limit; a larger one is measured and left out), and whether it is automatic (auto-replies, bounces, bulk). A malformed part is skipped
 * and noted, never fatal to the rest.
 */
final class MailReading {

	/** Longest text kept of one mail. */
	static final int MAX_TEXT = 20_000;

	private static final int MAX_DEPTH = 10;

	private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");

	private MailReading() {
	}

	/**
	 * The key a message is read once by: its Message-ID, else the mailbox's own id of it (IMAP
	 * UIDVALIDITY and UID), else a digest of what identifies it.
	 */
	static String key(MimeMessage message, String mailboxId) {
		try {
			String id = message.getMessageID();
			if (id != null && !id.isBlank()) {
				return id.strip();
			}
			if (mailboxId != null) {
				return mailboxId;
			}
			return "sha256:" + sha256(String.valueOf(message.getHeader("From", ",")) + "|"
					+ String.valueOf(message.getHeader("Subject", ",")) + "|" + String.valueOf(message.getHeader("Date", ","))
					+ "|" + message.getSize());
		}
		catch (MessagingException ex) {
			return "sha256:" + sha256(String.valueOf(System.identityHashCode(message)) + ex.getMessage());
		}
	}

	/** The sender's address, lower case, or {@code null} when there is none worth answering. */
	static InternetAddress sender(MimeMessage message) {
		try {
			Address[] from = message.getFrom();
			if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
				return null;
			}
			String email = address.getAddress();
			if (email == null || !email.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+") || email.length() > 320) {
				return null;
			}
			return address;
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	/** An auto-reply, out-of-office, bounce or bulk mail: never a case. */
	static boolean automatic(MimeMessage message, InternetAddress sender) {
		try {
			String auto = message.getHeader("Auto-Submitted", ",");
			if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
				return true;
			}
			String precedence = message.getHeader("Precedence", ",");
			if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
				return true;
			}
			if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
				return true;
			}
			String returnPath = message.getHeader("Return-Path", ",");
			if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
				return true;
			}
			if (message.isMimeType("multipart/report")) {
				return true;
			}
		}
		catch (MessagingException ex) {
			// headers we cannot read prove nothing automatic
		}
		if (sender != null) {
			String local = sender.getAddress().substring(0, sender.getAddress().indexOf('@')).toLowerCase(Locale.ROOT);
			return local.equals("mailer-daemon") || local.equals("postmaster") || local.startsWith("no-reply")
					|| local.startsWith("noreply");
		}
		return false;
	}

	static String subject(MimeMessage message) {
		try {
			String subject = message.getSubject();
			return subject == null ? "" : subject.strip();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	/** The Message-IDs this mail answers. */
	static List<String> references(MimeMessage message) {
		var ids = new ArrayList<String>();
		for (String header : List.of("In-Reply-To", "References")) {
			try {
				String value = message.getHeader(header, " ");
				if (value != null) {
					var m = java.util.regex.Pattern.compile("<[^<>\\s]{1,250}>").matcher(value);
					while (m.find() && ids.size() < 50) {
						ids.add(m.group());
					}
				}
			}
			catch (MessagingException ex) {
				// no usable references
			}
		}
		return ids;
	}

	/** The mail as the cases take it. */
	static InboundMail read(MimeMessage message, InternetAddress sender, Instant now, long maxAttachmentBytes) {
		var body = new Body(maxAttachmentBytes);
		try {
			walk(message, body, 0);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			body.problems.add("unreadable structure: " + ex.getClass().getSimpleName());
		}
		String text = body.plain.length() > 0 ? body.plain.toString().strip()
				: body.html.length() > 0 ? Jsoup.parse(body.html.toString()).wholeText().strip() : "";
		text = text.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n");
		if (!body.problems.isEmpty()) {
			text = text + (text.isEmpty() ? "" : "\n\n") + "[" + String.join("; ", body.problems) + "]";
		}
		if (text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT) + "…";
		}
		String name = sender.getPersonal();
		String messageId;
		try {
			messageId = message.getMessageID();
		}
		catch (MessagingException ex) {
			messageId = null;
		}
		return new InboundMail(sender.getAddress().toLowerCase(Locale.ROOT), name, subject(message), text, messageId,
				references(message), List.copyOf(body.attachments), now);
	}

	private static final class Body {

		final StringBuilder plain = new StringBuilder();

		final StringBuilder html = new StringBuilder();

		final List<InboundMail.Attachment> attachments = new ArrayList<>();

		final List<String> problems = new ArrayList<>();

		/** Attachments larger than this are measured, not kept. */
		final long maxAttachmentBytes;

		Body(long maxAttachmentBytes) {
			this.maxAttachmentBytes = maxAttachmentBytes;
		}

	}

	private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			body.problems.add("parts nested too deep");
			return;
		}
		String disposition = safeDisposition(part);
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName(part) != null;
		if (!attachment && part.isMimeType("text/plain")) {
			body.plain.append(text(part, body)).append('\n');
		}
		else if (!attachment && part.isMimeType("text/html")) {
			body.html.append(text(part, body)).append('\n');
		}
		else if (part.isMimeType("multipart/*")) {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount() && i < 100; i++) {
					try {
						walk(multipart.getBodyPart(i), body, depth + 1);
					}
					catch (MessagingException | IOException | RuntimeException ex) {
						body.problems.add("part " + (i + 1) + " unreadable");
					}
				}
			}
		}
		else {
			String name = fileName(part);
			String type = baseType(part);
			var content = new java.io.ByteArrayOutputStream();
			long size = read(part, content, body.maxAttachmentBytes);
			body.attachments.add(new InboundMail.Attachment(name == null ? "attachment-" + (body.attachments.size() + 1) : name,
					type, size, size >= 0 && size <= body.maxAttachmentBytes ? content.toByteArray() : null));
		}
	}

	private static String safeDisposition(Part part) {
		try {
			return part.getDisposition();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private static String fileName(Part part) {
		try {
			String name = part.getFileName();
			return name == null ? null : MimeUtility.decodeText(name);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String baseType(Part part) {
		try {
			String type = part.getContentType();
			return type == null ? "application/octet-stream" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException ex) {
			return "application/octet-stream";
		}
	}

	/** The part's size; its bytes into {@code content} as long as they stay within {@code max}. */
	private static long read(Part part, java.io.ByteArrayOutputStream content, long max) {
		try (InputStream in = part.getInputStream()) {
			long total = 0;
			byte[] buffer = new byte[8192];
			for (int n; (n = in.read(buffer)) > 0;) {
				total += n;
				if (total <= max) {
					content.write(buffer, 0, n);
				}
			}
			return total;
		}
		catch (MessagingException | IOException ex) {
			return -1;
		}
	}

	private static String text(Part part, Body body) throws MessagingException {
		try {
			Object content = part.getContent();
			if (content instanceof String s) {
				return s;
			}
		}
		catch (IOException | RuntimeException ex) {
			// an unknown charset: read the bytes as UTF-8 below
		}
		try (InputStream in = part.getInputStream()) {
			return new String(in.readNBytes(MAX_TEXT * 4), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			body.problems.add("text part unreadable");
			return "";
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
