package dev.lodestar.worklist;

import java.util.Optional;

/**
 * Describes the business case behind a process instance (a lead, a complaint, a rollout phase)
 * so that the task page can show it beside the form. A module implements it as a Spring bean
 * for the process definitions it owns; the worklist asks every provider that
 * {@link #supports(String) supports} the task's process.
 */
public interface CaseContextProvider {

	/** Whether this provider knows the cases of processes with this definition key. */
	boolean supports(String processDefinitionKey);

	/**
	 * The case with this business key, as the given user may see it; empty when there is no
	 * such case or the user may not see it.
	 */
	Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId);

}
