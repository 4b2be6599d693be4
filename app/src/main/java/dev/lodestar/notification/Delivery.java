package dev.lodestar.notification;

/** How a user wants one kind of message: at once, gathered in a daily digest, or not at all. */
public enum Delivery {

	IMMEDIATE, DIGEST, OFF

}
