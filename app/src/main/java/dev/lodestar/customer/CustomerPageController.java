package dev.lodestar.customer;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.CsvExport;
import dev.lodestar.system.ListPage;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The customer pages: search ({@code /customers}) and the 360° view ({@code /customers/{id}})
 * with its sections as the modules that own the cases decide for the viewer; sales and service
 * log interactions and settle possible duplicates (merge or keep distinct) from it.
 */
@Controller
class CustomerPageController {

	private static final String PAGE = "hasAnyRole('sales-rep','sales-manager','service-agent','service-manager')";

	private final CustomerService customers;
	private final MessageSource messages;

	private final dev.lodestar.attachment.AttachmentService attachments;

	private final dev.lodestar.activity.ActivityService activities;

	CustomerPageController(CustomerService customers, MessageSource messages,
			dev.lodestar.attachment.AttachmentService attachments, dev.lodestar.activity.ActivityService activities) {
		this.attachments = attachments;
		this.activities = activities;
		this.customers = customers;
		this.messages = messages;
	}

	/**
	 * The customer list: one page, counted, sorted and filtered on the server; its state (text,
	 * page, size, order) lives in the URL, so a link or a reload shows the same rows.
	 */
	@GetMapping("/customers")
	@PreAuthorize(PAGE)
	String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Model model) {
		var query = CustomerListParameters.query(q, page, size, sort, dir);
		model.addAttribute("q", q);
		model.addAttribute("query", query);
		model.addAttribute("sort", query.sort().name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("dir", query.descending() ? "desc" : "asc");
		model.addAttribute("sizes", ListPage.SIZES);
		model.addAttribute("list", customers.list(query));
		return "customers";
	}

	/**
	 * What the list shows, every page of it (at most {@value #EXPORT_MAX} rows), as a CSV file in
	 * the reader's language, its cells neutralised against formulas.
	 */
	@GetMapping("/customers/export")
	@PreAuthorize(PAGE)
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, java.util.Locale locale, HttpServletResponse response)
			throws java.io.IOException {
		var query = CustomerListParameters.query(q, 1, ListPage.MAX_SIZE, sort, dir);
		response.setContentType(CsvExport.TEXT_CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.csv\"");
		var header = java.util.stream.Stream.of("number", "name", "kind", "email", "phone", "region", "segment", "since")
			.map(column -> messages.getMessage("customers.csv." + column, null, locale))
			.toList();
		var out = response.getWriter();
		out.write('\uFEFF'); // so that spreadsheets read UTF-8 (Chinese names) as UTF-8
		try (var csv = CsvExport.to(out, header)) {
			customers.export(query, EXPORT_MAX, c -> csv.row(c.id(), c.name(),
					messages.getMessage("customers.kind." + c.kind(), null, locale), c.email(), c.phone(),
					label("leads.region.", c.region(), locale), label("leads.segment.", c.segment(), locale),
					c.since() == null ? null : java.time.LocalDate.ofInstant(c.since(), java.time.ZoneOffset.UTC)));
		}
	}

	static final int EXPORT_MAX = 10_000;

	/** A code's name in the reader's language, the code itself where it has none. */
	private String label(String prefix, String code, java.util.Locale locale) {
		return code == null ? null : messages.getMessage(prefix + code, null, code, locale);
	}

	@GetMapping("/customers/{id}")
	@PreAuthorize(PAGE)
	String view(@PathVariable long id, Authentication user, Model model) {
		long current = customers.currentId(id);
		if (current != id) {
			return "redirect:/customers/" + current + "?mergedFrom=" + id;
		}
		model.addAttribute("view", customers.view(id, user.getName()));
		model.addAttribute("types", InteractionType.values());
		model.addAttribute("language", customers.preferredLanguage(id));
		model.addAttribute("attachments", attachments.of(CustomerAttachments.KIND, id));
		model.addAttribute("merges", customers.mergesInto(id).stream().filter(MergeRecord::undoable).toList());
		model.addAttribute("activities", activities.forCase("customer", id, dev.lodestar.worklist.Caller.of(user)));
		return "customer";
	}

	/** Edits the customer's name, e-mail, phone and language; the change goes on the timeline. */
	@PostMapping("/customers/{id}/edit")
	@PreAuthorize(CustomerAccess.WRITE)
	String edit(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String preferredLanguage, Authentication user, RedirectAttributes redirect) {
		try {
			customers.edit(id, new CustomerEdit(name, email, phone, preferredLanguage), user.getName());
			redirect.addFlashAttribute("notice", "customers.notice.edited");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "customers.problem.edit");
		}
		return "redirect:/customers/" + id;
	}

	@PostMapping("/customers/{id}/interactions")
	@PreAuthorize(CustomerAccess.WRITE)
	String logInteraction(@PathVariable long id, @RequestParam InteractionType type,
			@RequestParam(required = false) String contactName, @RequestParam String summary,
			@RequestParam(required = false) String outcome, Authentication user, RedirectAttributes redirect) {
		try {
			customers.logInteraction(id, new NewInteraction(type, EngineClock.INSTANCE.instant(), user.getName(), blankToNull(contactName),
					summary, blankToNull(outcome), null, null));
			redirect.addFlashAttribute("notice", "customers.notice.logged");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "customers.problem.summary");
		}
		return "redirect:/customers/" + id;
	}

	/**
	 * The merge preview: this customer as it would look after absorbing {@code otherId}, what
	 * moves, the conflicting values and which is kept, with Confirm and Cancel.
	 */
	@GetMapping("/customers/{id}/duplicates/{otherId}/merge")
	@PreAuthorize(CustomerAccess.WRITE)
	String mergePreview(@PathVariable long id, @PathVariable long otherId, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("preview", customers.mergePreview(otherId, id));
			return "customer-merge";
		}
		catch (MergeConflict ex) {
			refused(redirect, ex);
			return "redirect:/customers/" + id;
		}
	}

	/**
	 * Merges the duplicate {@code otherId} into this customer, which lives on, as the preview of
	 * this {@code version} showed it; when something changed since, the new preview says so.
	 */
	@PostMapping("/customers/{id}/duplicates/{otherId}/merge")
	@PreAuthorize(CustomerAccess.WRITE)
	String merge(@PathVariable long id, @PathVariable long otherId, @RequestParam(required = false) String version,
			Authentication user, RedirectAttributes redirect) {
		try {
			customers.mergeConfirmed(otherId, id, version, user.getName());
		}
		catch (MergeConflict ex) {
			refused(redirect, ex);
			return "customers.problem.merge.changed".equals(ex.code())
					? "redirect:/customers/" + id + "/duplicates/" + otherId + "/merge" : "redirect:/customers/" + id;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "customers.problem.merge.changed");
			return "redirect:/customers/" + id + "/duplicates/" + otherId + "/merge";
		}
		catch (ConflictException | org.springframework.dao.ConcurrencyFailureException ex) {
			redirect.addFlashAttribute("problem", "customers.problem.conflict");
			return "redirect:/customers/" + id;
		}
		redirect.addFlashAttribute("notice", "customers.notice.merged");
		redirect.addFlashAttribute("noticeArg", "#" + otherId);
		return "redirect:/customers/" + id;
	}

	/** Undoes a merge into this customer (within 24 hours); the page says why when it cannot be. */
	@PostMapping("/customers/{id}/merges/{mergeId}/undo")
	@PreAuthorize(CustomerAccess.WRITE)
	String undoMerge(@PathVariable long id, @PathVariable long mergeId, Authentication user,
			RedirectAttributes redirect) {
		try {
			var back = customers.undoMerge(id, mergeId, user.getName());
			redirect.addFlashAttribute("notice", "customers.notice.unmerged");
			redirect.addFlashAttribute("noticeArg", "#" + back.id());
		}
		catch (MergeConflict ex) {
			refused(redirect, ex);
		}
		catch (ConflictException | org.springframework.dao.ConcurrencyFailureException ex) {
			redirect.addFlashAttribute("problem", "customers.problem.conflict");
		}
		return "redirect:/customers/" + id;
	}

	private static void refused(RedirectAttributes redirect, MergeConflict ex) {
		redirect.addFlashAttribute("problem", ex.code());
		redirect.addFlashAttribute("problemArgs", ex.args());
	}

	@PostMapping("/customers/{id}/duplicates/{otherId}/distinct")
	@PreAuthorize(CustomerAccess.WRITE)
	String keepDistinct(@PathVariable long id, @PathVariable long otherId, Authentication user,
			RedirectAttributes redirect) {
		try {
			customers.confirmDistinct(id, otherId, user.getName());
			redirect.addFlashAttribute("notice", "customers.notice.distinct");
			redirect.addFlashAttribute("noticeArg", "#" + otherId);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", "customers.problem.settled");
		}
		return "redirect:/customers/" + id;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
