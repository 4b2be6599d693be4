package dev.lodestar.worklist;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.lodestar.system.InvalidInputException.FieldError;

/** A test-only stage rule on the test lead: a lead marked qualified needs a budget of 1,000 or more. */
@Component
class TestLeadRules implements CompletionRule {

	@Override
	public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
		return "test-lead-qualification".equals(processDefinitionKey) && "Task_QualifyLead".equals(taskDefinitionKey);
	}

	@Override
	public List<FieldError> check(String businessKey, Map<String, Object> values, String userId) {
		if (Boolean.TRUE.equals(values.get("qualified")) && values.get("budget") instanceof Number budget
				&& budget.longValue() < 1000) {
			return List.of(new FieldError("budget", "must be at least 1000 for a qualified lead"));
		}
		return List.of();
	}

}
