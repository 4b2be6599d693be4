package dev.lodestar.attachment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;

/**
 * Keeps and serves attachments. Every call by a user asks the case's owner whether that user may
 * read (or attach to) the case, and answers "not found" when not, as for a case that does not
 * exist. The type is sniffed from the bytes; the size is limited by {@link AttachmentSettings}.
 */
@Service
public class AttachmentService {

	/** The field a refused file is reported under. */
	static final String FIELD = "file";

	private final Attachments attachments;
	private final Map<String, AttachmentOwner> owners = new HashMap<>();
	private final AttachmentSettings settings;
	private final Clock clock;

	AttachmentService(Attachments attachments, List<AttachmentOwner> owners, AttachmentSettings settings,
			Optional<Clock> clock) {
		this.attachments = attachments;
		owners.forEach(owner -> this.owners.put(owner.kind(), owner));
		this.settings = settings;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** The largest file kept, in bytes. */
	public long maxBytes() {
		return settings.maxSize().toBytes();
	}

	/** A user's upload: kept when they may attach to the case and the file passes the limits. */
	@Transactional
	public AttachmentView upload(String kind, long ownerId, Upload upload, Authentication user) {
		AttachmentOwner owner = readable(kind, ownerId, user);
		if (!owner.mayAttach(ownerId, user)) {
			throw new org.springframework.security.access.AccessDeniedException("may not attach to " + kind);
		}
		if (upload == null || upload.size() == 0) {
			throw new InvalidInputException(FIELD, "choose a file");
		}
		if (upload.size() > maxBytes()) {
			throw tooLarge(upload.size());
		}
		byte[] content;
		try {
			content = upload.content().read();
		}
		catch (java.io.IOException ex) {
			throw new InvalidInputException(FIELD, "could not be read: send it again");
		}
		if (content.length > maxBytes()) {
			throw tooLarge(content.length);
		}
		String type = ContentSniffer.typeOf(content)
			.orElseThrow(() -> new InvalidInputException(FIELD,
					"is no JPEG, PNG, GIF, WebP, PDF or plain text file (told by its content, not its name)"));
		return attachments.save(new Attachment(kind, ownerId, name(upload.fileName()), type, content, Attachment.UPLOAD,
				user.getName(), clock.instant())).view();
	}

	/** A case's attachments, newest first, for a user who may read the case. */
	@Transactional(readOnly = true)
	public List<AttachmentView> list(String kind, long ownerId, Authentication user) {
		readable(kind, ownerId, user);
		return attachments.listOf(kind, ownerId);
	}

	/** A case's attachments, for pages that have checked the reader themselves. */
	@Transactional(readOnly = true)
	public List<AttachmentView> of(String kind, long ownerId) {
		return attachments.listOf(kind, ownerId);
	}

	/** The ids of a case's attachments, oldest first (what a merge of the case would move). */
	@Transactional(readOnly = true)
	public List<Long> idsOf(String kind, long ownerId) {
		return attachments.idsOf(kind, ownerId);
	}

	/**
	 * Moves these attachments from one case of this kind to another (a merged customer's to the
	 * survivor, and back when the merge is undone); those no longer on {@code fromOwnerId} stay.
	 * Joins the caller's transaction.
	 *
	 * @return how many moved
	 */
	@Transactional
	public int move(String kind, java.util.Collection<Long> ids, long fromOwnerId, long toOwnerId) {
		return ids.isEmpty() ? 0 : attachments.move(kind, ids, fromOwnerId, toOwnerId);
	}

	/** One attachment with its bytes, for a user who may read the case. */
	@Transactional(readOnly = true)
	public StoredFile content(String kind, long ownerId, long attachmentId, Authentication user) {
		readable(kind, ownerId, user);
		Attachment attachment = attachments.findByIdAndOwnerKindAndOwnerId(attachmentId, kind, ownerId)
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		return new StoredFile(attachment.getFileName(), attachment.getContentType(), attachment.getContent());
	}

	/**
	 * The files of an inbound mail, on the case it made or answered: each kept when it passes the
	 * limits; the others are left out and returned, with why, for the caller to note and count.
	 */
	@Transactional
	public List<String> fromMail(String kind, long ownerId, List<IncomingFile> files, String recordedBy) {
		var refused = new ArrayList<String>();
		for (IncomingFile file : files) {
			if (file.content() == null || file.declaredSize() > maxBytes() || file.content().length > maxBytes()) {
				refused.add(file.name() + ": larger than " + settings.maxSize().toMegabytes() + " MB");
				continue;
			}
			Optional<String> type = ContentSniffer.typeOf(file.content());
			if (type.isEmpty()) {
				refused.add(file.name() + ": a type Lodestar does not keep");
				continue;
			}
			attachments.save(new Attachment(kind, ownerId, name(file.name()), type.get(), file.content(),
					Attachment.MAIL, recordedBy, clock.instant()));
		}
		return refused;
	}

	private AttachmentOwner readable(String kind, long ownerId, Authentication user) {
		AttachmentOwner owner = owners.get(kind);
		if (owner == null || !owner.mayRead(ownerId, user)) {
			throw new NotFoundException(kind, ownerId);
		}
		return owner;
	}

	private ErrorResponseException tooLarge(long size) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The file has " + size + " bytes; at most " + maxBytes() + " are kept.");
		problem.setTitle("File too large");
		problem.setProperty("errors", List.of(Map.of("field", FIELD, "message", "must be at most "
				+ settings.maxSize().toMegabytes() + " MB")));
		return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
	}

	/** The name shown and offered for download: the given one without path or control characters. */
	static String name(String given) {
		String name = given == null ? "" : given.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty()) {
			name = "attachment";
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	/** A user's file, its bytes read only once its size is known to fit. */
	public record Upload(String fileName, long size, Bytes content) {
	}

	/** Reads a file's bytes. */
	@FunctionalInterface
	public interface Bytes {

		byte[] read() throws java.io.IOException;

	}

	/** An attachment's bytes as stored. */
	public record StoredFile(String fileName, String contentType, byte[] content) {

		public boolean image() {
			return ContentSniffer.image(contentType);
		}

	}

	/**
	 * A file that came with a mail.
	 *
	 * @param content the bytes, or {@code null} when the part was too large to read
	 * @param declaredSize the size the mail gave for it
	 */
	public record IncomingFile(String name, byte[] content, long declaredSize) {
	}

}
