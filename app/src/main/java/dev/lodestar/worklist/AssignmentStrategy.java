package dev.lodestar.worklist;

/** How a role hands out a new task. */
enum AssignmentStrategy {

	/** Nobody is assigned: the task waits in the role's queue and a member claims it. */
	POOL,
	/** The role's members are assigned in turn (ordered by user id). */
	ROUND_ROBIN,
	/** The member with the fewest open assigned tasks is assigned (ties: by user id). */
	LEAST_LOADED

}
