package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.SeededRandom;
import dev.lodestar.customer.ApiClient;

/**
 * The board at volume in Chromium at 1280 × 800, in English and Chinese: with a few hundred more
 * open leads every stage column stays within the window's width (no page-wide horizontal
 * scrollbar; the columns scroll on their own), and each cell of the weighted forecast above it
 * is the sum of amount × probability of the leads the API names for it. Screenshots in
 * target/screenshots.
 */
@LodestarIntegrationTest
class PipelineForecastBrowserTest {

	static final int LEADS = 300;

	@LocalServerPort
	int port;

	@Autowired
	Leads leads;

	@Autowired
	Opportunities opportunities;

	@Autowired
	LeadForecast forecast;

	private final List<Lead> seeded = new ArrayList<>();

	@Test
	void everyStageFitsTheWindowAndEachForecastCellIsTheSumOfItsLeads() throws Exception {
		String owner = "fc." + UUID.randomUUID().toString().substring(0, 6);
		var expected = seed(owner);

		var browser = Browser.start("en").baseUrl("http://localhost:" + port);
		try {
			browser.driver().manage().window().setSize(new Dimension(1280, 800));
			browser.logIn("bob");
			for (String lang : List.of("en", "zh-CN")) {
				browser.open("/leads?lang=" + lang);
				browser.waitFor(By.id("forecast-table"));
				browser.waitFor(By.id("column-DISQUALIFIED"));

				long inner = (Long) browser.script("return window.innerWidth;");
				assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
					.as("no page-wide horizontal scrollbar").isLessThanOrEqualTo(inner);
				@SuppressWarnings("unchecked")
				var boxes = (List<Map<String, Number>>) browser.script("""
						return [...document.querySelectorAll('#board .column')].map(c => {
						  const r = c.getBoundingClientRect(); return { left: r.left, right: r.right }; });""");
				assertThat(boxes).hasSize(PipelineStage.values().length)
					.allSatisfy(box -> assertThat(box.get("left").doubleValue()).isGreaterThanOrEqualTo(0))
					.allSatisfy(box -> assertThat(box.get("right").doubleValue()).isLessThanOrEqualTo(inner));
				assertThat((Boolean) browser.script("""
						return [...document.querySelectorAll('#board .column ul.cards')]
						  .some(u => u.scrollHeight > u.clientHeight);""")).as("a column scrolls on its own").isTrue();
				assertThat(browser.driver().findElement(By.id("list-WON")).getAttribute("href")).contains("/leads?view=list&stage=WON");

				// every cell on the page is its API cell, and that is the sum of its leads
				var api = new ApiClient(port).get("bob", "/api/leads/forecast").json();
				var apiCells = new HashMap<String, JsonNode>();
				for (JsonNode row : api.at("/rows")) {
					for (JsonNode cell : row.at("/cells")) {
						apiCells.put(row.at("/owner").asText("") + "|" + cell.at("/month").asText(), cell);
						BigDecimal sum = BigDecimal.ZERO;
						for (JsonNode lead : cell.at("/leads")) {
							sum = sum.add(lead.at("/amount").decimalValue()
								.multiply(BigDecimal.valueOf(lead.at("/probability").asInt()))
								.movePointLeft(2));
						}
						assertThat(cell.at("/weighted").decimalValue()).isEqualByComparingTo(sum);
					}
				}
				@SuppressWarnings("unchecked")
				var pageCells = (List<Map<String, String>>) browser.script("""
						return [...document.querySelectorAll('#forecast-table td.forecast-cell')].map(td => ({
						  owner: td.closest('tr').dataset.owner || '', month: td.dataset.month,
						  weighted: td.dataset.weighted, leads: td.dataset.leads,
						  shown: td.querySelector('.weighted').textContent }));""");
				assertThat(pageCells).hasSize(apiCells.size());
				for (var cell : pageCells) {
					JsonNode fromApi = apiCells.get(cell.get("owner") + "|" + cell.get("month"));
					assertThat(fromApi).as(cell.toString()).isNotNull();
					assertThat(new BigDecimal(cell.get("weighted"))).as(cell.toString())
						.isEqualByComparingTo(fromApi.at("/weighted").decimalValue());
					assertThat(Integer.parseInt(cell.get("leads"))).isEqualTo(fromApi.at("/leads").size());
					assertThat(cell.get("shown")).matches("[0-9,]+ " + api.at("/currency").asText());
				}
				// and the seeded owner's cells are what the seed says
				expected.forEach((month, sum) -> assertThat(apiCells.get(owner + "|" + month).at("/weighted").decimalValue())
					.as(owner + " " + month).isEqualByComparingTo(sum));

				browser.screenshot("board-forecast-1280-" + lang);
			}
			assertThat(browser.driver().findElement(By.cssSelector("#forecast h2")).getText()).contains("加权预测");

			// the owner's expected close date, set from the lead's page (a manager may too)
			long id = seeded.get(0).getId();
			browser.open("/leads/" + id);
			var date = forecast.thisMonth().plusMonths(2).atDay(28);
			browser.script("document.getElementById('expectedCloseDate').value = arguments[0];", date.toString());
			var probability = browser.driver().findElement(By.id("probability-input"));
			probability.clear();
			probability.sendKeys("35");
			browser.screenshot("lead-forecast-form-zh-CN");
			browser.driver().findElement(By.id("save-expected-close")).click();
			assertThat(browser.waitFor(By.id("forecast-saved")).getText()).isEqualTo("预计成交日期已保存。");
			assertThat(browser.driver().findElement(By.cssSelector("#expected-close time")).getDomAttribute("datetime"))
				.isEqualTo(date.toString());
			assertThat(browser.driver().findElement(By.id("probability")).getText()).contains("35 %");
			assertThat(browser.consoleErrors()).noneMatch(e -> !e.contains("favicon.ico"));
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * A few hundred open leads of one owner over the forecast's three months, at every open stage
	 * before the proposal and at the proposal; answers what each month should weigh.
	 */
	private Map<YearMonth, BigDecimal> seed(String owner) {
		var random = SeededRandom.forProperty("board at volume");
		var probabilities = forecast.probabilities();
		YearMonth first = forecast.thisMonth();
		var now = Instant.now();
		var expected = new HashMap<YearMonth, BigDecimal>();
		var batch = new ArrayList<Lead>();
		var proposals = new ArrayList<Lead>();
		for (int i = 0; i < LEADS; i++) {
			var amount = BigDecimal.valueOf(1000 + random.between(0, 90_000), 2).multiply(BigDecimal.TEN);
			var lead = new Lead("Volume " + owner + " " + i + " Trading", "Contact " + i, null, null, LeadSource.WEB,
					Region.values()[i % Region.values().length], Segment.SMB, amount, null, "test", now.plusMillis(i));
			lead.routed("LOW", "sales-rep", now);
			YearMonth month = first.plusMonths(i % 3);
			Integer own = i % 7 == 0 ? random.between(0, 100) : null;
			PipelineStage stage;
			if (i % 4 == 0) {
				lead.qualify("yes", "CEO", "desks", "Q1", owner, now);
				proposals.add(lead);
				stage = PipelineStage.PROPOSAL;
			}
			else {
				lead.claimedBy(owner, now);
				stage = PipelineStage.QUALIFYING;
			}
			lead.expectClose(month.atDay(1 + i % 28), own, now);
			int probability = own != null ? own : probabilities.get(stage);
			expected.merge(month, amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2), BigDecimal::add);
			batch.add(lead);
		}
		seeded.addAll(leads.saveAll(batch));
		opportunities.saveAll(proposals.stream().map(l -> new Opportunity(l, now)).toList());
		return expected;
	}

}
