package dev.lodestar.complaint;

/** A complaint got its resolution (first or again after a reopen), by {@code resolvedBy}. */
public record ComplaintResolved(long complaintId, String resolvedBy) {
}
