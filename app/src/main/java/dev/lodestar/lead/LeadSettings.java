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
 * @param defaultCloseDays a lead whose owner set no expected close date is forecast to close this
 *        many days after it was captured
 * @param monthlyTarget what an owner is to sell in a month that has no row in
 *        {@code crm_sales_target} (in {@code lodestar.money.currency})
 */
@ConfigurationProperties("lodestar.lead")
public record LeadSettings(@DefaultValue("10") double discountApprovalThreshold,
		@DefaultValue("1000") int importMaxRows, @DefaultValue("90") int defaultCloseDays,
		@DefaultValue("100000") java.math.BigDecimal monthlyTarget) {
}
