package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/** The cockpit in a real browser, as the people who use it (and one who may not). */
@LodestarIntegrationTest
// a context of its own: the figures and their drill-downs are counted over this context's cases
// only, not over whatever the other test classes of the shared context left behind
@org.springframework.test.context.TestPropertySource(properties = "lodestar.test.context=insight-browser")
class InsightBrowserTest {

	static final List<String> CHART_SECTIONS = List.of("#chart-phases", "#chart-adkar", "#chart-grid", "#chart-waves",
			"#chart-scores", "#adoption-charts", "#chart-cohorts", "#trend-charts");

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	KpiSnapshotJob job;

	@Autowired
	KpiReviewService reviews;

	@Autowired
	Cockpit cockpit;

	@BeforeEach
	void work() {
		// a little work of today: two tasks on time, one late, and the snapshot of today
		for (int i = 0; i < 3; i++) {
			Instant due = i < 2 ? Instant.now().plus(Duration.ofHours(4)) : Instant.now().minus(Duration.ofHours(1));
			var pi = runtime.startProcessInstanceByKey(KpiServiceIntegrationTest.FIXTURE, "browser-" + UUID.randomUUID(),
					Map.of("dueDate", Date.from(due)));
			var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
			tasks.setAssignee(task.getId(), i == 0 ? "carol" : "alice");
			tasks.complete(task.getId());
		}
		var today = KpiSnapshotJob.today();
		// the whole window the cockpit and its drill-downs look at (the demo rollout replays weeks of work)
		job.refresh(today.minusDays(31), today);
	}

