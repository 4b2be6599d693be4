package dev.lodestar.activity;

/** Where an activity stands: open until it is done or cancelled; both are final. */
public enum ActivityState {
	OPEN, DONE, CANCELLED
}
