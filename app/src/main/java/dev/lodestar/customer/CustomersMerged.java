package dev.lodestar.customer;

/**
 * Published (inside the merging transaction) when a duplicate customer was merged into a
 * surviving one; modules that store customer ids re-point their records from
 * {@code duplicateId} to {@code survivorId} with a plain {@code @EventListener}.
 */
public record CustomersMerged(long duplicateId, long survivorId, String mergedBy) {
}
