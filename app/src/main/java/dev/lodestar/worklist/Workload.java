package dev.lodestar.worklist;

import java.util.List;

/** A manager's view of a role: its unassigned queue and each member's load. */
public record Workload(String role, long queued, List<Member> members) {

	/** One member: open assigned tasks, the overdue among them, and tasks completed this week. */
	public record Member(String userId, String name, long open, long overdue, long completedThisWeek) {
	}

}
