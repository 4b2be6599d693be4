package dev.lodestar.lead;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerKind;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionEntry;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.DecimalColumn;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import dev.lodestar.system.JsonInputLimits;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;

/**
 * Leads and opportunities. {@link #capture} writes the lead and starts its {@code lead-to-sale}
 * instance in one transaction (business key = lead id); the other commands complete the
 * lead's current step, whose rules the entities enforce.
 */
@Service
@Transactional
public class LeadService {

	/** Deliberately simple: one @, something before it, a dot after it, no blanks. */
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final Leads leads;
	private final Opportunities opportunities;
	private final CustomerService customers;
	private final RuntimeService runtimeService;
	private final TaskService taskService;
	private final WorklistService worklist;
	private final LeadSettings settings;
	private final Clock clock;

	LeadService(Leads leads, Opportunities opportunities, CustomerService customers, RuntimeService runtimeService,
			TaskService taskService, WorklistService worklist, LeadSettings settings, Optional<Clock> clock) {
		this.worklist = worklist;
		this.leads = leads;
		this.opportunities = opportunities;
		this.customers = customers;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.settings = settings;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	private org.springframework.context.ApplicationEventPublisher events;

	/** Outcomes (lead lost) go out as events; set apart from the constructor to keep this class's edits small. */
	@org.springframework.beans.factory.annotation.Autowired
	void setEvents(org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
	}

	private void publish(Object event) {
		if (events != null) {
			events.publishEvent(event);
		}
	}

	/**
	 * Checks the lead (every invalid field is named), saves it and starts its process, whose
	 * first steps match it against the customer master and route it.
	 */
	public LeadView capture(NewLead input, String user) {
		var valid = validate(input);
		var lead = leads.save(new Lead(input.company(), input.contactName(), input.email(), input.phone(),
				valid.source(), valid.region(), valid.segment(), valid.estimatedValue(), input.notes(), user,
				clock.instant()));
		var variables = new HashMap<String, Object>();
		variables.put(LeadProcess.LEAD_ID, lead.getId());
		variables.put(LeadProcess.SOURCE, valid.source().name());
		variables.put(LeadProcess.REGION, valid.region().name());
		variables.put(LeadProcess.SEGMENT, lead.getSegment().name());
		variables.put(LeadProcess.DEAL_SIZE, valid.estimatedValue() == null ? 0d : valid.estimatedValue().doubleValue());
		var instance = runtimeService.startProcessInstanceByKey(LeadProcess.KEY, String.valueOf(lead.getId()),
				variables);
		lead.startedAs(instance.getId());
		return view(lead);
	}

	@Transactional(readOnly = true)
	public LeadView get(long id) {
		return view(load(id));
	}

	/** Leads newest first, optionally of one stage and containing a text in company, contact or e-mail. */
	@Transactional(readOnly = true)
	public List<LeadView> search(LeadStage stage, String text, int limit) {
		var stages = stage == null ? EnumSet.allOf(LeadStage.class) : EnumSet.of(stage);
		String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		return leads.search(stages, lower, PageRequest.of(0, Math.max(1, Math.min(limit, 500))))
			.stream()
			.map(this::view)
			.toList();
	}

	/**
	 * The pipeline board: a column per stage, in the pipeline's order, each with how many leads
	 * pass the filter and what they are worth (counted by the database over all leads), and the
	 * cards of the newest {@code limit} open leads. Finished stages (won, lost, disqualified) get
	 * no cards: the board folds them to their count, so it does not grow with the history.
	 */
	@Transactional(readOnly = true)
	public Pipeline pipeline(Pipeline.Filter filter, int limit) {
		var counts = new java.util.EnumMap<PipelineStage, Long>(PipelineStage.class);
		var values = new java.util.EnumMap<PipelineStage, BigDecimal>(PipelineStage.class);
		var owners = new java.util.TreeSet<String>();
		for (PipelineTotal total : leads.stageTotals()) {
			if (total.owner() != null) {
				owners.add(total.owner());
			}
			if (filter.accepts(total.owner(), total.region(), total.source())) {
				counts.merge(total.stage(), total.count(), Long::sum);
				if (total.value() != null) {
					values.merge(total.stage(), total.value(), BigDecimal::add);
				}
			}
		}
		var open = leads.findOpen(PageRequest.of(0, Math.max(1, Math.min(limit, 2000))));
		var byLead = new HashMap<Long, Opportunity>();
		if (!open.isEmpty()) {
			opportunities.findByLeadIdIn(open.stream().map(Lead::getId).toList())
				.forEach(o -> byLead.put(o.getLeadId(), o));
		}
		var cards = new java.util.EnumMap<PipelineStage, List<Pipeline.Card>>(PipelineStage.class);
		for (Lead lead : open) {
			Opportunity opportunity = byLead.get(lead.getId());
			var card = card(lead, opportunity);
			PipelineStage stage = PipelineStage.of(lead, opportunity);
			if (filter.accepts(card) && !stage.finished()) {
				cards.computeIfAbsent(stage, s -> new ArrayList<>()).add(card);
			}
		}
		var columns = new ArrayList<Pipeline.Column>();
		for (PipelineStage stage : PipelineStage.values()) {
			columns.add(new Pipeline.Column(stage, counts.getOrDefault(stage, 0L),
					values.getOrDefault(stage, BigDecimal.ZERO), cards.getOrDefault(stage, List.of())));
		}
		return new Pipeline(columns, List.copyOf(owners));
	}

	/**
	 * One page of the leads in a finished stage (won, lost, disqualified), newest first: the list
	 * a folded column of the board links to.
	 */
	@Transactional(readOnly = true)
	public dev.lodestar.system.ListPage<Pipeline.Card> finished(PipelineStage stage, int page, int size) {
		if (stage == null || !stage.finished()) {
			throw new InvalidInputException("stage", "must be one of WON, LOST, DISQUALIFIED");
		}
		var request = dev.lodestar.system.ListPage.request(page, size, org.springframework.data.domain.Sort.unsorted());
		boolean disqualified = stage == PipelineStage.DISQUALIFIED;
		var found = leads.findFinished(disqualified,
				disqualified ? OpportunityStage.LOST : OpportunityStage.valueOf(stage.name()),
				PageRequest.of(request.getPageNumber(), request.getPageSize(),
						org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
								"createdAt", "id")));
		var byLead = new HashMap<Long, Opportunity>();
		if (!found.isEmpty()) {
			opportunities.findByLeadIdIn(found.map(Lead::getId).toList()).forEach(o -> byLead.put(o.getLeadId(), o));
		}
		return dev.lodestar.system.ListPage.of(found, lead -> card(lead, byLead.get(lead.getId())));
	}

