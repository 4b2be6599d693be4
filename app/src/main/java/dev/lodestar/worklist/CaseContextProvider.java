package dev.lodestar.worklist;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	/**
	 * The customer each case is about, by business key, for the Customer column of My work: one
	 * call per page of tasks, so an implementation reads all of them at once. Keys it does not
	 * know are left out.
	 */
	default Map<String, String> customerNames(String processDefinitionKey, Collection<String> businessKeys) {
		return Map.of();
	}

	/**
	 * The business keys of this process's cases whose customer's name contains {@code text}
	 * (any case), for the Customer filter of My work; at most {@code limit} of them.
	 */
	default Set<String> businessKeysOfCustomer(String processDefinitionKey, String text, int limit) {
		return Set.of();
	}

}
