package dev.lodestar.complaint;

/** The customer rejected a complaint's resolution: the case is open again. */
public record ComplaintReopened(long complaintId) {
}
