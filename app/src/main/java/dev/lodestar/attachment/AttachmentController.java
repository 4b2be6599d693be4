package dev.lodestar.attachment;

import java.net.URI;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Attachments over HTTP, for those who may read the case (others hear 404, as for a case that
 * does not exist). A file is served as a download, except a sniffed image, which is shown inline;
 * never with a type the browser could guess otherwise ({@code nosniff}).
 */
abstract class AttachmentController {

	private final AttachmentService attachments;

	private final String kind;

	AttachmentController(AttachmentService attachments, String kind) {
		this.attachments = attachments;
		this.kind = kind;
	}

	@RestController
	@RequestMapping("/api/complaints/{id}/attachments")
	@Tag(name = "Attachments")
	static class OfComplaints extends AttachmentController {

		OfComplaints(AttachmentService attachments) {
			super(attachments, "complaints");
		}

	}

	@RestController
	@RequestMapping("/api/leads/{id}/attachments")
	@Tag(name = "Attachments")
	static class OfLeads extends AttachmentController {

		OfLeads(AttachmentService attachments) {
			super(attachments, "leads");
		}

	}

	@RestController
	@RequestMapping("/api/customers/{id}/attachments")
	@Tag(name = "Attachments")
	static class OfCustomers extends AttachmentController {

		OfCustomers(AttachmentService attachments) {
			super(attachments, "customers");
		}

	}

	@GetMapping
	@Operation(summary = "A case's attachments, newest first: name, size, sniffed type, who and when")
	List<AttachmentView> list(@PathVariable long id, Authentication user) {
		return attachments.list(kind, id, user);
	}

	@PostMapping
	@Operation(summary = "Attach a file (multipart field 'file'): JPEG, PNG, GIF, WebP, PDF or plain text, told by its "
			+ "content; 413 when larger than lodestar.attachments.max-size, 400 for any other type")
	ResponseEntity<AttachmentView> upload(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Authentication user) {
		AttachmentView stored = attachments.upload(kind, id, upload(file), user);
		return ResponseEntity.created(URI.create("/api/" + kind + "/" + id + "/attachments/" + stored.id())).body(stored);
	}

	@GetMapping("/{attachmentId}")
	@Operation(summary = "The file: inline when it is an image, else as a download")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long attachmentId,
			Authentication user) {
		return serve(attachments.content(kind, id, attachmentId, user));
	}

	/** The uploaded file as the service takes it; {@code null} when none came. */
	static AttachmentService.Upload upload(MultipartFile file) {
		return file == null || file.isEmpty() ? null
				: new AttachmentService.Upload(file.getOriginalFilename(), file.getSize(), file::getBytes);
	}

	static ResponseEntity<byte[]> serve(AttachmentService.StoredFile file) {
		ContentDisposition disposition = (file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
			.body(file.content());
	}

}