	/** A lead as the board shows it: its opportunity's owner and amount once there is one. */
	private static Pipeline.Card card(Lead lead, Opportunity opportunity) {
		String owner = opportunity != null && opportunity.getOwner() != null ? opportunity.getOwner() : lead.getOwner();
		BigDecimal value = opportunity == null ? lead.getEstimatedValue()
				: opportunity.getFinalAmount() != null ? opportunity.getFinalAmount()
						: opportunity.getAmount() != null ? opportunity.getAmount() : lead.getEstimatedValue();
		return new Pipeline.Card(lead.getId(), lead.getCompany(), lead.getContactName(), owner, lead.getRegion(),
				lead.getSource(), lead.getPriority(), value, lead.getCreatedAt());
	}

	/** Where the lead stands on the pipeline board. */
	@Transactional(readOnly = true)
	public PipelineStage pipelineStage(long id) {
		Lead lead = load(id);
		return PipelineStage.of(lead, opportunities.findByLeadId(id).orElse(null));
	}

	/** Logs a call, visit, e-mail, meeting or note about the lead on its customer's interaction log. */
	public InteractionEntry logInteraction(long leadId, InteractionType type, String contactName, String summary,
			String outcome, Instant occurredAt, String user) {
		Lead lead = load(leadId);
		if (lead.getCustomerId() == null) {
			throw new ConflictException("Lead " + leadId + " has no customer yet.");
		}
		return customers.logInteraction(lead.getCustomerId(), new NewInteraction(type, occurredAt, user,
				contactName != null ? contactName : lead.getContactName(), summary, outcome, "lead",
				String.valueOf(leadId)));
	}

