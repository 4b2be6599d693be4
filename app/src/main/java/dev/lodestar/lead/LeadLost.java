package dev.lodestar.lead;

/**
 * A lead ended without a sale: disqualified, or its deal lost. With {@link LeadWon} the other
 * modules (insight's conversion rate) learn every sales outcome without knowing the process model.
 *
 * @param owner who worked the lead (the qualifier or the opportunity's owner), or {@code null}
 * @param disqualified {@code true} when it never became an opportunity
 */
public record LeadLost(long leadId, String owner, boolean disqualified) {
}
