package dev.lodestar.lead;

/** The customer segment a lead belongs to. */
public enum Segment {
	ENTERPRISE, SMB, CONSUMER, UNKNOWN
}
