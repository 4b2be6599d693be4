package dev.lodestar.mail;

/** What became of a mail read from a mailbox (counted as {@code lodestar.mail.inbound{outcome}}). */
enum InboundOutcome {
	/** A new complaint. */
	COMPLAINT,
	/** Added to the complaint it answers. */
	REPLY,
	/** A new lead. */
	LEAD,
	/** An auto-reply, an out-of-office or a bounce: nothing started. */
	AUTOMATIC,
	/** From one of our own addresses (a loop): nothing started. */
	OWN,
	/** No usable sender: nobody to answer, nothing started. */
	NO_SENDER,
	/** Reading or handling it failed; the mail stays in the mailbox, the others went on. */
	FAILED
}
