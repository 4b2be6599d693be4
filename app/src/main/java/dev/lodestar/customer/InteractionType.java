package dev.lodestar.customer;

/** The kinds of contact with a customer that the interaction log records. */
public enum InteractionType {
	CALL, VISIT, EMAIL, MEETING, NOTE
}
