package dev.lodestar.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.lodestar.complaint.Category;
import dev.lodestar.complaint.Channel;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.customer.Customer360;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.CustomerSummary;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.LeadView;
import dev.lodestar.lead.NewLead;
import dev.lodestar.lead.Region;
import dev.lodestar.system.InvalidInputException;

/**
 * The intake screen: look the caller up, then record a complaint or a lead for them. What was
 * typed in the look-up (and what the customer master knows) travels with both forms, so
 * nothing is typed twice; a refused form comes back with everything still filled in.
 */
@Controller
class IntakePageController {

	private static final String INTAKE = "hasAnyRole('service-agent', 'sales-rep')";

	private final CustomerService customers;
	private final ComplaintService complaints;
	private final LeadCapture leads;

	IntakePageController(CustomerService customers, ComplaintService complaints, LeadCapture leads) {
		this.customers = customers;
		this.complaints = complaints;
		this.leads = leads;
	}

	/**
	 * What the page shows after a case was recorded: the case and its first step. A flash
	 * attribute, kept in the session (the database's, with Spring Session): serializable.
	 */
	record Recorded(String kind, long id, String customerName, String taskId, String taskName, boolean taskIsMine,
			String casePage) implements java.io.Serializable {
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("categories", Category.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("regions", Region.values());
	}

	@GetMapping("/intake")
	@PreAuthorize(INTAKE)
	String intake(@RequestParam(required = false) String caller, Authentication user, Model model) {
		lookUp(caller, user, model);
		return "intake";
	}

	@PostMapping("/intake/complaints")
	@PreAuthorize(INTAKE)
	String complaint(@RequestParam(required = false) String caller, @RequestParam(required = false) Long customerId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String email,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String preferredContact,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(required = false) String description, Authentication user, Model model,
			RedirectAttributes redirect) {
		Optional<CustomerSummary> known = customerId == null ? Optional.empty() : customers.find(customerId);
		String customerName = known.map(CustomerSummary::name).orElse(name);
		// what the agent recorded on the form; a form without the fields (an old page) falls back to the look-up
		String replyEmail = email != null ? blankToNull(email)
				: known.map(CustomerSummary::email).orElse(isEmail(caller) ? caller.strip() : null);
		String replyPhone = phone != null ? blankToNull(phone)
				: known.map(CustomerSummary::phone).orElse(isEmail(caller) || blank(caller) ? null : caller.strip());
		try {
			Complaint complaint = complaints.register(new ComplaintIntake(customerName, replyEmail, replyPhone, channel,
					category, description, known.map(CustomerSummary::id).orElse(null), null, blankToNull(preferredContact)),
					user.getName());
			var first = complaints.openSteps(complaint.getId()).stream().findFirst();
			boolean service = hasAnyRole(user, "service-agent", "service-manager");
			redirect.addFlashAttribute("recorded", new Recorded("complaint", complaint.getId(), complaint.getCustomerName(),
					first.map(ComplaintService.OpenStep::taskId).orElse(null),
					first.map(ComplaintService.OpenStep::name).orElse(null),
					first.map(s -> user.getName().equals(s.assignee()) || s.candidateGroups().stream().anyMatch(g -> hasAnyRole(user, g)))
						.orElse(false),
					service ? "/complaints/" + complaint.getId() : null));
			return "redirect:" + intakeUrl(caller != null && !caller.isBlank() ? caller
					: (replyPhone != null ? replyPhone : replyEmail));
		}
		catch (InvalidInputException ex) {
			lookUp(caller, user, model);
			model.addAttribute("complaintErrors", ex.errors().stream().map(IntakePageController::shown).toList());
			model.addAttribute("complaintInput",
					new ComplaintInput(name, email, phone, preferredContact, channel, category, description));
			return "intake";
		}
	}

	/** A refusal as the page shows it: the field and a message key of the intake bundle. */
	record ShownError(String field, String key, String message) {
	}

	/** The service's refusals in the reader's language; one it does not know says "please check". */
	private static final Map<String, String> MESSAGE_KEYS = Map.of(
			"must not be blank", "intake.error.required",
			"must be an e-mail address", "intake.error.email",
			"must be a phone number", "intake.error.phone",
			"an e-mail address or a phone number is needed to reply", "intake.error.contact",
			"the customer prefers e-mail: an e-mail address is needed", "intake.error.prefersEmail",
			"the customer prefers the phone: a phone number is needed", "intake.error.prefersPhone");

	private static ShownError shown(InvalidInputException.FieldError error) {
		String key = MESSAGE_KEYS.get(error.message());
		if (key == null && error.message().startsWith("must be at most ")) {
			key = "intake.error.tooLong";
		}
		return new ShownError(error.field(), key == null ? "intake.invalid" : key, error.message());
	}

	@PostMapping("/intake/leads")
	@PreAuthorize(INTAKE)
	String lead(@RequestParam(required = false) String caller, @RequestParam(required = false) Long customerId,
			@RequestParam(required = false) String company, @RequestParam(required = false) String contactName,
			@RequestParam(required = false) String region, @RequestParam(required = false) String estimatedValue,
			@RequestParam(required = false) String notes, Authentication user, Model model,
			RedirectAttributes redirect) {
		Optional<CustomerSummary> known = customerId == null ? Optional.empty() : customers.find(customerId);
		String email = known.map(CustomerSummary::email).orElse(isEmail(caller) ? caller.strip() : null);
		String phone = known.map(CustomerSummary::phone).orElse(isEmail(caller) || blank(caller) ? null : caller.strip());
		try {
			LeadView lead = leads.capture(new NewLead(company, contactName, email, phone, isEmail(caller) ? "EMAIL" : "PHONE", region, notes,
					null, blank(estimatedValue) ? null : estimatedValue.strip()), user.getName());
			var first = lead.openTasks().stream().findFirst();
			boolean sales = hasAnyRole(user, "sales-rep", "sales-manager");
			redirect.addFlashAttribute("recorded", new Recorded("lead", lead.id(), lead.company(),
					first.map(LeadView.OpenTask::id).orElse(null), first.map(LeadView.OpenTask::name).orElse(null),
					first.map(t -> user.getName().equals(t.assignee())
							|| (t.assignee() == null && t.candidateGroups().stream().anyMatch(g -> hasAnyRole(user, g))))
						.orElse(false),
					sales ? "/leads/" + lead.id() : null));
			return "redirect:" + intakeUrl(caller);
		}
		catch (InvalidInputException ex) {
			lookUp(caller, user, model);
			model.addAttribute("leadErrors", ex.errors().stream().map(IntakePageController::shown).toList());
			model.addAttribute("leadInput", new LeadInput(company, contactName, region, estimatedValue, notes));
			return "intake";
		}
	}

	record ComplaintInput(String name, String email, String phone, String preferredContact, String channel,
			String category, String description) {
	}

	record LeadInput(String company, String contactName, String region, String estimatedValue, String notes) {
	}

	private void lookUp(String caller, Authentication user, Model model) {
		model.addAttribute("caller", caller);
		model.addAttribute("callerIsEmail", isEmail(caller));
		if (blank(caller)) {
			return;
		}
		Optional<CustomerSummary> found = isEmail(caller) ? customers.lookupByEmail(caller)
				: customers.lookupByPhone(caller);
		if (found.isEmpty() && !isEmail(caller)) {
			found = customers.lookupByEmail(caller);
		}
		model.addAttribute("lookedUp", true);
		if (found.isPresent()) {
			Customer360 view = customers.view(found.get().id(), user.getName());
			model.addAttribute("customer", view);
			model.addAttribute("recent", view.interactions().stream().limit(5).toList());
			model.addAttribute("contactName", view.contacts().isEmpty() ? view.customer().name()
					: view.contacts().get(0).name());
		}
	}

	private static String intakeUrl(String caller) {
		return UriComponentsBuilder.fromPath("/intake").queryParamIfPresent("caller", Optional.ofNullable(caller)
			.filter(c -> !c.isBlank())).build().encode().toUriString();
	}

	private static boolean isEmail(String caller) {
		return caller != null && caller.contains("@");
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static boolean hasAnyRole(Authentication user, String... roles) {
		List<String> wanted = List.of(roles);
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.startsWith("ROLE_") && wanted.contains(a.substring(5).toLowerCase(Locale.ROOT)));
	}

}
