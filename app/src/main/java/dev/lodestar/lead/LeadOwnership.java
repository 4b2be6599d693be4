package dev.lodestar.lead;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.FormValues;
import dev.lodestar.worklist.CaseOwnership;

/**
 * The owner of a lead for the manager who reassigns one of its tasks: the lead's owner (and its
 * deal's) moves only when the manager asks, and then the process's {@code owner} variable too,
 * so the later steps (proposal, negotiation, reminders) go to the new owner.
 */
@Component
class LeadOwnership implements CaseOwnership {

	private final LeadSteps steps;
	private final RuntimeService runtimeService;

	LeadOwnership(LeadSteps steps, RuntimeService runtimeService) {
		this.steps = steps;
		this.runtimeService = runtimeService;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return LeadProcess.KEY.equals(processDefinitionKey);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> owner(String processDefinitionKey, String businessKey) {
		return FormValues.idOrEmpty(businessKey).flatMap(id -> steps.find(id)).map(Lead::getOwner);
	}

	@Override
	@Transactional
	public void transfer(String processDefinitionKey, String businessKey, String userId, String byUserId) {
		Lead lead = steps.transferOwner(FormValues.id(businessKey), userId);
		if (lead.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
			.processInstanceId(lead.getProcessInstanceId())
			.count() > 0) {
			runtimeService.setVariable(lead.getProcessInstanceId(), LeadProcess.OWNER, userId);
		}
	}

	@Override
	public String messagePrefix() {
		return "task.owner.lead";
	}

}
