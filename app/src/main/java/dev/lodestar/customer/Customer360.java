package dev.lodestar.customer;

import java.util.List;

/**
 * Everything known about a customer in one place: master data, contacts, interaction log
 * (newest first), possible duplicates awaiting a decision, and the sections of the modules
 * that own customer cases (leads, opportunities, complaints, with their open tasks).
 */
public record Customer360(CustomerSummary customer, List<ContactSummary> contacts,
		List<InteractionEntry> interactions, List<CustomerMatch> possibleDuplicates,
		List<CustomerViewSection> sections) {
}
