package dev.lodestar.complaint;

/** OPEN while being worked (again, after a reopen), RESOLVED while the customer is asked, then CLOSED. */
public enum ComplaintStatus {
	OPEN, RESOLVED, CLOSED
}
