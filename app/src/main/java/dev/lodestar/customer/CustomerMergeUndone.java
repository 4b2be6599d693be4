package dev.lodestar.customer;

import java.util.List;
import java.util.Map;

/**
 * Published (inside the undoing transaction) when a merge was undone: the modules that keep
 * customer records move the ones listed (by kind, as their {@link CustomerRecords} named them at
 * the merge) from {@code survivorId} back to {@code duplicateId}, with a plain {@code @EventListener}.
 */
public record CustomerMergeUndone(long duplicateId, long survivorId, Map<String, List<Long>> records,
		String undoneBy) {
}
