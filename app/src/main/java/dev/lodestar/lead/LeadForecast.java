package dev.lodestar.lead;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.Dates;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.ForbiddenException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.MoneySettings;
import dev.lodestar.system.NotFoundException;

/**
 * The weighted forecast per owner and month against target, and the expected close date and
 * probability its owner sets on a lead. The probability of a stage is the table
 * {@code crm_stage_probability}; a target, {@code crm_sales_target}, else the setting
 * {@code lodestar.lead.monthly-target}.
 */
@Service
@Transactional(readOnly = true)
public class LeadForecast {

	/** The most months one forecast shows. */
	static final int MAX_MONTHS = 12;

	private final Leads leads;
	private final Opportunities opportunities;
	private final JdbcTemplate jdbc;
	private final LeadSettings settings;
	private final MoneySettings money;
	private final Dates dates;
	private final Clock clock;

	LeadForecast(Leads leads, Opportunities opportunities, JdbcTemplate jdbc, LeadSettings settings,
			MoneySettings money, Dates dates, Optional<Clock> clock) {
		this.leads = leads;
		this.opportunities = opportunities;
		this.jdbc = jdbc;
		this.settings = settings;
		this.money = money;
		this.dates = dates;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** How many days after capture a lead without an expected close date is forecast to close. */
	public int defaultCloseDays() {
		return settings.defaultCloseDays();
	}

	/** This month in the company's zone: where the forecast starts unless asked otherwise. */
	public YearMonth thisMonth() {
		return dates.thisMonth(clock);
	}

	/**
	 * The forecast of {@code months} months from {@code from} (this month when null), of one
	 * owner's leads or everybody's ({@code owner} null or blank).
	 */
	public Forecast forecast(String owner, YearMonth from, int months) {
		if (months < 1 || months > MAX_MONTHS) {
			throw new InvalidInputException("months", "must be between 1 and " + MAX_MONTHS);
		}
		YearMonth first = from != null ? from : thisMonth();
		YearMonth last = first.plusMonths(months - 1L);
		String only = owner == null || owner.isBlank() ? null : owner.strip();
		var probabilities = probabilities();
		var targets = targets(first, last);

		// owner → month → leads; owners in name order, those without an owner last
		var byOwner = new TreeMap<String, Map<YearMonth, List<Forecast.Item>>>(
				Comparator.nullsLast(Comparator.naturalOrder()));
		if (only != null) {
			byOwner.put(only, new HashMap<>());
		}
		for (ForecastLead lead : leads.forecastLeads()) {
			if (lead.amount() == null || (only != null && !only.equals(lead.owner()))) {
				continue;
			}
			LocalDate close = lead.expectedClose() != null ? lead.expectedClose()
					: dates.day(lead.createdAt()).plusDays(settings.defaultCloseDays());
			YearMonth month = YearMonth.from(close);
			if (month.isBefore(first) || month.isAfter(last)) {
				continue;
			}
			PipelineStage stage = lead.stage();
			int probability = lead.probability() != null ? lead.probability() : probabilities.getOrDefault(stage, 0);
			BigDecimal weighted = lead.amount().multiply(BigDecimal.valueOf(probability)).movePointLeft(2);
			byOwner.computeIfAbsent(lead.owner(), o -> new HashMap<>())
				.computeIfAbsent(month, m -> new ArrayList<>())
				.add(new Forecast.Item(lead.id(), lead.company(), stage, lead.amount(), probability, close,
						lead.expectedClose() != null, weighted));
		}

		var monthList = new ArrayList<YearMonth>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			monthList.add(m);
		}
		var rows = new ArrayList<Forecast.Row>();
		byOwner.forEach((who, cells) -> {
			var row = new ArrayList<Forecast.Cell>();
			for (YearMonth m : monthList) {
				var items = cells.getOrDefault(m, List.of())
					.stream()
					.sorted(Comparator.comparing(Forecast.Item::weighted).reversed().thenComparing(Forecast.Item::id))
					.toList();
				BigDecimal sum = items.stream().map(Forecast.Item::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal target = who == null ? null
						: targets.getOrDefault(new TargetKey(who, m), settings.monthlyTarget());
				row.add(new Forecast.Cell(m, sum, target, items));
			}
			rows.add(new Forecast.Row(who, row));
		});
		return new Forecast(money.currency(), List.copyOf(monthList), probabilities, List.copyOf(rows));
	}

	/**
	 * Sets when the lead is expected to close and, optionally, its probability in percent (null:
	 * its stage's). Only the lead's owner (the opportunity's, else the lead's) or a sales manager
	 * may (403); a won, lost or disqualified lead is refused (409).
	 */
	@Transactional
	public void expectClose(long leadId, LocalDate date, Integer probability, String user, Collection<String> groups) {
		Lead lead = leads.lockById(leadId).orElseThrow(() -> new NotFoundException("Lead", leadId));
		var opportunity = opportunities.findByLeadId(leadId).orElse(null);
		if (!mayEdit(lead, opportunity, user, groups)) {
			throw new ForbiddenException("Not the lead's owner",
					"Only the lead's owner or a sales manager sets its expected close date.", Map.of("leadId", leadId));
		}
		if (opportunity != null && PipelineStage.of(lead, opportunity).finished()) {
			throw new ConflictException("Lead " + leadId + " is " + opportunity.getStage()
					+ "; it has no expected close date any more.");
		}
		lead.expectClose(date, probability, clock.instant());
	}

	/** Whether this user may set the lead's expected close date: its owner or a sales manager. */
	public boolean mayEdit(long leadId, String user, Collection<String> groups) {
		Lead lead = leads.findById(leadId).orElseThrow(() -> new NotFoundException("Lead", leadId));
		var opportunity = opportunities.findByLeadId(leadId).orElse(null);
		return mayEdit(lead, opportunity, user, groups) && !PipelineStage.of(lead, opportunity).finished();
	}

	private static boolean mayEdit(Lead lead, Opportunity opportunity, String user, Collection<String> groups) {
		String owner = opportunity != null && opportunity.getOwner() != null ? opportunity.getOwner() : lead.getOwner();
		return groups.contains("sales-manager") || Objects.equals(owner, user);
	}

	/** The probability of each open stage, in the board's order. */
	Map<PipelineStage, Integer> probabilities() {
		var table = new EnumMap<PipelineStage, Integer>(PipelineStage.class);
		jdbc.query("select stage, probability_percent from crm_stage_probability", rs -> {
			try {
				table.put(PipelineStage.valueOf(rs.getString(1)), rs.getInt(2));
			}
			catch (IllegalArgumentException retired) {
				// a stage that no longer exists
			}
		});
		return table;
	}

	private Map<TargetKey, BigDecimal> targets(YearMonth first, YearMonth last) {
		var targets = new HashMap<TargetKey, BigDecimal>();
		jdbc.query("select owner, target_month, amount from crm_sales_target where target_month between ? and ?",
				rs -> {
					targets.put(new TargetKey(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate())),
							rs.getBigDecimal(3));
				}, Date.valueOf(first.atDay(1)), Date.valueOf(last.atEndOfMonth()));
		return targets;
	}

	private record TargetKey(String owner, YearMonth month) {
	}

}
