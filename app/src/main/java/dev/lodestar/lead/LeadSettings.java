package dev.lodestar.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead-to-sale rules that a company tunes.
 *
 * @param discountApprovalThreshold discounts above this percentage need a sales manager's
 *        approval; read by the process when the proposal's gateway is evaluated (never kept in a
 *        process variable, which a task's worker could rewrite), so a change applies at once
 * @param importMaxRows the most rows one CSV import may have
 */
@ConfigurationProperties("lodestar.lead")
public record LeadSettings(@DefaultValue("10") double discountApprovalThreshold,
		@DefaultValue("1000") int importMaxRows) {
}
