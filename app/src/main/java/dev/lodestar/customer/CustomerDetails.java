package dev.lodestar.customer;

import java.util.List;

/** A customer with its contacts. */
public record CustomerDetails(CustomerSummary customer, List<ContactSummary> contacts) {
}