	/**
	 * Completes the lead's open task of this kind as this user: claims it first if it is in one
	 * of the user's queues. Someone else's task or a step already done is a conflict (409); a
	 * task of a role the user lacks is refused (403); the stage rules answer 400.
	 */
	public LeadView completeStep(long leadId, String taskDefinitionKey, String user, Collection<String> groups,
			Map<String, Object> variables) {
		// two people finishing the same step at once: the second waits here, then finds it done (409)
		Lead lead = leads.lockById(leadId).orElseThrow(() -> new NotFoundException("Lead", leadId));
		Task task = taskService.createTaskQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		if (task == null) {
			throw new ConflictException("Lead " + leadId + " has no open step " + taskDefinitionKey + " (it is "
					+ lead.getStage() + "); somebody may have completed it already.");
		}
		var candidateGroups = taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.toList();
		boolean inQueue = candidateGroups.stream().anyMatch(groups::contains);
		if (!inQueue && !user.equals(task.getAssignee())) {
			throw new AuthorizationException("'" + task.getName() + "' is work for " + candidateGroups + ".");
		}
		// the one door: visibility, claim, the form's strict types, stage rules, engine errors
		worklist.complete(new Caller(user, List.copyOf(groups)), task.getId(), variables,
				LocaleContextHolder.getLocale());
		return view(load(leadId));
	}

	// ---- steps of the process (called by the delegates and listeners) ----

