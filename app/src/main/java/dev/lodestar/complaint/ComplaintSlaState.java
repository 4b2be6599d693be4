package dev.lodestar.complaint;

/**
 * Where a complaint stands against its service levels, as the complaint list shows it: an open
 * complaint is on time, at its warning point or breached (by its current step's due and
 * follow-up dates); while it waits for the customer's answer its resolution clock stands still; a
 * resolved one awaits the customer's confirmation; then it is closed.
 */
public enum ComplaintSlaState {
	ON_TIME, WARNING, BREACHED, WAITING_FOR_CUSTOMER, AWAITING_CONFIRMATION, CLOSED
}
