package dev.lodestar.system;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows the company's currency ({@code ${currency}}), so no amount is shown without
 * it; {@link #format} writes an amount as the pages do: grouped by thousands, two decimals, code.
 */
@ControllerAdvice
@Component
public class MoneyModel {

	private final MoneySettings settings;

	MoneyModel(MoneySettings settings) {
		this.settings = settings;
	}

	@ModelAttribute("currency")
	String currency() {
		return settings.currency();
	}

	/** {@code 50,000.00 CNY}; null stays null. */
	public String format(BigDecimal amount) {
		return amount == null ? null : String.format(Locale.ROOT, "%,.2f %s", amount, settings.currency());
	}


	/**
	 * A whole amount grouped as the reader's locale groups numbers, with the company's currency
	 * code beside it as on every page: {@code 50,000 CNY}; null stays null.
	 */
	public String inLocale(BigDecimal amount, Locale locale) {
		if (amount == null) {
			return null;
		}
		var format = java.text.NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(0);
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(amount) + " " + settings.currency();
	}

}
