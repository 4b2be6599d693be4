package dev.lodestar.customer;

/**
 * Published (inside the deciding transaction) when a person said two resembling customers are
 * different ("keep both"): a lead waiting for that decision goes on.
 */
public record CustomersKeptDistinct(long customerId, long otherId, String decidedBy) {
}
