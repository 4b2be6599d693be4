package dev.lodestar.lead;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.NotFoundException;

/**
 * Reading leads: one lead with its open steps, a search, and the pipeline board. Changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class LeadPipeline {

	private final Leads leads;
	private final Opportunities opportunities;
	private final TaskService taskService;

	LeadPipeline(Leads leads, Opportunities opportunities, TaskService taskService) {
		this.leads = leads;
		this.opportunities = opportunities;
		this.taskService = taskService;
	}

	public LeadView get(long id) {
		return view(load(id));
	}

	/** Leads newest first, optionally of one stage and containing a text in company, contact or e-mail. */
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
	public Pipeline pipeline(Pipeline.Filter filter, int limit) {
		var counts = new EnumMap<PipelineStage, Long>(PipelineStage.class);
		var values = new EnumMap<PipelineStage, BigDecimal>(PipelineStage.class);
		var owners = new TreeSet<String>();
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
		var cards = new EnumMap<PipelineStage, List<Pipeline.Card>>(PipelineStage.class);
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
	public dev.lodestar.system.ListPage<Pipeline.Card> finished(PipelineStage stage, int page, int size) {
		if (stage == null || !stage.finished()) {
			throw new dev.lodestar.system.InvalidInputException("stage", "must be one of WON, LOST, DISQUALIFIED");
		}
		var request = dev.lodestar.system.ListPage.request(page, size, Sort.unsorted());
		boolean disqualified = stage == PipelineStage.DISQUALIFIED;
		var found = leads.findFinished(disqualified,
				disqualified ? OpportunityStage.LOST : OpportunityStage.valueOf(stage.name()),
				PageRequest.of(request.getPageNumber(), request.getPageSize(),
						Sort.by(Sort.Direction.DESC, "createdAt", "id")));
		var byLead = new HashMap<Long, Opportunity>();
		if (!found.isEmpty()) {
			opportunities.findByLeadIdIn(found.map(Lead::getId).toList()).forEach(o -> byLead.put(o.getLeadId(), o));
		}
		return dev.lodestar.system.ListPage.of(found, lead -> card(lead, byLead.get(lead.getId())));
	}

	/** The orders the pipeline list offers, by the name the URL gives them. */
	static final Map<String, String> LIST_ORDERS = Map.of("created", "createdAt", "company", "company");

	/**
	 * The pipeline as a list: every lead of the filter, open and finished, with its stage, one page
	 * at a time, counted and ordered by the database ({@code sort}: created or company).
	 */
	public dev.lodestar.system.ListPage<Pipeline.Row> list(Pipeline.Filter filter, String sort, boolean descending,
			int page, int size) {
		String property = LIST_ORDERS.get(sort);
		if (property == null) {
			throw new dev.lodestar.system.InvalidInputException("sort", "must be one of " + new TreeSet<>(LIST_ORDERS.keySet()));
		}
		var direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
		var request = dev.lodestar.system.ListPage.request(page, size, Sort.by(direction, property).and(Sort.by(direction, "id")));
		var found = leads.findListed(filter.owner(), filter.region(), filter.source(), request);
		var byLead = new HashMap<Long, Opportunity>();
		if (!found.isEmpty()) {
			opportunities.findByLeadIdIn(found.map(Lead::getId).toList()).forEach(o -> byLead.put(o.getLeadId(), o));
		}
		return dev.lodestar.system.ListPage.of(found, lead -> new Pipeline.Row(card(lead, byLead.get(lead.getId())),
				PipelineStage.of(lead, byLead.get(lead.getId()))));
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
	public PipelineStage pipelineStage(long id) {
		Lead lead = load(id);
		return PipelineStage.of(lead, opportunities.findByLeadId(id).orElse(null));
	}

	Lead load(long id) {
		return leads.findById(id).orElseThrow(() -> new NotFoundException("Lead", id));
	}

	/** The lead with its opportunity and its open steps, oldest first. */
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

	/** The task's candidate groups (its queues). */
	List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.toList();
	}

	private LeadView.OpenTask openTask(Task task) {
		return new LeadView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
				candidateGroups(task), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
				task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant(),
				task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey());
	}

}
