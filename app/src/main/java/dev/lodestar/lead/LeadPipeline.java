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

import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ListPage;
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
	 * cards of its newest {@code cardsPerColumn} leads, the first rows of the column's list.
	 * Finished stages (won, lost, disqualified) get no cards: the board folds them to their
	 * count. The queries do not grow with the leads: one for the totals, one per open stage
	 * for its cards, one for their opportunities.
	 */
	public Pipeline pipeline(Pipeline.Filter filter, int cardsPerColumn) {
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
		var first = PageRequest.of(0, Math.max(1, Math.min(cardsPerColumn, ListPage.MAX_SIZE)), NEWEST_FIRST);
		var shown = new EnumMap<PipelineStage, List<Lead>>(PipelineStage.class);
		for (PipelineStage stage : PipelineStage.values()) {
			if (!stage.finished() && counts.getOrDefault(stage, 0L) > 0) {
				shown.put(stage, leads.findFirstListed(filter.owner(), filter.region(), filter.source(), stage.leadStage(),
						stage.opportunityStage(), stage.orWithoutOpportunity(), first));
			}
		}
		var byLead = opportunitiesOf(shown.values().stream().flatMap(List::stream).toList());
		var columns = new ArrayList<Pipeline.Column>();
		for (PipelineStage stage : PipelineStage.values()) {
			var cards = shown.getOrDefault(stage, List.of()).stream().map(l -> card(l, byLead.get(l.getId()))).toList();
			columns.add(new Pipeline.Column(stage, counts.getOrDefault(stage, 0L),
					values.getOrDefault(stage, BigDecimal.ZERO), cards));
		}
		return new Pipeline(columns, List.copyOf(owners));
	}

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

	/** Everybody who owns a lead (the opportunity's owner, else the lead's), by name: the filter's choices. */
	public List<String> owners() {
		return leads.owners();
	}

	private Map<Long, Opportunity> opportunitiesOf(List<Lead> found) {
		var byLead = new HashMap<Long, Opportunity>();
		if (!found.isEmpty()) {
			opportunities.findByLeadIdIn(found.stream().map(Lead::getId).toList()).forEach(o -> byLead.put(o.getLeadId(), o));
		}
		return byLead;
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
	public ListPage<Pipeline.Row> list(Pipeline.Filter filter, String sort, boolean descending, int page, int size) {
		var found = listed(filter, ListPage.request(page, size, order(sort, descending)));
		var byLead = opportunitiesOf(found.getContent());
		return ListPage.of(found, lead -> row(lead, byLead.get(lead.getId())));
	}

	/**
	 * What the list shows, every page of it in its order, at most {@code max} rows, handed to
	 * {@code each} a page at a time (for the CSV export; memory stays one page).
	 *
	 * @return how many rows there are in all (more than were handed over when over {@code max})
	 */
	public long export(Pipeline.Filter filter, String sort, boolean descending, int max,
			java.util.function.Consumer<Pipeline.Row> each) {
		Sort order = order(sort, descending);
		int handed = 0;
		for (int page = 0;; page++) {
			var found = listed(filter, PageRequest.of(page, ListPage.MAX_SIZE, order));
			var byLead = opportunitiesOf(found.getContent());
			for (Lead lead : found.getContent()) {
				if (handed++ >= max) {
					return found.getTotalElements();
				}
				each.accept(row(lead, byLead.get(lead.getId())));
			}
			if (!found.hasNext()) {
				return found.getTotalElements();
			}
		}
	}

	private org.springframework.data.domain.Page<Lead> listed(Pipeline.Filter filter, PageRequest request) {
		PipelineStage stage = filter.stage();
		return leads.findListed(filter.owner(), filter.region(), filter.source(),
				stage == null ? null : stage.leadStage(), stage == null ? null : stage.opportunityStage(),
				stage != null && stage.orWithoutOpportunity(), request);
	}

	private static Sort order(String sort, boolean descending) {
		String property = LIST_ORDERS.get(sort);
		if (property == null) {
			throw new InvalidInputException("sort", "must be one of " + new TreeSet<>(LIST_ORDERS.keySet()));
		}
		var direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
		return Sort.by(direction, property).and(Sort.by(direction, "id"));
	}

	private static Pipeline.Row row(Lead lead, Opportunity opportunity) {
		return new Pipeline.Row(card(lead, opportunity), PipelineStage.of(lead, opportunity));
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
