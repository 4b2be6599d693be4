package dev.lodestar.worklist;

import java.util.Map;

/**
 * How much work waits: tasks assigned to me, unassigned tasks per role queue, and the
 * overdue tasks among all of them.
 */
public record QueueCounts(long mine, Map<String, Long> roles, long overdue) {
}
