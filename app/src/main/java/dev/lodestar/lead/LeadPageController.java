package dev.lodestar.lead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.worklist.DecisionHistory;
import dev.lodestar.worklist.WorklistService;
import jakarta.validation.Valid;

/**
 * The sales pages: the pipeline board ({@code /leads}), the capture form, a lead with its
 * history and its open step ({@code /leads/{id}}), and the CSV import with its report. The
 * open step's form is the task's own Camunda Form, completed through the worklist's task API
 * (the one door for task work), so the rules are those of the task page.
 */
@Controller
class LeadPageController {

	/** Whoever may read a lead's case (its tasks link here): sales, service for the welcome call, leadership. */
	static final String CASE_READERS = "hasAnyRole('sales-rep','sales-manager','service-agent','service-manager','executive','camunda-admin')";

	private final LeadPipeline leads;
	private final LeadCapture capture;
	private final LeadImport importer;
	private final CustomerService customers;
	private final WorklistService worklist;

	private final DecisionHistory decisions;

	private final LeadForecast forecast;

	private final dev.lodestar.attachment.AttachmentService attachments;

	private final LeadAttachments attachmentRule;

	private final PipelineExport exports;

	private final dev.lodestar.activity.ActivityService activities;

	LeadPageController(LeadPipeline leads, LeadCapture capture, LeadImport importer, CustomerService customers,
			WorklistService worklist, DecisionHistory decisions, LeadForecast forecast,
			dev.lodestar.attachment.AttachmentService attachments, LeadAttachments attachmentRule,
			PipelineExport exports, dev.lodestar.activity.ActivityService activities) {
		this.exports = exports;
		this.activities = activities;
		this.attachments = attachments;
		this.attachmentRule = attachmentRule;
		this.decisions = decisions;
		this.forecast = forecast;
		this.leads = leads;
		this.capture = capture;
		this.importer = importer;
		this.customers = customers;
		this.worklist = worklist;
	}

	/** The capture form's text as typed, without surrounding blanks; an empty field is no value. */
	@InitBinder("lead")
	void trimmed(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/leads")
	@PreAuthorize(LeadController.SALES)
	String board(@RequestParam(required = false) String owner, @RequestParam(required = false) Region region,
			@RequestParam(required = false) LeadSource source, @RequestParam(required = false) PipelineStage stage,
			@RequestParam(required = false) String view, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "created") String sort,
			@RequestParam(defaultValue = "desc") String dir, Model model) {
		var filter = filter(owner, region, source, stage);
		model.addAttribute("filter", filter);
		model.addAttribute("regions", Region.values());
		model.addAttribute("sources", LeadSource.values());
		if ("list".equals(view)) {
			// the pipeline as a table: every lead of the filter, paged, counted and ordered by the database
			model.addAttribute("list", leads.list(filter, sort, !"asc".equals(dir), page, size));
			model.addAttribute("owners", leads.owners());
			model.addAttribute("stages", PipelineStage.values());
			model.addAttribute("sort", sort);
			model.addAttribute("dir", "asc".equals(dir) ? "asc" : "desc");
			model.addAttribute("exportMax", EXPORT_MAX);
			return "leads-table";
		}
		model.addAttribute("pipeline", leads.pipeline(filter, Pipeline.CARDS_PER_COLUMN));
		model.addAttribute("forecast", forecast.forecast(filter.owner(), null, 3));
		return "leads";
	}

	/** The most rows an export of the pipeline list writes. */
	static final int EXPORT_MAX = 10_000;

	/**
	 * What the pipeline list shows (same filter and order), every page of it up to
	 * {@value #EXPORT_MAX} rows, as a CSV file in the reader's language, its cells neutralised
	 * against formulas. {@code X-Total-Count} says how many rows the list has in all.
	 */
	@GetMapping("/leads/export")
	@PreAuthorize(LeadController.SALES)
	void export(@RequestParam(required = false) String owner, @RequestParam(required = false) Region region,
			@RequestParam(required = false) LeadSource source, @RequestParam(required = false) PipelineStage stage,
			@RequestParam(defaultValue = "created") String sort, @RequestParam(defaultValue = "desc") String dir,
			Locale locale, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		exports.write(filter(owner, region, source, stage), sort, !"asc".equals(dir), EXPORT_MAX, locale, response);
	}

	static Pipeline.Filter filter(String owner, Region region, LeadSource source, PipelineStage stage) {
		return new Pipeline.Filter(owner == null || owner.isBlank() ? null : owner.strip(), region, source, stage);
	}

	/** The leads of a finished stage (won, lost, disqualified), a page at a time: where a folded column links. */
	@GetMapping("/leads/list")
	@PreAuthorize(LeadController.SALES)
	String finished(@RequestParam PipelineStage stage, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int size, Model model) {
		model.addAttribute("stage", stage);
		model.addAttribute("list", leads.finished(stage, page, size));
		return "leads-list";
	}

