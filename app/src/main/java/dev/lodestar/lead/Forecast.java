package dev.lodestar.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The weighted forecast: for each owner and month, the sum of amount × probability of the open
 * leads expected to close in that month, against the owner's target for it, with the leads that
 * make each cell.
 *
 * @param currency the company's currency ({@code lodestar.money.currency}), of every amount here
 * @param months the months shown, oldest first
 * @param probabilities the probability in percent of each open stage, where a lead's owner set none
 * @param rows one per owner (null: leads nobody owns yet), by owner
 */
public record Forecast(String currency, List<YearMonth> months, Map<PipelineStage, Integer> probabilities,
		List<Row> rows) {

	/** One owner's months. */
	public record Row(String owner, List<Cell> cells) {
	}

	/**
	 * One owner's month: {@code weighted} is exactly the sum of the leads' {@code weighted}
	 * (not rounded), {@code target} what the owner is to sell that month.
	 */
	public record Cell(YearMonth month, BigDecimal weighted, BigDecimal target, List<Item> leads) {
	}

	/**
	 * A lead in a cell: its amount (the opportunity's, else the lead's estimate), its probability
	 * (the owner's, else its stage's) and {@code weighted} = amount × probability / 100.
	 *
	 * @param expectedCloseDate the owner's date, or the default (capture day + the configured days)
	 * @param dateSet whether the owner set the date
	 */
	public record Item(long id, String company, PipelineStage stage, BigDecimal amount, int probability,
			LocalDate expectedCloseDate, boolean dateSet, BigDecimal weighted) {
	}

}
