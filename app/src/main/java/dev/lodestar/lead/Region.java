package dev.lodestar.lead;

/** The sales regions. */
public enum Region {
	EMEA, NA, APAC, LATAM
}
