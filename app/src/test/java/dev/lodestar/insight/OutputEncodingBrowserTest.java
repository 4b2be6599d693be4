package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * Output encoding in the browser: a stakeholder named like markup shows as text in the cockpit's
 * chart tooltips and pages, and the cockpit's CSV exports hand a spreadsheet no formula.
 */
@LodestarIntegrationTest
// a context of its own: the rollout started here becomes "the latest rollout" the cockpit shows
@TestPropertySource(properties = "lodestar.test.context=output-encoding")
class OutputEncodingBrowserTest {

	static final String HOSTILE = "<img src=x onerror=window.__xss=1>";

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aStakeholderNamedLikeMarkupShowsAsTextInTheTooltipAndOnThePages() throws Exception {
		long rollout = json.readTree(post("/api/rollouts", Map.of("name", "Encoding " + UUID.randomUUID(), "sponsor", "erin")))
			.get("id").asLong();
		post("/api/rollouts/" + rollout + "/stakeholders", Map.of("name", HOSTILE, "category", "EMPLOYEE", "department",
				"<b>Sales</b>", "influence", 4, "interest", 2));

		browser.logIn("erin");
		openCockpit();
		int index = ((Number) browser.script("""
				const option = window.echarts.getInstanceByDom(document.getElementById('chart-grid')).getOption();
				return option.series[0].data.findIndex((d) => d.name === arguments[0]);""", HOSTILE)).intValue();
		assertThat(index).as("the stakeholder is on the chart").isGreaterThanOrEqualTo(0);

		// the formatter's HTML holds the name as text ...
		String formatted = (String) browser.script("""
				const option = window.echarts.getInstanceByDom(document.getElementById('chart-grid')).getOption();
				return option.tooltip[0].formatter({ data: { name: arguments[0] }, value: [4, 2] });""", HOSTILE);
		assertThat(formatted).startsWith("&lt;img src=x onerror=window.__xss=1&gt;:").doesNotContain("<img");

		// ... and the tooltip ECharts shows for the point is that text, not an image with a handler
		browser.script("""
				window.echarts.getInstanceByDom(document.getElementById('chart-grid'))
				  .dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: arguments[0] });""", index);
		browser.waitUntil(d -> tooltipText().contains(HOSTILE));
		assertThat((Boolean) browser.script("""
				return [...document.querySelectorAll('#chart-grid div')]
				  .some((d) => d.textContent.includes(arguments[0]) && d.querySelector('img'));""", HOSTILE))
			.as("an <img> inside the tooltip").isFalse();
		assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
		browser.screenshot("output-encoding-tooltip");

		// the stakeholder page and the readiness grid show the same text
		browser.open("/rollouts/" + rollout + "/stakeholders");
		assertThat(browser.waitFor(By.tagName("main")).getText()).contains(HOSTILE).contains("<b>Sales</b>");
		assertThat(browser.driver().findElements(By.cssSelector("main img[src='x']"))).isEmpty();
		assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
	}

	@Test
	void csvExportsPrefixCellsThatASpreadsheetWouldRunAndKeepTheirOwnNumbers() throws Exception {
		long rollout = json.readTree(post("/api/rollouts", Map.of("name", "Csv " + UUID.randomUUID(), "sponsor", "erin")))
			.get("id").asLong();
		post("/api/rollouts/" + rollout + "/issues", Map.of("title", "=HYPERLINK(\"http://evil.example\",\"x\")",
				"severity", "CRITICAL"));
		post("/api/rollouts/" + rollout + "/issues", Map.of("title", "@SUM(1+1)", "severity", "CRITICAL"));

		browser.logIn("erin");
		openCockpit();
		Path downloads = Files.createTempDirectory("csv-downloads");
		((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		browser.script("document.getElementById('export-table-issues').scrollIntoView()");
		browser.driver().findElement(By.id("export-table-issues")).click();
		// the file is named with the window it holds
		var page = browser.driver().findElement(By.id("cockpit"));
		Path csv = downloads.resolve("critical-issues_" + page.getAttribute("data-window-from") + "_"
				+ page.getAttribute("data-window-to") + ".csv");
		browser.waitUntil(d -> Files.exists(csv) && csv.toFile().length() > 0);
		String text = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"").contains("'@SUM(1+1)")
			.doesNotContain(",=HYPERLINK").doesNotContain(",@SUM");

		// every dangerous first character, and the page's own numbers, through the one helper the exports use
		@SuppressWarnings("unchecked")
		List<String> cells = (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/insight-common.js').then((m) => done(
				  ['=1+1', '+1', '-1', '@A1', '\\tx', '\\rx', 'plain', 'a,b', -3.5, 42, '-3.5'].map(m.csvCell)));""");
		assertThat(cells).containsExactly("'=1+1", "'+1", "'-1", "'@A1", "'\tx", "\"'\rx\"", "plain", "\"a,b\"", "-3.5",
				"42", "'-3.5");
	}

	private String tooltipText() {
		return (String) browser.script("""
				return [...document.querySelectorAll('#chart-grid div')]
				  .filter((d) => getComputedStyle(d).position === 'absolute' && d.style.display !== 'none')
				  .map((d) => d.textContent).join(' | ');""");
	}

	private void openCockpit() {
		browser.open("/insight");
		browser.waitUntil(d -> "true".equals(d.findElement(By.id("cockpit")).getAttribute("data-loaded"))
				|| d.findElement(By.id("insight-error")).isDisplayed());
		assertThat(browser.driver().findElement(By.id("insight-error")).isDisplayed()).isFalse();
	}

	private String post(String path, Map<String, Object> body) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("frank:frank".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
		return response.body();
	}

}