	/** De-duplication: link the lead to its customer, creating one if nobody matches. */
	boolean matchCustomer(long leadId) {
		Lead lead = load(leadId);
		String user = lead.getCreatedBy();
		var link = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, lead.getCompany(),
				lead.getContactName(), lead.getEmail(), lead.getPhone(), lead.getRegion().name(),
				lead.getSegment() == Segment.UNKNOWN ? null : lead.getSegment().name()), user);
		Long likelyDuplicateOf = link.likelyDuplicates().isEmpty() ? null
				: link.likelyDuplicates().get(0).customer().id();
		lead.linkCustomer(link.customer().id(), likelyDuplicateOf, clock.instant());
		customers.logInteraction(link.customer().id(), new NewInteraction(InteractionType.NOTE, lead.getCreatedAt(),
				lead.getCreatedBy(), lead.getContactName(),
				"Lead #" + leadId + " captured from " + lead.getSource().name().toLowerCase(Locale.ROOT)
						+ (lead.getNotes() != null ? ": " + lead.getNotes() : ""),
				null, "lead", String.valueOf(leadId)));
		return likelyDuplicateOf != null;
	}

	Long customerOf(long leadId) {
		return load(leadId).getCustomerId();
	}

	Long duplicateOf(long leadId) {
		return load(leadId).getDuplicateOfId();
	}

	void resolveDuplicate(long leadId, String decision, String user) {
		Lead lead = load(leadId);
		if (lead.getDuplicateOfId() == null) {
			lead.duplicateResolved(lead.getCustomerId(), clock.instant());
			return;
		}
		if (LeadProcess.DECISION_MERGE.equals(decision)) {
			var survivor = customers.merge(lead.getCustomerId(), lead.getDuplicateOfId(), user);
			lead.duplicateResolved(survivor.id(), clock.instant());
		}
		else if (LeadProcess.DECISION_DISTINCT.equals(decision)) {
			customers.confirmDistinct(lead.getCustomerId(), lead.getDuplicateOfId(), user);
			lead.duplicateResolved(lead.getCustomerId(), clock.instant());
		}
		else {
			throw new InvalidInputException(LeadProcess.DUPLICATE_DECISION,
					"must be " + LeadProcess.DECISION_MERGE + " or " + LeadProcess.DECISION_DISTINCT);
		}
	}

	void routed(long leadId, String priority, String queue) {
		load(leadId).routed(priority, queue, clock.instant());
	}

	void claimed(long leadId, String user) {
		Lead lead = load(leadId);
		if (lead.getStage() == LeadStage.QUALIFYING && user != null) {
			lead.claimedBy(user, clock.instant());
		}
	}

	/** Returns the untouched lead to its queue; the caller notifies the managers. */
	Lead returnToQueue(long leadId) {
		Lead lead = load(leadId);
		lead.returnedToQueue(clock.instant());
		return lead;
	}

	void qualify(long leadId, boolean qualified, Map<String, Object> answers, String user) {
		Lead lead = load(leadId);
		if (qualified) {
			lead.qualify(text(answers.get(LeadProcess.BUDGET)), text(answers.get(LeadProcess.DECISION_MAKER)),
					text(answers.get(LeadProcess.NEED)), text(answers.get(LeadProcess.TIMELINE)), user, clock.instant());
		}
		else {
			lead.disqualify(text(answers.get(LeadProcess.DISQUALIFY_REASON)), user, clock.instant());
			publish(new LeadLost(leadId, user, true));
		}
	}

	Opportunity openOpportunity(long leadId) {
		Lead lead = load(leadId);
		return opportunities.findByLeadId(leadId)
			.orElseGet(() -> opportunities.save(new Opportunity(lead, clock.instant())));
	}

	/** Applies the proposal; returns the follow-up date as the process needs it. */
	Instant propose(long leadId, Object amount, Object discountPercent, Object decisionMaker, Object summary,
			Object nextFollowUp) {
		Opportunity opportunity = opportunity(leadId);
		var errors = new ArrayList<FieldError>();
		BigDecimal amountValue = decimal(amount, LeadProcess.AMOUNT, errors);
		BigDecimal discountValue = decimal(discountPercent, LeadProcess.DISCOUNT_PERCENT, errors);
		Instant followUp = instant(nextFollowUp, LeadProcess.NEXT_FOLLOW_UP, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		opportunity.propose(amountValue, discountValue, text(decisionMaker), text(summary), followUp, clock.instant());
		return followUp;
	}

	void awaitDiscountApproval(long leadId) {
		opportunity(leadId).awaitDiscountApproval(clock.instant());
	}

	void decideDiscount(long leadId, boolean approved, Object comment, String user) {
		Opportunity opportunity = opportunity(leadId);
		if (approved) {
			opportunity.approveDiscount(user, text(comment), clock.instant());
		}
		else {
			opportunity.rejectDiscount(user, text(comment), clock.instant());
		}
	}

	void startNegotiation(long leadId) {
		opportunity(leadId).startNegotiation(discountApprovalThreshold(), clock.instant());
	}

	/** Read from the settings when the gateway asks, never from a variable a task's worker could write. */
	boolean needsDiscountApproval(long leadId) {
		return opportunity(leadId).needsDiscountApproval(discountApprovalThreshold());
	}

	private BigDecimal discountApprovalThreshold() {
		return BigDecimal.valueOf(settings.discountApprovalThreshold());
	}

	void closeDeal(long leadId, boolean won, Object finalAmount, Object lostReason) {
		Opportunity opportunity = opportunity(leadId);
		if (won) {
			var errors = new ArrayList<FieldError>();
			BigDecimal amount = decimal(finalAmount, LeadProcess.FINAL_AMOUNT, errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			opportunity.win(amount, clock.instant());
		}
		else {
			opportunity.lose(text(lostReason), clock.instant());
			publish(new LeadLost(leadId, opportunity.getOwner(), false));
		}
	}

	/** The won customer goes to service: noted on the customer, announced to other modules. */
	LeadWon handOver(long leadId) {
		Lead lead = load(leadId);
		Opportunity opportunity = opportunity(leadId);
		if (lead.getCustomerId() != null) {
			customers.logInteraction(lead.getCustomerId(), new NewInteraction(InteractionType.NOTE, clock.instant(),
					opportunity.getOwner() != null ? opportunity.getOwner() : lead.getCreatedBy(), null,
					"Deal won (lead #" + leadId + ", " + opportunity.getFinalAmount()
							+ "): handed over to service for the welcome call",
					"won", "lead", String.valueOf(leadId)));
		}
		return new LeadWon(leadId, opportunity.getId(), lead.getCustomerId(), opportunity.getFinalAmount(),
				opportunity.getOwner());
	}

	void welcomeCallDone(long leadId, Object notes, String user) {
		Lead lead = load(leadId);
		if (lead.getCustomerId() != null) {
			String summary = notes == null || notes.toString().isBlank() ? "Welcome call after the sale"
					: notes.toString();
			customers.logInteraction(lead.getCustomerId(), new NewInteraction(InteractionType.CALL, clock.instant(), user,
					lead.getContactName(), summary, "onboarded", "lead", String.valueOf(leadId)));
		}
	}

	Opportunity opportunity(long leadId) {
		return opportunities.findByLeadId(leadId)
			.orElseThrow(() -> new ConflictException("Lead " + leadId + " has no opportunity yet."));
	}

	Lead load(long id) {
		return leads.findById(id).orElseThrow(() -> new NotFoundException("Lead", id));
	}

	LeadView view(Lead lead) {
		var tasks = lead.getProcessInstanceId() == null ? List.<LeadView.OpenTask>of()
				: taskService.createTaskQuery()
					.processInstanceId(lead.getProcessInstanceId())
					.initializeFormKeys()
					.orderByTaskCreateTime()
					.asc()
					.list()
					.stream()
					.map(this::openTask)
					.toList();
		return LeadView.of(lead, opportunities.findByLeadId(lead.getId()).orElse(null), tasks);
	}

	private LeadView.OpenTask openTask(Task task) {
		var groups = taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.toList();
		return new LeadView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
				groups, task.getDueDate() == null ? null : task.getDueDate().toInstant(),
				task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant(),
				task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey());
	}

	record ValidLead(LeadSource source, Region region, Segment segment, BigDecimal estimatedValue) {
	}

	/** Every field checked at once, so the answer names every problem. */
	static ValidLead validate(NewLead input) {
		var errors = new ArrayList<FieldError>();
		if (input == null) {
			throw new InvalidInputException("company", "must not be blank");
		}
		if (input.company() == null || input.company().isBlank()) {
			errors.add(new FieldError("company", "must not be blank"));
		}
		else if (input.company().length() > 300) {
			errors.add(new FieldError("company", "must be at most 300 characters"));
		}
		if (input.email() != null && !input.email().isBlank()
				&& (!EMAIL.matcher(input.email().strip()).matches() || input.email().length() > 320)) {
			errors.add(new FieldError("email", "must be a well-formed e-mail address"));
		}
		if (input.phone() != null && input.phone().length() > 64) {
			errors.add(new FieldError("phone", "must be at most 64 characters"));
		}
		if (input.contactName() != null && input.contactName().length() > 200) {
			errors.add(new FieldError("contactName", "must be at most 200 characters"));
		}
		if (input.notes() != null && input.notes().length() > 4000) {
			errors.add(new FieldError("notes", "must be at most 4000 characters"));
		}
		LeadSource source = parse(LeadSource.class, input.source(), "source", true, errors);
		Region region = parse(Region.class, input.region(), "region", true, errors);
		Segment segment = parse(Segment.class, input.segment(), "segment", false, errors);
		BigDecimal value = null;
		if (input.estimatedValue() != null && input.estimatedValue().strip().length() > JsonInputLimits.MAX_NUMBER_LENGTH) {
			errors.add(new FieldError("estimatedValue", "must be a number of at most " + JsonInputLimits.MAX_NUMBER_LENGTH
					+ " characters"));
		}
		else if (input.estimatedValue() != null && !input.estimatedValue().isBlank()) {
			try {
				value = new BigDecimal(input.estimatedValue().strip());
				if (value.signum() < 0) {
					errors.add(new FieldError("estimatedValue", "must not be negative"));
				}
				else {
					DecimalColumn.MONEY_15_2.check("estimatedValue", value, errors);
				}
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("estimatedValue", "must be a number"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ValidLead(source, region, segment, value);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, boolean required,
			List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
			return null;
		}
	}

	static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static BigDecimal decimal(Object value, String field, List<FieldError> errors) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		String text = value.toString().strip();
		if (text.length() > JsonInputLimits.MAX_NUMBER_LENGTH) {
			errors.add(new FieldError(field, "must be a number of at most " + JsonInputLimits.MAX_NUMBER_LENGTH + " characters"));
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, "must be a number"));
			return null;
		}
	}

	/** Forms send dates as text ("2026-12-01" or ISO date-time); the API sends ISO date-time. */
	private static Instant instant(Object value, String field, List<FieldError> errors) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		String text = value.toString().strip();
		try {
			if (text.length() == 10) {
				return java.time.LocalDate.parse(text).atTime(9, 0).atZone(java.time.ZoneOffset.UTC).toInstant();
			}
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			try {
				return java.time.LocalDateTime.parse(text).atZone(java.time.ZoneOffset.UTC).toInstant();
			}
			catch (java.time.format.DateTimeParseException again) {
				errors.add(new FieldError(field, "must be a date (yyyy-mm-dd) or an ISO date-time"));
				return null;
			}
		}
	}

}
