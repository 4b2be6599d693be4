package dev.lodestar.lead;

/**
 * A lead as typed in a form, posted to the API or read from an import row: plain text, checked
 * by {@link LeadService#capture}, which names every invalid field.
 *
 * @param source one of {@link LeadSource} (case-insensitive)
 * @param region one of {@link Region} (case-insensitive)
 * @param segment one of {@link Segment}, optional
 * @param estimatedValue the expected deal size, optional, a plain number
 */
public record NewLead(String company, String contactName, String email, String phone, String source, String region,
		String notes, String segment, String estimatedValue) {
}
