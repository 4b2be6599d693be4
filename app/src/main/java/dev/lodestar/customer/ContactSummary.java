package dev.lodestar.customer;

/** A person we talk to at a customer. */
public record ContactSummary(long id, String name, String jobTitle, String email, String phone) {
}
