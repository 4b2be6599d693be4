package dev.lodestar.activity;

/** What kind of activity is planned. */
public enum ActivityType {
	CALL, MEETING, TODO
}
