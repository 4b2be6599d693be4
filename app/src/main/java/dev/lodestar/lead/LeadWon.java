package dev.lodestar.lead;

import java.math.BigDecimal;

/** A deal was won: the customer is handed over to service for onboarding. */
public record LeadWon(long leadId, long opportunityId, Long customerId, BigDecimal amount, String owner) {
}
