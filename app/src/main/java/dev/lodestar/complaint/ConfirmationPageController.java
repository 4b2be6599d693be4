package dev.lodestar.complaint;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The page behind the link in the resolution e-mail: no login, the token is the credential.
 * Opening the link only shows the question (mail scanners open links too); the answer is a
 * form post. A used, expired or unknown link gets a page that says so, with 410 or 404.
 */
@Controller
@RequestMapping(ConfirmationPageController.PATH + "{token}")
class ConfirmationPageController {

	static final String PATH = "/public/complaints/confirmation/";

	private final CustomerConfirmations confirmations;

	ConfirmationPageController(CustomerConfirmations confirmations) {
		this.confirmations = confirmations;
	}

	@GetMapping
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		var inspection = confirmations.inspect(token);
		if (inspection.isEmpty()) {
			return refused(null, model, response);
		}
		if (inspection.get().state() != ConfirmationToken.State.VALID) {
			return refused(inspection.get().state(), model, response);
		}
		model.addAttribute("state", "ask");
		model.addAttribute("complaint", inspection.get().complaint());
		model.addAttribute("token", token);
		return "complaint-confirmation";
	}

	@PostMapping
	String answer(@PathVariable String token, @RequestParam String decision,
			@RequestParam(required = false) Integer satisfaction, @RequestParam(required = false) String comment,
			Model model, HttpServletResponse response) {
		if (!"confirm".equals(decision) && !"reject".equals(decision)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("state", "invalid");
			return "complaint-confirmation";
		}
		if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
			satisfaction = null;
		}
		String commentProblem = commentProblem(comment);
		if (commentProblem != null) {
			// the customer's answer is not lost: the form comes back with the text and the limit
			var inspection = confirmations.inspect(token);
			if (inspection.isEmpty() || inspection.get().state() != ConfirmationToken.State.VALID) {
				return refused(inspection.map(CustomerConfirmations.Inspection::state).orElse(null), model, response);
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("state", "ask");
			model.addAttribute("complaint", inspection.get().complaint());
			model.addAttribute("token", token);
			model.addAttribute("commentProblem", commentProblem);
			model.addAttribute("comment", comment.replace("\u0000", ""));
			return "complaint-confirmation";
		}
		try {
			Complaint complaint = confirmations.answer(token, "confirm".equals(decision), satisfaction, comment);
			model.addAttribute("state", "confirm".equals(decision) ? "confirmed" : "rejected");
			model.addAttribute("complaint", complaint);
			return "complaint-confirmation";
		}
		catch (CustomerConfirmations.LinkRefused refused) {
			return refused(refused.state(), model, response);
		}
	}

	/** The column holds 2,000 characters, and PostgreSQL no NUL: refused here as the customer's mistake (400). */
	static final int MAX_COMMENT = 2000;

	private static String commentProblem(String comment) {
		if (comment == null) {
			return null;
		}
		if (comment.indexOf('\u0000') >= 0) {
			return "nul";
		}
		return comment.strip().length() > MAX_COMMENT ? "length" : null;
	}

	private static String refused(ConfirmationToken.State state, Model model, HttpServletResponse response) {
		response.setStatus(state == null ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
		model.addAttribute("state", state == null ? "unknown" : state == ConfirmationToken.State.USED ? "used" : "expired");
		return "complaint-confirmation";
	}

}
