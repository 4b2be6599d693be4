package dev.lodestar.lead;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.ForbiddenException;
import dev.lodestar.system.ProcessTexts;
import dev.lodestar.worklist.TaskLinks;

/**
 * What a card dropped on another column of the board means: never a move by itself, but the
 * lead's open step whose completion can take it there, as the process model says. The board then
 * opens that step's form; whoever completes it decides where the lead really goes. A drop the
 * process does not allow from the lead's stage is a conflict (409), a step the user may not do
 * is refused (403), each with its reason in the reader's language.
 */
@Service
@Transactional(readOnly = true)
public class LeadMoves {

	/**
	 * The board's stage each step or end of lead-to-sale stands for; the walk from a step's form
	 * stops at the first of these (gateways and automatic steps are passed through).
	 */
	static final Map<String, PipelineStage> STAGE_OF = Map.of(LeadProcess.REVIEW_DUPLICATE,
			PipelineStage.DUPLICATE_REVIEW, LeadProcess.QUALIFY_LEAD, PipelineStage.QUALIFYING,
			LeadProcess.PREPARE_PROPOSAL, PipelineStage.PROPOSAL, LeadProcess.APPROVE_DISCOUNT,
			PipelineStage.DISCOUNT_APPROVAL, LeadProcess.NEGOTIATE_DEAL, PipelineStage.NEGOTIATION,
			LeadProcess.WELCOME_CALL, PipelineStage.WON, LeadProcess.END_CUSTOMER_ONBOARDED, PipelineStage.WON,
			LeadProcess.END_DEAL_LOST, PipelineStage.LOST, LeadProcess.END_LEAD_DISQUALIFIED, PipelineStage.DISQUALIFIED);

	private final LeadPipeline pipeline;
	private final TaskService taskService;
	private final RepositoryService repository;
	private final TaskLinks taskLinks;
	private final ProcessTexts processTexts;
	private final MessageSource messages;

	/** Per process definition and step: the stages its completion can lead to (models do not change once deployed). */
	private final Map<String, Set<PipelineStage>> reachable = new ConcurrentHashMap<>();

	LeadMoves(LeadPipeline pipeline, TaskService taskService, RepositoryService repository, TaskLinks taskLinks,
			ProcessTexts processTexts, MessageSource messages) {
		this.pipeline = pipeline;
		this.taskService = taskService;
		this.repository = repository;
		this.taskLinks = taskLinks;
		this.processTexts = processTexts;
		this.messages = messages;
	}

	/** The step to open: its task, its name in the reader's language, and the page of its form. */
	public record Step(long leadId, PipelineStage from, PipelineStage to, String taskId, String step, String href) {
	}

	/**
	 * The lead's open step whose completion can take it to {@code to}, if the user may do it.
	 *
	 * @throws NotAMove (409) when no open step of the lead leads there (or it stands there already)
	 * @throws NotYours (403) when the step that leads there is not the user's to do
	 */
	public Step stepTo(long leadId, PipelineStage to, Authentication user, Locale locale) {
		Lead lead = pipeline.load(leadId);
		PipelineStage from = pipeline.pipelineStage(leadId);
		String label = lead.getCompany();
		List<Task> open = lead.getProcessInstanceId() == null ? List.of()
				: taskService.createTaskQuery().processInstanceId(lead.getProcessInstanceId()).active().list();
		var allowed = EnumSet.noneOf(PipelineStage.class);
		Task leading = null;
		for (Task task : open) {
			var stages = reachable(task);
			allowed.addAll(stages);
			if (leading == null && to != from && stages.contains(to)) {
				leading = task;
			}
		}
		if (leading == null) {
			String fromName = stageName(from, locale);
			String message = allowed.isEmpty()
					? messages.getMessage("leads.move.none", new Object[] { label, fromName, stageName(to, locale) }, locale)
					: messages.getMessage("leads.move.notAMove", new Object[] { label, fromName, stageName(to, locale),
							String.join(", ", allowed.stream().map(s -> stageName(s, locale)).toList()) }, locale);
			throw new NotAMove(message, Map.of("leadId", leadId, "from", from, "to", to, "allowed", List.copyOf(allowed)));
		}
		String step = processTexts.stepName(LeadProcess.KEY, leading.getTaskDefinitionKey(), leading.getName(), locale);
		if (!taskLinks.mayWork(user, leading.getId())) {
			throw new NotYours(messages.getMessage("leads.move.notYours",
					new Object[] { label, stageName(to, locale), step }, locale),
					Map.of("leadId", leadId, "from", from, "to", to, "step", step));
		}
		return new Step(leadId, from, to, leading.getId(), step, "/tasks/" + leading.getId());
	}

	private String stageName(PipelineStage stage, Locale locale) {
		return messages.getMessage("leads.stage." + stage.name(), null, stage.name(), locale);
	}

	/** The stages the task's completion can lead to, read from its process model. */
	Set<PipelineStage> reachable(Task task) {
		return reachable.computeIfAbsent(task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey(), key -> {
			var model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
			FlowNode start = model.getModelElementById(task.getTaskDefinitionKey());
			return start == null ? Set.of() : reachableFrom(start);
		});
	}

	/**
	 * Follows the sequence flows out of {@code start} through gateways and automatic steps to the
	 * first step or end of each path; the board's stages among them (timers on the step are not
	 * its completion and are not followed).
	 */
	static Set<PipelineStage> reachableFrom(FlowNode start) {
		var found = EnumSet.noneOf(PipelineStage.class);
		var seen = new HashSet<String>();
		var next = new ArrayDeque<FlowNode>();
		start.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::add);
		while (!next.isEmpty()) {
			FlowNode node = next.poll();
			if (!seen.add(node.getId())) {
				continue;
			}
			PipelineStage stage = STAGE_OF.get(node.getId());
			if (stage != null) {
				found.add(stage);
			}
			else if (!(node instanceof UserTask) && !(node instanceof EndEvent)) {
				node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::add);
			}
		}
		return Set.copyOf(found);
	}

	/** No open step of the lead leads to the stage it was dropped on: HTTP 409 with the stages it can go to. */
	static final class NotAMove extends ConflictException {

		NotAMove(String message, Map<String, Object> properties) {
			super("Not a move of this lead", message, properties);
		}

	}

	/** The step that leads there is somebody else's: HTTP 403 naming the step. */
	static final class NotYours extends ForbiddenException {

		NotYours(String message, Map<String, Object> properties) {
			super("Not your step", message, properties);
		}

	}

}
