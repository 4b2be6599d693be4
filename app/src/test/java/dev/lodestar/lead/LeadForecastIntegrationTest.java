package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;

/**
 * {@code GET /api/leads/forecast} and {@code POST /api/leads/{id}/expected-close}: the weighted
 * forecast sums amount × probability of an owner's open leads by expected close month, against
 * the owner's target, and only sales (and leadership) read it.
 */
@LodestarIntegrationTest
class LeadForecastIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Leads leads;

	@Autowired
	Opportunities opportunities;

	@Autowired
	JdbcTemplate jdbc;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	/** Far in the future, so that no other test's lead (closing 90 days after capture) falls in it. */
	private final YearMonth first = YearMonth.of(2031, 1 + (int) (Math.random() * 10));

	private ApiClient api() {
		return new ApiClient(port);
	}

	@Test
	void sumsAmountTimesProbabilityPerOwnerAndMonthAgainstTarget() {
		String owner = "fc-" + tag;
		String other = "fd-" + tag;
		// qualifying (10 % by stage), one with the owner's own 40 %, a proposal (30 % by stage)
		long a = qualifying(owner, "1000.00", first.atDay(3), null);
		long b = qualifying(owner, "2500.50", first.atEndOfMonth(), 40);
		long c = proposal(owner, "7000.00", first.atDay(15), null);
		long d = qualifying(owner, "3333.33", first.plusMonths(1).atDay(1), null);
		long outside = qualifying(owner, "9999.00", first.plusMonths(3).atDay(1), null);
		long theirs = qualifying(other, "5000.00", first.atDay(10), null);
		jdbc.update("insert into crm_sales_target (owner, target_month, amount) values (?, ?, ?)", owner,
				Date.valueOf(first.atDay(1)), new BigDecimal("5000.00"));

		JsonNode forecast = api().get("bob", "/api/leads/forecast?owner=" + owner + "&from=" + first + "&months=3").json();

		assertThat(texts(forecast.at("/months"))).containsExactly(first.toString(), first.plusMonths(1).toString(),
				first.plusMonths(2).toString());
		assertThat(forecast.at("/currency").asText()).isNotBlank();
		assertThat(forecast.at("/probabilities/QUALIFYING").asInt()).isEqualTo(10);
		assertThat(forecast.at("/rows").size()).as("the owner filter").isEqualTo(1);
		JsonNode row = forecast.at("/rows/0");
		assertThat(row.at("/owner").asText()).isEqualTo(owner);

		JsonNode january = row.at("/cells/0");
		assertThat(january.at("/month").asText()).isEqualTo(first.toString());
		// 1000 × 10 % + 2500.50 × 40 % + 7000 × 30 %
		assertThat(january.at("/weighted").decimalValue()).isEqualByComparingTo("3200.20");
		assertThat(january.at("/target").decimalValue()).isEqualByComparingTo("5000");
		assertThat(ids(january)).containsExactlyInAnyOrder(a, b, c);
		assertThat(january.at("/leads").findValues("weighted").stream().map(JsonNode::decimalValue)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(january.at("/weighted").decimalValue());
		JsonNode bItem = item(january, b);
		assertThat(bItem.at("/probability").asInt()).isEqualTo(40);
		assertThat(bItem.at("/dateSet").asBoolean()).isTrue();
		assertThat(item(january, c).at("/stage").asText()).isEqualTo("PROPOSAL");

		JsonNode february = row.at("/cells/1");
		assertThat(february.at("/weighted").decimalValue()).isEqualByComparingTo("333.333");
		assertThat(february.at("/target").decimalValue()).as("the default target").isEqualByComparingTo("100000");
		assertThat(ids(february)).containsExactly(d);
		assertThat(row.at("/cells/2/weighted").decimalValue()).isZero();
		assertThat(row.at("/cells/2/leads").size()).isZero();
		assertThat(forecast.toString()).doesNotContain("\"id\":" + outside + ",").doesNotContain("\"id\":" + theirs + ",");

		// everybody's forecast holds the same row, and the other owner's
		JsonNode all = api().get("erin", "/api/leads/forecast?from=" + first + "&months=3").json();
		JsonNode same = null;
		JsonNode otherRow = null;
		for (JsonNode r : all.at("/rows")) {
			same = owner.equals(r.at("/owner").asText()) ? r : same;
			otherRow = other.equals(r.at("/owner").asText()) ? r : otherRow;
		}
		assertThat(same).isEqualTo(row);
		assertThat(otherRow.at("/cells/0/weighted").decimalValue()).isEqualByComparingTo("500");
	}

	@Test
	void theOwnerSetsTheExpectedCloseDateAndProbabilityAndBadInputNamesTheField() {
		long mine = qualifying("alice", "8000.00", null, null);
		LocalDate close = first.plusMonths(1).atDay(20);

		var saved = api().post("alice", "/api/leads/" + mine + "/expected-close",
				"{\"expectedCloseDate\":\"" + close + "\",\"probability\":25}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().at("/expectedCloseDate").asText()).isEqualTo(close.toString());
		assertThat(saved.json().at("/probability").asInt()).isEqualTo(25);
		JsonNode cell = api().get("alice", "/api/leads/forecast?owner=alice&from=" + close.getYear() + "-"
				+ String.format("%02d", close.getMonthValue()) + "&months=1").json().at("/rows/0/cells/0");
		assertThat(item(cell, mine).at("/weighted").decimalValue()).isEqualByComparingTo("2000");

		// a manager may; a rep who does not own it may not; back to the stage's probability
		assertThat(api().post("bob", "/api/leads/" + mine + "/expected-close",
				"{\"expectedCloseDate\":\"" + close + "\"}").json().at("/probability").isNull()).isTrue();
		long notMine = qualifying("sales.02", "100.00", null, null);
		var refused = api().post("alice", "/api/leads/" + notMine + "/expected-close",
				"{\"expectedCloseDate\":\"" + close + "\"}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");

		var badDate = api().post("alice", "/api/leads/" + mine + "/expected-close", "{\"expectedCloseDate\":\"2031-02-30\"}");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().at("/errors").findValuesAsText("field")).containsExactly("expectedCloseDate");
		var badProbability = api().post("alice", "/api/leads/" + mine + "/expected-close",
				"{\"expectedCloseDate\":\"" + close + "\",\"probability\":150}");
		assertThat(badProbability.status()).isEqualTo(400);
		assertThat(badProbability.json().at("/errors").findValuesAsText("field")).containsExactly("probability");
		var missing = api().post("alice", "/api/leads/" + mine + "/expected-close", "{}");
		assertThat(missing.json().at("/errors").findValuesAsText("field")).containsExactly("expectedCloseDate");
	}

	@Test
	void serviceRolesMayNotReadTheForecastAndBadParametersAreNamed() {
		assertThat(api().get("carol", "/api/leads/forecast").status()).isEqualTo(403);
		assertThat(api().get("dave", "/api/leads/forecast").status()).isEqualTo(403);
		assertThat(api().get("alice", "/api/leads/forecast").status()).isEqualTo(200);
		var months = api().get("alice", "/api/leads/forecast?months=13");
		assertThat(months.status()).isEqualTo(400);
		assertThat(months.json().at("/errors").findValuesAsText("field")).containsExactly("months");
		var from = api().get("alice", "/api/leads/forecast?from=December");
		assertThat(from.status()).isEqualTo(400);
		assertThat(from.body()).contains("from");
	}

	private long qualifying(String owner, String amount, LocalDate close, Integer probability) {
		var now = Instant.now();
		var lead = new Lead("Forecast " + tag + " " + owner + " " + amount, null, null, null, LeadSource.WEB, Region.EMEA,
				Segment.SMB, new BigDecimal(amount), null, "test", now);
		lead.routed("LOW", "sales-rep", now);
		lead.claimedBy(owner, now);
		if (close != null) {
			lead.expectClose(close, probability, now);
		}
		return leads.save(lead).getId();
	}

	private long proposal(String owner, String amount, LocalDate close, Integer probability) {
		var now = Instant.now();
		var lead = leads.save(new Lead("Forecast " + tag + " proposal " + amount, null, null, null, LeadSource.WEB,
				Region.EMEA, Segment.SMB, new BigDecimal(amount), null, "test", now));
		lead.routed("LOW", "sales-rep", now);
		lead.qualify("yes", "CEO", "desks", "Q1", owner, now);
		lead.expectClose(close, probability, now);
		leads.save(lead);
		opportunities.save(new Opportunity(lead, now));
		return lead.getId();
	}

	private static List<String> texts(JsonNode array) {
		var texts = new ArrayList<String>();
		array.forEach(n -> texts.add(n.asText()));
		return texts;
	}

	private static List<Long> ids(JsonNode cell) {
		var ids = new ArrayList<Long>();
		cell.at("/leads").forEach(n -> ids.add(n.at("/id").asLong()));
		return ids;
	}

	private static JsonNode item(JsonNode cell, long id) {
		for (JsonNode n : cell.at("/leads")) {
			if (n.at("/id").asLong() == id) {
				return n;
			}
		}
		throw new AssertionError("lead " + id + " not in " + cell);
	}

}
