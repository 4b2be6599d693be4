package dev.lodestar.worklist;

import java.util.List;
import java.util.Map;

import dev.lodestar.system.InvalidInputException.FieldError;

/**
 * A stage rule that a task's form cannot express ("a lead marked qualified needs a budget of at
 * least 1,000"). A module implements it as a Spring bean for its own process; when a user
 * completes a task, the worklist asks every rule that {@link #supports supports} the task,
 * after the form's own constraints held, and refuses the completion with the rules' field
 * errors (HTTP 400, shown on the fields) before anything is written.
 */
public interface CompletionRule {

	/** Whether this rule judges the task with this definition key in this process. */
	boolean supports(String processDefinitionKey, String taskDefinitionKey);

	/**
	 * The problems with completing the case's task with these values (the form's fields,
	 * typed), each naming a form field; empty when the completion may go ahead.
	 */
	List<FieldError> check(String businessKey, Map<String, Object> values, String userId);

}
