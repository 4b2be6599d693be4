package dev.lodestar.complaint;

/** How a complaint reached us. */
public enum Channel {
	PHONE, EMAIL, WEB, STORE
}
