package dev.lodestar.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead-to-sale rules that a company tunes.
 *
 * @param discountApprovalThreshold discounts above this percentage need a sales manager's
 *        approval (copied into each case when it starts, so a change applies to new cases)
 * @param importMaxRows the most rows one CSV import may have
 */
@ConfigurationProperties("lodestar.lead")
public record LeadSettings(@DefaultValue("10") double discountApprovalThreshold,
		@DefaultValue("1000") int importMaxRows) {
}
