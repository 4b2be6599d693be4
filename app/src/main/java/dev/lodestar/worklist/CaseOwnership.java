package dev.lodestar.worklist;

import java.util.Optional;

/**
 * The owner of the business case behind a process instance (the rep who owns a lead), for the
 * manager who reassigns one of its tasks: a reassignment moves the task only, and the case's
 * owner only when the manager also asks for that ({@link WorklistService#reassign}). A module
 * implements it as a Spring bean for the processes whose cases have an owner.
 */
public interface CaseOwnership {

	/** Whether the cases of processes with this definition key have an owner. */
	boolean supports(String processDefinitionKey);

	/** The case's owner now; empty while it has none. */
	Optional<String> owner(String processDefinitionKey, String businessKey);

	/**
	 * Makes {@code userId} the case's owner, as {@code byUserId} decided; a case whose owner can
	 * no longer change (a closed deal) refuses with a {@link dev.lodestar.system.ConflictException}.
	 */
	void transfer(String processDefinitionKey, String businessKey, String userId, String byUserId);

	/**
	 * The prefix of the task page's texts about the owner, in both languages: {@code .choice}
	 * ("Also make {0} the owner of the lead"), {@code .label} ("Owner of the lead: {0}"),
	 * {@code .nobody}, and the answers to a reassignment to {0}: {@code .moved}, {@code .stays}
	 * (the owner {1} stays), {@code .none} (still nobody's).
	 */
	String messagePrefix();

}
