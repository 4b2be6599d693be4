package dev.lodestar.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead-to-sale rules that a company tunes.
 *
 * @param discountApprovalThreshold the ceiling: a negotiation never starts on a discount above
 *        this percentage that no sales manager approved, whatever the model's gateway (which holds
 *        its own threshold, processes/README.md) decided; read at that moment (never kept in a
 *        process variable, which a task's worker could rewrite), so a change applies at once
 * @param importMaxRows the most rows one CSV import may have
 */
@ConfigurationProperties("lodestar.lead")
public record LeadSettings(@DefaultValue("10") double discountApprovalThreshold,
		@DefaultValue("1000") int importMaxRows) {
}
