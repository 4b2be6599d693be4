package dev.lodestar.lead;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.lodestar.customer.InteractionEntry;
import dev.lodestar.customer.InteractionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Leads over HTTP: capture (one by one or from CSV), read, search, log interactions, and one
 * endpoint per step of lead-to-sale. A step endpoint completes the lead's open task of that
 * kind as the caller (claiming it when it is in the caller's queue).
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

	static final String SALES = "hasAnyRole('sales-rep','sales-manager')";
	static final String READ = "hasAnyRole('sales-rep','sales-manager','executive','camunda-admin')";

	private final LeadCapture capture;
	private final LeadPipeline leads;
	private final LeadSteps steps;
	private final LeadImport importer;
	private final LeadForecast forecast;

	private final LeadMoves moves;
	private final PipelineExport exports;

	LeadController(LeadCapture capture, LeadPipeline leads, LeadSteps steps, LeadImport importer,
			LeadForecast forecast, LeadMoves moves, PipelineExport exports) {
		this.moves = moves;
		this.exports = exports;
		this.forecast = forecast;
		this.capture = capture;
		this.leads = leads;
		this.steps = steps;
		this.importer = importer;
	}

	/** Captures a lead and starts its lead-to-sale case (business key = the lead id). */
	@PostMapping
	@PreAuthorize(SALES)
	ResponseEntity<LeadView> capture(@Valid @RequestBody NewLead request, Authentication user) {
		var lead = ownCapture(user) ? capture.captureOwn(request, user.getName()) : capture.capture(request, user.getName());
		return ResponseEntity.created(URI.create("/api/leads/" + lead.id())).body(lead);
	}

	/** A lead a sales rep captures through the page or the API is hers (imports, mail and web forms go to the queue). */
	static boolean ownCapture(Authentication user) {
		return dev.lodestar.worklist.Caller.of(user).hasRole(dev.lodestar.access.Roles.SALES_REP);
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	LeadView read(@PathVariable long id) {
		return leads.get(id);
	}

	/**
	 * The weighted forecast per owner and month against target: {@code months} months (1 to 12,
	 * default 3) from {@code from} ({@code 2026-12}; default this month), of one {@code owner}'s
	 * open leads or everybody's, with the leads that make each cell.
	 */
	@GetMapping("/forecast")
	@PreAuthorize(READ)
	Forecast forecast(@RequestParam(required = false) String owner, @RequestParam(required = false) YearMonth from,
			@RequestParam(defaultValue = "3") int months) {
		return forecast.forecast(owner, from, months);
	}

	/**
	 * The owner (or a sales manager) sets when the lead is expected to close and, optionally, how
	 * likely it is in percent (without it, its stage's); answers the lead.
	 */
	@PostMapping("/{id}/expected-close")
	@PreAuthorize(SALES)
	LeadView expectClose(@PathVariable long id, @Valid @RequestBody ExpectedClose request, Authentication user) {
		forecast.expectClose(id, request.expectedCloseDate(), request.probability(), user.getName(), groups(user));
		return leads.get(id);
	}

	/** Leads newest first; {@code q} searches company, contact and e-mail. */
	@GetMapping
	@PreAuthorize(READ)
	List<LeadView> search(@RequestParam(required = false) LeadStage stage, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "50") int limit) {
		return leads.search(stage, q, limit);
	}

	/**
	 * What dropping the lead on the board's column {@code to} opens: its open step whose
	 * completion can take it there, if the caller may do it (the board never moves a lead by
	 * itself). 409 when no open step leads there, 403 when the step is not the caller's; the
	 * problem's {@code detail} says why in the caller's language.
	 */
	@GetMapping("/{id}/step")
	@PreAuthorize(SALES)
	LeadMoves.Step stepTo(@PathVariable long id, @RequestParam PipelineStage to, Authentication user,
			java.util.Locale locale) {
		return moves.stepTo(id, to, user, locale);
	}

	/**
	 * The pipeline list as CSV, as its page exports it: every lead of the filter ({@code owner},
	 * {@code region}, {@code source}, {@code stage}) in the list's order ({@code sort} created or
	 * company, {@code dir}), at most {@value LeadPageController#EXPORT_MAX} rows, headers in the
	 * caller's language, cells neutralised against formulas; {@code X-Total-Count} the rows in all.
	 */
	@GetMapping("/export")
	@PreAuthorize(SALES)
	void export(@RequestParam(required = false) String owner, @RequestParam(required = false) Region region,
			@RequestParam(required = false) LeadSource source, @RequestParam(required = false) PipelineStage stage,
			@RequestParam(defaultValue = "created") String sort, @RequestParam(defaultValue = "desc") String dir,
			java.util.Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		exports.write(LeadPageController.filter(owner, region, source, stage), sort, !"asc".equals(dir),
				LeadPageController.EXPORT_MAX, locale, response);
	}

	/** Logs a call, visit, e-mail, meeting or note about the lead on its customer. */
	@PostMapping("/{id}/interactions")
	@PreAuthorize(SALES)
	ResponseEntity<InteractionEntry> logInteraction(@PathVariable long id,
			@Valid @RequestBody InteractionRequest request, Authentication user) {
		var entry = capture.logInteraction(id, request.type(), request.contactName(), request.summary(),
				request.outcome(), request.occurredAt(), user.getName());
		return ResponseEntity.created(URI.create("/api/customers/" + entry.customerId() + "/interactions")).body(entry);
	}

	/** Imports leads from a CSV body ({@code text/csv}); answers with a report per row. */
	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize(SALES)
	ImportReport importCsv(@RequestBody String csv, Authentication user) {
		return importer.run(csv, user.getName());
	}

	/**
	 * A CSV file to fill in: the header naming every column the import reads and one example row
	 * (codes as the import expects them, an amount as a person writes it).
	 */
	@GetMapping("/import/template")
	@PreAuthorize(SALES)
	ResponseEntity<String> importTemplate() {
		return LeadImport.templateDownload();
	}

	/** Imports leads from an uploaded CSV file (form field {@code file}). */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(SALES)
	ImportReport importFile(@RequestPart("file") MultipartFile file, Authentication user) throws java.io.IOException {
		return importer.run(new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8), user.getName());
	}

	@PostMapping("/{id}/duplicate-review")
	@PreAuthorize(SALES)
	LeadView reviewDuplicate(@PathVariable long id, @Valid @RequestBody DuplicateReview request, Authentication user) {
		return step(id, LeadProcess.REVIEW_DUPLICATE, user, Map.of(LeadProcess.DUPLICATE_DECISION, request.decision()));
	}

	@PostMapping("/{id}/qualification")
	@PreAuthorize(SALES)
	LeadView qualify(@PathVariable long id, @Valid @RequestBody Qualification request, Authentication user) {
		var variables = new HashMap<String, Object>();
		variables.put(LeadProcess.QUALIFIED, request.qualified());
		put(variables, LeadProcess.BUDGET, request.budget());
		put(variables, LeadProcess.DECISION_MAKER, request.decisionMaker());
		put(variables, LeadProcess.NEED, request.need());
		put(variables, LeadProcess.TIMELINE, request.timeline());
		put(variables, LeadProcess.DISQUALIFY_REASON, request.disqualifyReason());
		return step(id, LeadProcess.QUALIFY_LEAD, user, variables);
	}

	@PostMapping("/{id}/proposal")
	@PreAuthorize(SALES)
	LeadView propose(@PathVariable long id, @Valid @RequestBody Proposal request, Authentication user) {
		var variables = new HashMap<String, Object>();
		put(variables, LeadProcess.AMOUNT, request.amount());
		put(variables, LeadProcess.DISCOUNT_PERCENT, request.discountPercent());
		put(variables, LeadProcess.DECISION_MAKER, request.decisionMaker());
		put(variables, LeadProcess.PROPOSAL_SUMMARY, request.proposalSummary());
		put(variables, LeadProcess.NEXT_FOLLOW_UP, request.nextFollowUp() == null ? null : request.nextFollowUp().toString());
		return step(id, LeadProcess.PREPARE_PROPOSAL, user, variables);
	}

	/** A sales manager approves or rejects the proposal's discount. */
	@PostMapping("/{id}/discount-decision")
	@PreAuthorize("hasRole('sales-manager')")
	LeadView decideDiscount(@PathVariable long id, @Valid @RequestBody DiscountDecision request, Authentication user) {
		var variables = new HashMap<String, Object>();
		variables.put(LeadProcess.DISCOUNT_APPROVED, request.approved());
		put(variables, LeadProcess.DISCOUNT_COMMENT, request.comment());
		return step(id, LeadProcess.APPROVE_DISCOUNT, user, variables);
	}

	@PostMapping("/{id}/outcome")
	@PreAuthorize(SALES)
	LeadView closeDeal(@PathVariable long id, @Valid @RequestBody Outcome request, Authentication user) {
		var variables = new HashMap<String, Object>();
		variables.put(LeadProcess.WON, request.won().toString()); // the form's radio: "true" / "false"
		put(variables, LeadProcess.FINAL_AMOUNT, request.finalAmount());
		put(variables, LeadProcess.LOST_REASON, request.lostReason());
		return step(id, LeadProcess.NEGOTIATE_DEAL, user, variables);
	}

	/** Service's welcome call to the won customer. */
	@PostMapping("/{id}/welcome-call")
	@PreAuthorize("hasAnyRole('service-agent','service-manager')")
	LeadView welcomeCall(@PathVariable long id, @Valid @RequestBody WelcomeCall request, Authentication user) {
		return step(id, LeadProcess.WELCOME_CALL, user, Map.of(LeadProcess.WELCOME_NOTES, request.notes()));
	}

	private LeadView step(long id, String taskKey, Authentication user, Map<String, Object> variables) {
		return steps.completeStep(id, taskKey, user.getName(), groups(user), variables);
	}

	static Set<String> groups(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toSet());
	}

	private static void put(Map<String, Object> variables, String name, Object value) {
		if (value != null) {
			variables.put(name, value);
		}
	}

	record InteractionRequest(@NotNull InteractionType type, Instant occurredAt, @Size(max = 200) String contactName,
			@NotBlank @Size(max = 2000) String summary, @Size(max = 1000) String outcome) {
	}

	record DuplicateReview(@NotBlank @Size(max = 20) String decision) {
	}

	record Qualification(@NotNull Boolean qualified, @Size(max = 500) String budget,
			@Size(max = 200) String decisionMaker, @Size(max = 4000) String need, @Size(max = 500) String timeline,
			@Size(max = 4000) String disqualifyReason) {
	}

	record Proposal(@DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal amount,
			@DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
			@Size(max = 200) String decisionMaker, @Size(max = 4000) String proposalSummary, Instant nextFollowUp) {
	}

	record DiscountDecision(@NotNull Boolean approved, @Size(max = 4000) String comment) {
	}

	record Outcome(@NotNull Boolean won, @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal finalAmount,
			@Size(max = 4000) String lostReason) {
	}

	/** When the lead is expected to close ({@code 2026-12-31}) and, optionally, its probability in percent. */
	record ExpectedClose(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
			@Min(0) @Max(100) Integer probability) {
	}

	record WelcomeCall(@NotBlank @Size(max = 4000) String notes) {
	}

}
