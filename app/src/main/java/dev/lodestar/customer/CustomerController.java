package dev.lodestar.customer;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.lodestar.system.CsvExport;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ListPage;
import dev.lodestar.system.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer master over HTTP: search, read, 360° view, interactions, duplicates and merge. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

	private final CustomerService customers;

	CustomerController(CustomerService customers) {
		this.customers = customers;
	}

	/**
	 * One page of the active customers, filtered by {@code q} (name, e-mail, phone or contact
	 * containing it, or customer number {@code #42}) and sorted on the server; as JSON, or as CSV
	 * (the same rows and the list's columns, cells neutralised) when the Accept header asks for
	 * {@code text/csv}. The total is in {@code X-Total-Count}, the neighbouring pages in
	 * {@code Link} (first, prev, next, last). {@code limit} is the older name of {@code size}.
	 */
	@GetMapping // no "produces": JSON is the default answer, also to Accept */*
	@PreAuthorize(CustomerAccess.READ)
	ResponseEntity<List<CustomerSummary>> search(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir) {
		var list = customers.list(CustomerListParameters.query(q, page, size != null ? size : limit, sort, dir));
		return ResponseEntity.ok().headers(pagingHeaders(list)).body(list.items());
	}

	/** The same page as CSV: Accept {@code text/csv}. */
	@GetMapping(produces = "text/csv")
	@PreAuthorize(CustomerAccess.READ)
	ResponseEntity<String> searchAsCsv(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir) {
		var list = customers.list(CustomerListParameters.query(q, page, size != null ? size : limit, sort, dir));
		var out = new java.io.StringWriter();
		try (var csv = CsvExport.to(out, CustomerListParameters.CSV_COLUMNS)) {
			list.items().forEach(c -> CustomerListParameters.row(csv, c));
		}
		return ResponseEntity.ok()
			.headers(pagingHeaders(list))
			.contentType(CsvExport.TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.csv\"")
			.body(out.toString());
	}

	private static HttpHeaders pagingHeaders(ListPage<?> list) {
		var headers = new HttpHeaders();
		headers.add("X-Total-Count", String.valueOf(list.total()));
		var links = new java.util.ArrayList<String>();
		links.add(link(1, "first"));
		if (list.hasPrevious()) {
			links.add(link(list.page() - 1, "prev"));
		}
		if (list.hasNext()) {
			links.add(link(list.page() + 1, "next"));
		}
		links.add(link(list.pages(), "last"));
		headers.add(HttpHeaders.LINK, String.join(", ", links));
		return headers;
	}

	private static String link(int page, String rel) {
		String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
		return "<" + uri + ">; rel=\"" + rel + "\"";
	}

	/** Call-centre intake: the customer with this e-mail or phone, or 404. */
	@GetMapping("/lookup")
	@PreAuthorize(CustomerAccess.READ)
	CustomerSummary lookup(@RequestParam(required = false) String email, @RequestParam(required = false) String phone) {
		if ((email == null || email.isBlank()) && (phone == null || phone.isBlank())) {
			throw new InvalidInputException("email", "give an e-mail address or a phone number");
		}
		var found = email != null && !email.isBlank() ? customers.lookupByEmail(email) : customers.lookupByPhone(phone);
		return found.orElseThrow(() -> new NotFoundException("Customer with", email != null ? email : phone));
	}

	/** Existing customers resembling a name, e-mail or phone: certain matches first, then likely ones. */
	@GetMapping("/matches")
	@PreAuthorize(CustomerAccess.READ)
	List<CustomerMatch> matches(@RequestParam(required = false) String name,
			@RequestParam(required = false) String email, @RequestParam(required = false) String phone) {
		return customers.match(name, email, phone);
	}

	/** Creates a customer, or links to the existing one with the same e-mail or phone. */
	@PostMapping
	@PreAuthorize(CustomerAccess.WRITE)
	ResponseEntity<CustomerLink> create(@Valid @RequestBody CustomerRequest request, Authentication user) {
		var link = customers.createOrLink(new CustomerDraft(request.kind(), request.name(), request.contactName(),
				request.email(), request.phone(), request.region(), request.segment()), user.getName());
		var status = link.outcome() == CustomerLink.Outcome.LINKED ? HttpStatus.OK : HttpStatus.CREATED;
		return ResponseEntity.status(status)
			.location(URI.create("/api/customers/" + link.customer().id()))
			.body(link);
	}

	@GetMapping("/{id}")
	@PreAuthorize(CustomerAccess.READ)
	CustomerDetails read(@PathVariable long id) {
		return customers.details(id);
	}

	/** Everything about the customer: contacts, interactions, leads, opportunities, complaints, open tasks. */
	@GetMapping("/{id}/view")
	@PreAuthorize(CustomerAccess.READ)
	Customer360 view(@PathVariable long id, Authentication user) {
		return customers.view(id, user.getName());
	}

	@GetMapping("/{id}/interactions")
	@PreAuthorize(CustomerAccess.READ)
	List<InteractionEntry> interactions(@PathVariable long id, @RequestParam(defaultValue = "50") int limit,
			Authentication user) {
		// filtered by the rule of the 360° section each interaction belongs to (complaint data, lead data)
		return customers.interactions(id, Math.min(limit, 500), user.getName());
	}

	/**
	 * Logs a call, visit, e-mail, meeting or note; the caller is recorded as who had it. One about a
	 * lead or a complaint ({@code subjectType}, {@code subjectId}) needs the right to see that case.
	 */
	@PostMapping("/{id}/interactions")
	@PreAuthorize(CustomerAccess.WRITE)
	ResponseEntity<InteractionEntry> logInteraction(@PathVariable long id,
			@Valid @RequestBody InteractionRequest request, Authentication user) {
		var entry = customers.writeInteraction(id, new NewInteraction(request.type(), request.occurredAt(),
				user.getName(), request.contactName(), request.summary(), request.outcome(), request.subjectType(),
				request.subjectId()));
		return ResponseEntity.created(URI.create("/api/customers/" + entry.customerId() + "/interactions"))
			.body(entry);
	}

	@PostMapping("/{id}/contacts")
	@PreAuthorize(CustomerAccess.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ContactSummary addContact(@PathVariable long id, @Valid @RequestBody ContactRequest request) {
		return customers.addContact(id, new NewContact(request.name(), request.jobTitle(), request.email(),
				request.phone()));
	}

	/** Customers that resemble this one and wait for a person to confirm or merge. */
	@GetMapping("/{id}/duplicates")
	@PreAuthorize(CustomerAccess.READ)
	List<CustomerMatch> duplicates(@PathVariable long id) {
		return customers.possibleDuplicates(id);
	}

	/** The two customers are different companies or people: close the resemblance. */
	@PostMapping("/{id}/duplicates/{otherId}/distinct")
	@PreAuthorize(CustomerAccess.WRITE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void confirmDistinct(@PathVariable long id, @PathVariable long otherId, Authentication user) {
		customers.confirmDistinct(id, otherId, user.getName());
	}

	/**
	 * What merging this customer into {@code into} would do: the survivor as it would look, what
	 * moves, the conflicts and the value kept; its {@code version} is what the merge must carry.
	 */
	@GetMapping("/{id}/merge-preview")
	@PreAuthorize(CustomerAccess.WRITE)
	MergePreview mergePreview(@PathVariable long id, @RequestParam long into) {
		return customers.mergePreview(id, into);
	}

	/**
	 * Merges this customer into the surviving one, as previewed: {@code version} is the preview's;
	 * when either customer changed since, 409 and nothing is merged. Returns the survivor.
	 */
	@PostMapping("/{id}/merge")
	@PreAuthorize(CustomerAccess.WRITE)
	CustomerSummary merge(@PathVariable long id, @Valid @RequestBody MergeRequest request, Authentication user) {
		return customers.mergeConfirmed(id, request.survivorId(), request.version(), user.getName());
	}

	/** The merges into this customer, newest first, each with whether it can still be undone. */
	@GetMapping("/{id}/merges")
	@PreAuthorize(CustomerAccess.READ)
	List<MergeRecord> merges(@PathVariable long id) {
		return customers.mergesInto(id);
	}

	/**
	 * Undoes a merge into this customer (within 24 hours, while nothing changed that it would
	 * take along): returns the customer that is back; 409 naming why it cannot be.
	 */
	@PostMapping("/{id}/merges/{mergeId}/undo")
	@PreAuthorize(CustomerAccess.WRITE)
	CustomerSummary undoMerge(@PathVariable long id, @PathVariable long mergeId, Authentication user) {
		return customers.undoMerge(id, mergeId, user.getName());
	}

	record CustomerRequest(CustomerKind kind, @NotBlank @Size(max = 300) String name,
			@Size(max = 200) String contactName, @Email @Size(max = 320) String email, @Size(max = 64) String phone,
			@Size(max = 64) String region, @Size(max = 64) String segment) {
	}

	record InteractionRequest(@NotNull InteractionType type, Instant occurredAt, @Size(max = 200) String contactName,
			@NotBlank @Size(max = 2000) String summary, @Size(max = 1000) String outcome,
			@Size(max = 32) String subjectType, @Size(max = 64) String subjectId) {
	}

	record ContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String jobTitle,
			@Email @Size(max = 320) String email, @Size(max = 64) String phone) {
	}

	record MergeRequest(@NotNull Long survivorId, @NotBlank @Size(max = 64) String version) {
	}

}
