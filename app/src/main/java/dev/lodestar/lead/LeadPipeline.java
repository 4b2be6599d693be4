package dev.lodestar.lead;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
	 * The pipeline board over the newest {@code limit} leads: a column per stage, in the
	 * pipeline's order, with the cards that pass the filter.
	 */
	public Pipeline pipeline(Pipeline.Filter filter, int limit) {
		var recent = leads.findAll(PageRequest.of(0, Math.max(1, Math.min(limit, 2000)),
				Sort.by(Sort.Direction.DESC, "createdAt", "id")))
			.getContent();
		var byLead = new HashMap<Long, Opportunity>();
		if (!recent.isEmpty()) {
			opportunities.findByLeadIdIn(recent.stream().map(Lead::getId).toList())
				.forEach(o -> byLead.put(o.getLeadId(), o));
		}
		var cards = new EnumMap<PipelineStage, List<Pipeline.Card>>(PipelineStage.class);
		var owners = new TreeSet<String>();
		for (Lead lead : recent) {
			Opportunity opportunity = byLead.get(lead.getId());
			String owner = opportunity != null && opportunity.getOwner() != null ? opportunity.getOwner() : lead.getOwner();
			if (owner != null) {
				owners.add(owner);
			}
			BigDecimal value = opportunity == null ? lead.getEstimatedValue()
					: opportunity.getFinalAmount() != null ? opportunity.getFinalAmount()
							: opportunity.getAmount() != null ? opportunity.getAmount() : lead.getEstimatedValue();
			var card = new Pipeline.Card(lead.getId(), lead.getCompany(), lead.getContactName(), owner, lead.getRegion(),
					lead.getSource(), lead.getPriority(), value, lead.getCreatedAt());
			if (filter.accepts(card)) {
				cards.computeIfAbsent(PipelineStage.of(lead, opportunity), s -> new ArrayList<>()).add(card);
			}
		}
		var columns = new ArrayList<Pipeline.Column>();
		for (PipelineStage stage : PipelineStage.values()) {
			List<Pipeline.Card> in = cards.getOrDefault(stage, List.of());
			BigDecimal total = in.stream()
				.map(Pipeline.Card::value)
				.filter(Objects::nonNull)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			columns.add(new Pipeline.Column(stage, in.size(), total, in));
		}
		return new Pipeline(columns, List.copyOf(owners));
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
