package dev.lodestar.complaint;

/**
 * How the customer wants to hear back about a complaint's resolution: a confirmation link by
 * e-mail, or a call from an agent. Recorded at intake; {@code Gateway_ReplyChannel} follows it.
 */
public enum ReplyChannel {

	EMAIL, PHONE

}
