package dev.lodestar.complaint;

import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.lodestar.worklist.DecisionHistory;

/**
 * The service desk's complaint pages: the list by SLA state ({@code /complaints}) and one
 * complaint with its history, its open steps (worked on the task page) and the customer's
 * confirmation link ({@code /complaints/{id}}).
 */
@Controller
class ComplaintPageController {

	private final ComplaintBoard board;

	private final DecisionHistory decisions;
	private final ComplaintSlaClock slaClock;

	private final ComplaintMailbox mailbox;

	private final dev.lodestar.customer.CustomerService customers;

	private final dev.lodestar.attachment.AttachmentService attachments;

	ComplaintPageController(ComplaintBoard board, DecisionHistory decisions, ComplaintMailbox mailbox,
			dev.lodestar.customer.CustomerService customers, ComplaintSlaClock slaClock,
			dev.lodestar.attachment.AttachmentService attachments) {
		this.slaClock = slaClock;
		this.attachments = attachments;
		this.decisions = decisions;
		this.board = board;
		this.mailbox = mailbox;
		this.customers = customers;
	}

	private static final String SERVICE = "hasAnyRole('service-agent', 'service-manager')";

	/** Complaints per page of the list, newest first. */
	static final int PAGE_SIZE = 50;

	@GetMapping("/complaints")
	@PreAuthorize(SERVICE)
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String category,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		ComplaintSlaState slaState = parse(ComplaintSlaState.class, state);
		Category cat = parse(Category.class, category);
		if (page < 0) {
			throw new dev.lodestar.system.InvalidInputException("page", "must be 0 or more");
		}
		var listing = board.page(slaState, cat, q, page, PAGE_SIZE);
		model.addAttribute("rows", listing.rows());
		model.addAttribute("listing", listing);
		model.addAttribute("page", page);
		model.addAttribute("states", ComplaintSlaState.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("state", slaState);
		model.addAttribute("category", cat);
		model.addAttribute("q", q);
		return "complaints";
	}

	@GetMapping("/complaints/{id}")
	@PreAuthorize(SERVICE)
	String complaint(@PathVariable long id, Authentication user, Locale locale, Model model) {
		model.addAttribute("detail", board.detail(id, user.getName()));
		model.addAttribute("decisions", decisions.ofCase(ComplaintToResolution.PROCESS_KEY, String.valueOf(id), locale));
		model.addAttribute("thread", mailbox.thread(id));
		model.addAttribute("attachments", attachments.of(ComplaintAttachments.KIND, id));
		Complaint complaint = ((ComplaintBoard.Detail) model.getAttribute("detail")).complaint();
		model.addAttribute("customerLanguage", complaint.getCustomerId() == null ? "en"
				: customers.preferredLanguage(complaint.getCustomerId()));
		model.addAttribute("replySubject", "[" + ComplaintMailbox.reference(id) + "] "
				+ abbreviate(complaint.getDescription().lines().findFirst().orElse(""), 120));
		return "complaint";
	}

	/** Carol writes to the customer from the case; the mail goes through the outbox and onto the thread. */
	@org.springframework.web.bind.annotation.PostMapping("/complaints/{id}/replies")
	@PreAuthorize(SERVICE)
	String reply(@PathVariable long id, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String body, Authentication user,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			mailbox.reply(id, new CaseReply(subject, body), user.getName());
			redirect.addFlashAttribute("mailNotice", "complaints.mail.sent");
		}
		catch (dev.lodestar.system.InvalidInputException ex) {
			redirect.addFlashAttribute("mailProblem", "complaints.mail.problem");
		}
		return "redirect:/complaints/" + id + "#mail-thread";
	}

	/** An agent asks the customer: the case waits, its resolution clock stops. */
	@org.springframework.web.bind.annotation.PostMapping("/complaints/{id}/waits")
	@PreAuthorize(SERVICE)
	String askCustomer(@PathVariable long id, @RequestParam(required = false) String question, Authentication user,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return slaChange(id, () -> slaClock.askCustomer(id, question, user.getName()), redirect);
	}

	/** The customer answered another way (a call): the case goes on, the clock runs again. */
	@org.springframework.web.bind.annotation.PostMapping("/complaints/{id}/waits/resumption")
	@PreAuthorize(SERVICE)
	String resume(@PathVariable long id, @RequestParam(required = false) String note, Authentication user,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return slaChange(id, () -> slaClock.resumeByHand(id, note, user.getName()), redirect);
	}

	private String slaChange(long id, Runnable change,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			change.run();
			redirect.addFlashAttribute("slaNotice", "complaints.sla.done");
		}
		catch (dev.lodestar.system.InvalidInputException | dev.lodestar.system.ConflictException ex) {
			redirect.addFlashAttribute("slaProblem", "complaints.sla.problem");
		}
		return "redirect:/complaints/" + id + "#sla-clock";
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