	@Test
	void erinSeesEverySectionAsChartsDrillsIntoAFigureExportsItsCasesAndReadsItInChinese() throws Exception {
		browser.logIn("erin");
		browser.consoleErrors();
		openCockpit("/insight");
		for (String section : CHART_SECTIONS) {
			assertThat(browser.driver().findElements(By.cssSelector(section + " canvas"))).as(section).isNotEmpty();
			// a canvas is drawn for an empty chart too: each section must show figures
			assertThat(pointsPerChart(section)).as(section + ": points per chart").anyMatch(points -> points > 0);
		}
		// the figure the drill-down below counts is drawn week by week, in its layer and against its target
		assertThat(pointsPerChart("#adoption-ADOPTION_TASKS_ON_TIME")).allMatch(points -> points > 0);
		assertThat(pointsPerChart("#trend-ADOPTION_TASKS_ON_TIME")).allMatch(points -> points > 0);
		assertThat(browser.driver().findElements(By.cssSelector("#heatmap-diagram svg"))).isNotEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("#heatmap-diagram .heat"))).as("time per element").isNotEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("#figures .figure"))).hasSize(Kpi.values().length);
		assertThat(browser.driver().findElement(By.cssSelector("#kpi-ADOPTION_TASKS_ON_TIME .name")).getAttribute("title"))
			.contains("due date");
		assertThat(browser.driver().findElements(By.cssSelector("input.target"))).isNotEmpty();
		browser.screenshot("insight-erin-en");
		for (String section : List.of("rollout", "readiness", "training", "adoption", "cohorts", "heatmap", "trends", "targets")) {
			browser.script("document.getElementById(arguments[0]).scrollIntoView()", "section-" + section);
			browser.screenshot("insight-erin-en-" + section);
		}
		assertThat(browser.consoleErrors()).isEmpty();

		// the drill-down lists exactly as many cases as the figure counts
		WebElement drill = browser.driver().findElement(By.cssSelector("#kpi-ADOPTION_TASKS_ON_TIME a.drill"));
		int counted = Integer.parseInt(drill.getAttribute("data-cases"));
		assertThat(counted).isGreaterThanOrEqualTo(3);
		String drillPath = drill.getAttribute("href").replace("http://localhost:" + port, "");
		browser.open(drillPath);
		browser.waitFor(By.cssSelector("#table-cases tbody"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("case-count"), String.valueOf(counted)));
		assertThat(browser.driver().findElements(By.cssSelector("#table-cases tbody tr"))).hasSize(counted);
		browser.screenshot("insight-cases-en");

		// its CSV export downloads every row
		Path downloads = Files.createTempDirectory("insight-downloads");
		((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		browser.driver().findElement(By.id("export-table-cases")).click();
		Path csv = downloads.resolve("cases-ADOPTION_TASKS_ON_TIME.csv");
		long deadline = System.currentTimeMillis() + 10_000;
		while (!Files.exists(csv) && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(csv).exists();
		var lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(counted + 1);
		assertThat(lines.get(0)).contains("Kind", "Who");
		assertThat(browser.consoleErrors()).isEmpty();

		// and the page speaks Chinese
		openCockpit("/insight?lang=zh-CN");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("领导驾驶舱");
		assertThat(browser.driver().findElement(By.cssSelector("#section-training h2")).getText()).isEqualTo("培训");
		assertThat(browser.driver().findElement(By.cssSelector("#kpi-SALES_CONVERSION_RATE .name")).getText()).isEqualTo("销售转化率");
		// the charts' own names too: ADKAR dimensions, rollout phases, the heatmap's processes
		assertThat(axis("chart-adkar", "xAxis")).contains("认知").doesNotContain("Awareness");
		// the phases of the window (which ones depends on the demo's dates), each named in Chinese
		assertThat(axis("chart-phases", "yAxis")).isNotEmpty().allMatch(name -> name.codePoints()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "a Chinese name");
		assertThat(browser.driver().findElements(By.cssSelector("#heatmap-process option"))).extracting(WebElement::getText)
			.contains("从线索到销售");
		// the weekly charts' legends name departments, then roles
		assertThat(seriesNames("adoption-ADOPTION_TASKS_ON_TIME")).contains("销售部").doesNotContain("sales");
		browser.script("const s = document.getElementById('adoption-by'); s.value = 'role'; s.dispatchEvent(new Event('change'))");
		browser.waitUntil(d -> seriesNames("adoption-ADOPTION_TASKS_ON_TIME").contains("销售代表"));
		assertThat(seriesNames("adoption-ADOPTION_TASKS_ON_TIME")).doesNotContain("sales-rep");
		browser.screenshot("insight-erin-zh");
		// and the drill-down's kinds, results and process names
		browser.open(drillPath + "&lang=zh-CN");
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("case-count"), String.valueOf(counted)));
		assertThat(browser.driver().findElements(By.cssSelector("#table-cases tbody tr td:first-child")))
			.extracting(WebElement::getText).containsOnly("任务");
		assertThat(browser.driver().findElements(By.cssSelector("#table-cases tbody tr td:last-child")))
			.extracting(WebElement::getText).isSubsetOf("按时", "逾期");
		assertThat(browser.driver().findElements(By.cssSelector("#table-cases tbody tr td:nth-child(3)")))
			.extracting(WebElement::getText).anyMatch(what -> what.endsWith(" · 从线索到销售"))
			.noneMatch(what -> what.endsWith(" · lead-to-sale"));
		browser.screenshot("insight-cases-zh");
		assertThat(browser.consoleErrors()).isEmpty();
		browser.open("/insight?lang=en");
	}

	@Test
	void theWindowStaysInTheAddressReachesEverySectionAndAReversedRangeIsRefusedBesideThePicker() {
		browser.logIn("erin");
		browser.consoleErrors();
		var to = KpiSnapshotJob.today().minusDays(3);
		var from = to.minusDays(9);
		// a shared link: the picker, every state section and the board pack's link take its window
		openCockpit("/insight?from=" + from + "&to=" + to + "&lang=en");
		assertThat(browser.driver().findElement(By.id("window-from")).getAttribute("value")).isEqualTo(from.toString());
		var page = browser.driver().findElement(By.id("cockpit"));
		assertThat(page.getAttribute("data-window-from") + "/" + page.getAttribute("data-window-to")).isEqualTo(from + "/" + to);
		assertThat(browser.driver().findElements(By.cssSelector(".state-note"))).hasSize(3)
			.allSatisfy(note -> assertThat(note.getText()).startsWith("As it stood at the end of the window"));
		assertThat(browser.driver().findElement(By.id("pack-link")).getAttribute("href"))
			.endsWith("/insight/pack?from=" + from + "&to=" + to);
		assertThat(browser.driver().findElements(By.cssSelector("#figures a.drill"))).as("the tiles' drill-downs")
			.allSatisfy(drill -> assertThat(drill.getAttribute("href")).contains("from=" + from + "&to=" + to));

		// From after To: a message beside the picker, the sections keep what they show, the address keeps the window
		browser.script("document.getElementById('window-from').value = arguments[0];"
				+ "document.getElementById('window-to').value = arguments[1];", to.toString(), from.toString());
		browser.driver().findElement(By.cssSelector("#window-form button[type=submit]")).click();
		var message = browser.waitFor(By.id("window-error"));
		browser.waitUntil(d -> message.isDisplayed());
		assertThat(message.getText()).contains("From");
		assertThat(browser.driver().getCurrentUrl()).contains("from=" + from + "&to=" + to);
		assertThat(browser.driver().findElement(By.id("insight-error")).isDisplayed()).isFalse();

		// a reversed link: the same message, the sections on the default window, no error in a chart
		openCockpit("/insight?from=" + to + "&to=" + from);
		assertThat(browser.driver().findElement(By.id("window-error")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.id("cockpit")).getAttribute("data-window-to")).isEqualTo(KpiSnapshotJob.today().toString());
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/**
	 * Each section draws when its own data has come (issue 24): with the cohorts' call held back
	 * (it never answers) and the rollout's failing, the lights, the figures and the trends are
	 * drawn, the cohorts say they are loading, and the rollout and readiness (drawn from the
	 * rollout's data) say in the section that they could not load. The calls are held back in
	 * the browser, by a script that stands in for {@code fetch} before the page's scripts run.
	 */
	@Test
	void eachSectionDrawsAsItsDataArrivesWhileAnotherIsPendingOrFailed() {
		browser.logIn("erin");
		var chrome = (ChromeDriver) browser.driver();
		var added = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				(() => {
				  const real = window.fetch;
				  window.fetch = (input, init) => {
				    const url = String(input instanceof Request ? input.url : input);
				    if (url.includes('/api/insight/cohorts')) return new Promise(() => {});
				    if (url.includes('/api/insight/rollout')) {
				      return Promise.resolve(new Response(JSON.stringify({ status: 503, title: 'Service Unavailable',
				        detail: 'held back by the test' }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } }));
				    }
				    return real(input, init);
				  };
				})();"""));
		try {
			browser.open("/insight?lang=en");
			browser.waitUntil(d -> "ready".equals(state(d, "lights")) && "ready".equals(state(d, "figures"))
					&& "ready".equals(state(d, "trends")) && "failed".equals(state(d, "rollout"))
					&& "failed".equals(state(d, "readiness")));
			var driver = browser.driver();
			assertThat(driver.findElements(By.cssSelector("#figures .figure"))).hasSize(Kpi.values().length);
			assertThat(driver.findElements(By.cssSelector("#lights .light"))).isNotEmpty();
			assertThat(driver.findElements(By.cssSelector("#trend-charts canvas"))).isNotEmpty();
			assertThat(state(driver, "cohorts")).as("its call has not answered").isEqualTo("loading");
			assertThat(driver.findElement(By.id("status-cohorts")).getText()).isEqualTo("Loading…");
			assertThat(driver.findElements(By.cssSelector("#chart-cohorts canvas"))).isEmpty();
			assertThat(driver.findElement(By.id("status-rollout")).getText())
				.startsWith("This section could not be loaded").contains("held back by the test");
			assertThat(driver.findElement(By.id("status-readiness")).getText()).startsWith("This section could not be loaded");
			assertThat(driver.findElement(By.id("status-figures")).isDisplayed()).isFalse();
			assertThat(driver.findElement(By.id("insight-error")).isDisplayed()).as("no error for the whole page").isFalse();
			assertThat(driver.findElement(By.id("cockpit")).getAttribute("data-loaded")).as("not all sections answered")
				.isNotEqualTo("true");
			browser.screenshot("insight-erin-en-one-section-pending");
		}
		finally {
			chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
		}
		// without the stand-in, every section draws again
		openCockpit("/insight?lang=en");
		assertThat(state(browser.driver(), "cohorts")).isEqualTo("ready");
		assertThat(browser.driver().findElements(By.cssSelector("#chart-cohorts canvas"))).isNotEmpty();
	}

	/** The cockpit as erin reads it at 1280 px and printed (print media), in both languages: pictures to look at. */
	@Test
	void erinsCockpitAt1280PxAndInPrintInBothLanguages() {
		browser.logIn("erin");
		try {
			for (String lang : List.of("en", "zh-CN")) {
				browser.driver().manage().window().setSize(new Dimension(1280, 1000));
				openCockpit("/insight?lang=" + lang);
				fullPage(1280);
				browser.screenshot("insight-1280-" + lang);
				// print: A4 landscape is about 1120 px wide at 96 dpi; the page's print rules apply
				((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
				browser.script("window.dispatchEvent(new Event('beforeprint'))");
				fullPage(1120);
				browser.screenshot("insight-print-" + lang);
				assertThat(browser.driver().findElement(By.id("window-form")).isDisplayed()).as("the picker is not printed").isFalse();
				((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
			}
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1400, 1000));
		}
	}

	/** The window as wide as given and as tall as the page, the charts drawn to their new size. */
	private void fullPage(int width) {
		browser.driver().manage().window().setSize(new Dimension(width, 1000));
		browser.script("window.dispatchEvent(new Event('resize'))");
		long height = (Long) browser.script("return document.documentElement.scrollHeight");
		browser.driver().manage().window().setSize(new Dimension(width, (int) Math.min(height + 150, 16000)));
		browser.script("window.dispatchEvent(new Event('resize'))");
	}

	@Test
	void frankReadsTheCockpitWithoutTargetControlsAndAliceIsRefused() {
		browser.logIn("frank");
		openCockpit("/insight");
		assertThat(browser.driver().findElements(By.cssSelector("input.target"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("readonly-note")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector("#figures .figure"))).hasSize(Kpi.values().length);
		browser.screenshot("insight-frank-en");

		browser.logIn("alice");
		browser.open("/insight");
		assertThat(browser.waitFor(By.id("error-page")).getAttribute("data-status")).isEqualTo("403");
		assertThat(browser.driver().findElements(By.id("cockpit"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("nav-insight"))).isEmpty();
	}

	@Test
	void theKpiReviewTaskShowsTheSnapshotFiguresBesideTheFormAndLinksToTheCockpit() {
		var pi = reviews.requestReview("erin");
		var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(KpiReviewProcess.TASK_REVIEW)
			.singleResult();
		browser.logIn("erin");
		browser.open("/tasks/" + task.getId());
		WebElement context = browser.waitFor(By.id("case-context"));
		assertThat(context.getText()).contains("KPI review", "Training completion", "Tasks completed on time", "target");
		// each figure beside the form is the one the review's snapshot holds
		var shown = new java.util.LinkedHashMap<String, String>();
		var terms = context.findElements(By.cssSelector("dl.facts dt"));
		var values = context.findElements(By.cssSelector("dl.facts dd"));
		for (int i = 0; i < terms.size(); i++) {
			shown.put(terms.get(i).getText(), values.get(i).getText());
		}
		Long reviewId = (Long) runtime.getVariable(pi.getId(), KpiReviewProcess.VAR_REVIEW_ID);
		var snapshots = reviews.snapshotsOf(reviewId);
		assertThat(snapshots).hasSize(Kpi.values().length);
		for (KpiSnapshot s : snapshots) {
			Kpi kpi = Kpi.valueOf(s.getKpiCode());
			// the process's English title or the cockpit's English name, whichever the panel uses
			String name = shown.containsKey(kpi.title()) ? kpi.title() : cockpit.name(kpi, java.util.Locale.ENGLISH);
			assertThat(shown).as(name).containsKey(name);
			String value = s.getValue() == null ? "–" : s.getValue().stripTrailingZeros().toPlainString();
			assertThat(shown.get(name)).as(name).startsWith(value)
				.contains(s.getTarget().stripTrailingZeros().toPlainString())
				.contains(String.valueOf(s.getSampleSize()));
		}
		assertThat(context.findElement(By.cssSelector("a[href='/insight']")).isDisplayed()).isTrue();
		browser.screenshot("insight-kpi-review-task");
	}

	/**
	 * The points each ECharts chart of a section draws (values that are not null), read from the
	 * charts' own options in the page.
	 */
	@SuppressWarnings("unchecked")
	private List<Long> pointsPerChart(String section) {
		return ((List<Object>) browser.script("""
				const root = document.querySelector(arguments[0]);
				const nodes = root.hasAttribute('_echarts_instance_') ? [root] : [...root.querySelectorAll('[_echarts_instance_]')];
				const drawn = (v) => v !== null && v !== undefined && v !== '-'
				  && !(typeof v === 'object' && !Array.isArray(v) && (v.value === null || v.value === undefined));
				return nodes.map((n) => window.echarts.getInstanceByDom(n).getOption().series
				  .filter((s) => !s.silent) // the rollout chart's invisible offset bars
				  .reduce((sum, s) => sum + (s.data || []).filter(drawn).length, 0));
				""", section)).stream().map(n -> ((Number) n).longValue()).toList();
	}

	@SuppressWarnings("unchecked")
	private List<String> seriesNames(String chartId) {
		return (List<String>) browser.script("return window.echarts.getInstanceByDom(document.getElementById(arguments[0]))"
				+ ".getOption().series.map((s) => String(s.name))", chartId);
	}

	@SuppressWarnings("unchecked")
	private List<String> axis(String chartId, String axis) {
		return (List<String>) browser.script("return window.echarts.getInstanceByDom(document.getElementById(arguments[0]))"
				+ ".getOption()[arguments[1]][0].data.map(String)", chartId, axis);
	}

	private void openCockpit(String path) {
		browser.open(path);
		browser.waitUntil(d -> "true".equals(d.findElement(By.id("cockpit")).getAttribute("data-loaded"))
				|| d.findElement(By.id("insight-error")).isDisplayed());
		assertThat(browser.driver().findElement(By.id("insight-error")).isDisplayed())
			.as(browser.driver().findElement(By.id("insight-error")).getText()).isFalse();
		assertThat(browser.driver().findElements(By.cssSelector(".insight-section[data-state=failed] .section-status")))
			.as("sections that could not load").extracting(WebElement::getText).isEmpty();
	}

	private static String state(org.openqa.selenium.WebDriver driver, String section) {
		return driver.findElement(By.id("section-" + section)).getAttribute("data-state");
	}

}
