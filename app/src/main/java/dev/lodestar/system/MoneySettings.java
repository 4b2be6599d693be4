package dev.lodestar.system;

import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's money: every amount a person types or reads (a proposal, a compensation, a
 * rollout's cost) is in this currency, and every page and form shows its code beside the amount.
 *
 * @param currency an ISO 4217 code ({@code LODESTAR_MONEY_CURRENCY=EUR}); CNY unless set
 */
@ConfigurationProperties("lodestar.money")
public record MoneySettings(@DefaultValue("CNY") String currency) {

	public MoneySettings {
		currency = Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT)).getCurrencyCode();
	}

}
