package dev.lodestar.worklist;

import java.time.Instant;
import java.util.List;

/**
 * What the task page shows about a case.
 *
 * @param kind what the case is, as a message key ("case.kind.lead", "case.kind.complaint", ...); the page
 * shows its translation, or the text itself where it is no key
 * @param title one line naming it ("Lead #42 — Acme Corp")
 * @param link where its own page is, or {@code null}
 * @param customerId the customer master id, or {@code null}
 * @param customerName the customer's name, or {@code null}
 * @param facts the facts that matter for the work at hand, in display order; each label is a message
 *        key ("case.lead.stage") that the page translates, or a text shown as it is
 * @param interactions the customer's interaction log, newest first
 */
public record CaseContext(String kind, String title, String link, Long customerId, String customerName,
		List<Fact> facts, List<Interaction> interactions) {

	/** One labelled value ("Stage" = "Proposal"). */
	public record Fact(String label, String value) {
	}

	/** One entry of the interaction log: a call, visit, e-mail, meeting or note. */
	public record Interaction(Instant at, String type, String who, String summary, String outcome) {
	}

}
