package dev.lodestar.customer;


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
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;

/**
 * The customer pages: search ({@code /customers}) and the 360° view ({@code /customers/{id}})
 * with its sections as the modules that own the cases decide for the viewer; sales and service
 * log interactions and settle possible duplicates (merge or keep distinct) from it.
 */
@Controller
class CustomerPageController {

	private static final String PAGE = "hasAnyRole('sales-rep','sales-manager','service-agent','service-manager')";

	private final CustomerService customers;

	CustomerPageController(CustomerService customers) {
		this.customers = customers;
	}

	@GetMapping("/customers")
	@PreAuthorize(PAGE)
	String search(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", customers.search(q, 100));
		return "customers";
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
		return "customer";
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

	/** Merges the duplicate {@code otherId} into this customer, which lives on. */
	@PostMapping("/customers/{id}/duplicates/{otherId}/merge")
	@PreAuthorize(CustomerAccess.WRITE)
	String merge(@PathVariable long id, @PathVariable long otherId, Authentication user, RedirectAttributes redirect) {
		customers.merge(otherId, id, user.getName());
		redirect.addFlashAttribute("notice", "customers.notice.merged");
		redirect.addFlashAttribute("noticeArg", "#" + otherId);
		return "redirect:/customers/" + id;
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
