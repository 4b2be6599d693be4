package dev.lodestar.notification;

/** Where a message is on its way out. */
public enum NotificationStatus {

	/** Waiting for its first or next attempt. */
	PENDING,
	/** Claimed by a sender right now. */
	SENDING,
	/** Accepted by the mail server (or written to the log when no server is configured). */
	SENT,
	/** Gave up after the last attempt; the error is on the row. */
	FAILED

}
