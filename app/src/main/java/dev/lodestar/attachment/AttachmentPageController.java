package dev.lodestar.attachment;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.lodestar.system.InvalidInputException;

/**
 * The upload form of the complaint, lead and customer pages, and the files their lists link to
 * (thumbnails included): the same rules as the API; the page answers with a notice or the reason
 * a file was refused.
 */
@Controller
class AttachmentPageController {

	private final AttachmentService attachments;

	AttachmentPageController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/{kind:complaints|leads|customers}/{id}/attachments")
	String upload(@PathVariable String kind, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Authentication user,
			RedirectAttributes redirect) {
		try {
			attachments.upload(kind, id, AttachmentController.upload(file), user);
			redirect.addFlashAttribute("attachmentNotice", "attachments.stored");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("attachmentProblem",
					ex.errors().get(0).message().startsWith("choose") ? "attachments.problem.none" : "attachments.problem.type");
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("attachmentProblem", "attachments.problem.size");
		}
		return "redirect:/" + kind + "/" + id + "#attachments";
	}

	@GetMapping("/{kind:complaints|leads|customers}/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> file(@PathVariable String kind, @PathVariable long id, @PathVariable long attachmentId,
			Authentication user) {
		return AttachmentController.serve(attachments.content(kind, id, attachmentId, user));
	}

}
