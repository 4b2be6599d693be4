package dev.lodestar.complaint;

/** What the customer said about the resolution, or that they said nothing in time. */
public enum CustomerReply {
	CONFIRMED, REJECTED, NO_REPLY
}