	@GetMapping("/leads/new")
	@PreAuthorize(LeadController.SALES)
	String captureForm(Model model) {
		if (!model.containsAttribute("lead")) {
			model.addAttribute("lead", new NewLead(null, null, null, null, null, null, null, null, null));
		}
		model.addAttribute("regions", Region.values());
		model.addAttribute("sources", LeadSource.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("errors", Map.of());
		return "lead-new";
	}

	@PostMapping("/leads/new")
	@PreAuthorize(LeadController.SALES)
	String capture(@Valid @ModelAttribute("lead") NewLead form, BindingResult invalid, Authentication user,
			Model model) {
		var errors = new LinkedHashMap<String, String>();
		invalid.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
		if (errors.isEmpty()) {
			try {
				var lead = LeadController.ownCapture(user) ? capture.captureOwn(form, user.getName())
						: capture.capture(form, user.getName());
				return "redirect:/leads/" + lead.id() + "?captured";
			}
			catch (InvalidInputException refused) {
				refused.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
			}
		}
		model.addAttribute("regions", Region.values());
		model.addAttribute("sources", LeadSource.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("errors", errors);
		return "lead-new";
	}

	@GetMapping("/leads/{id}")
	@PreAuthorize(CASE_READERS)
	String lead(@PathVariable long id, Authentication user, Locale locale, Model model) {
		model.addAttribute("forecastErrors", Map.of());
		return leadPage(id, user, locale, model);
	}

	/**
	 * The owner (or a sales manager) sets the lead's expected close date and probability from its
	 * page; a refusal shows the page again with each field's reason.
	 */
	@PostMapping("/leads/{id}/expected-close")
	@PreAuthorize(LeadController.SALES)
	String expectClose(@PathVariable long id, @Valid @ModelAttribute("expectedClose") LeadController.ExpectedClose form,
			BindingResult invalid, Authentication user, Locale locale, Model model) {
		var errors = new LinkedHashMap<String, String>();
		invalid.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
				e.isBindingFailure() ? "is not understood" : e.getDefaultMessage()));
		if (errors.isEmpty()) {
			try {
				forecast.expectClose(id, form.expectedCloseDate(), form.probability(), user.getName(),
						LeadController.groups(user));
				return "redirect:/leads/" + id + "?forecastSaved";
			}
			catch (InvalidInputException refused) {
				refused.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
			}
		}
		model.addAttribute("forecastErrors", errors);
		return leadPage(id, user, locale, model);
	}

	private String leadPage(long id, Authentication user, Locale locale, Model model) {
		LeadView lead = leads.get(id);
		model.addAttribute("mayForecast", forecast.mayEdit(id, user.getName(), LeadController.groups(user)));
		model.addAttribute("defaultCloseDays", forecast.defaultCloseDays());
		model.addAttribute("stageProbability", forecast.probabilities().get(leads.pipelineStage(id)));
		model.addAttribute("lead", lead);
		model.addAttribute("decisions", decisions.ofInstance(lead.processInstanceId(), locale));
		model.addAttribute("stage", leads.pipelineStage(id));
		model.addAttribute("customer",
				lead.customerId() == null ? null : customers.find(lead.customerId()).orElse(null));
		model.addAttribute("duplicateOf",
				lead.duplicateOfId() == null ? null : customers.find(lead.duplicateOfId()).orElse(null));
		model.addAttribute("steps", steps(lead.processInstanceId()));
		model.addAttribute("interactions",
				lead.customerId() == null ? List.of() : customers.interactions(lead.customerId(), 20, user.getName()));
		model.addAttribute("attachments", attachments.of(LeadAttachments.KIND, id));
		model.addAttribute("mayAttach", attachmentRule.mayAttach(id, user));
		model.addAttribute("activities", activities.forCase(LeadActivities.TYPE, id, dev.lodestar.worklist.Caller.of(user)));
		return "lead";
	}

	@GetMapping("/leads/import")
	@PreAuthorize(LeadController.SALES)
	String importForm(Model model) {
		model.addAttribute("codedColumns", LeadImport.codedColumns());
		model.addAttribute("columns", LeadImport.COLUMNS);
		return "leads-import";
	}

	/** The CSV template to fill in, as {@code GET /api/leads/import/template} hands it out. */
	@GetMapping("/leads/import/template")
	@PreAuthorize(LeadController.SALES)
	@ResponseBody
	ResponseEntity<String> importTemplate() {
		return LeadImport.templateDownload();
	}

	@PostMapping("/leads/import")
	@PreAuthorize(LeadController.SALES)
	String importFile(@RequestParam("file") MultipartFile file, Authentication user, Model model) throws IOException {
		model.addAttribute("codedColumns", LeadImport.codedColumns());
		model.addAttribute("columns", LeadImport.COLUMNS);
		model.addAttribute("fileName", file.getOriginalFilename());
		try {
			model.addAttribute("report", importer.run(new String(file.getBytes(), StandardCharsets.UTF_8), user.getName()));
		}
		catch (InvalidInputException invalid) {
			model.addAttribute("importError", invalid.errors().isEmpty() ? invalid.getMessage()
					: invalid.errors().get(0).message());
		}
		return "leads-import";
	}

	/** The steps of the lead's case so far, oldest first, with who did them, in the reader's language. */
	private List<Step> steps(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		return worklist.caseHistory(List.of(processInstanceId))
			.stream()
			.map(s -> new Step(s.name(), s.who(), s.started(), s.ended()))
			.toList();
	}

	/** One step of the case: done ({@code ended} set) or open. */
	record Step(String name, String who, java.time.Instant started, java.time.Instant ended) {

		public java.time.Instant at() {
			return Objects.requireNonNullElse(ended, started);
		}

	}

}
