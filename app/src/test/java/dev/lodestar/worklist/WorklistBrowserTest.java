package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import dev.lodestar.LodestarIntegrationTest;

/**
 * My work in a real browser: Debian's headless Chromium, driven through its own chromedriver
 * (both paths explicit, so Selenium Manager never looks for, let alone downloads, a browser).
 */
@LodestarIntegrationTest
class WorklistBrowserTest {

	private static final String CHROMIUM = System.getProperty("lodestar.chromium", "/usr/bin/chromium");
	private static final String CHROMEDRIVER = System.getProperty("lodestar.chromedriver", "/usr/bin/chromedriver");

	private static WebDriver browser;

	private static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	com.fasterxml.jackson.databind.ObjectMapper json;

	@BeforeAll
	static void startBrowser() throws Exception {
		profile = Files.createTempDirectory("lodestar-chromium");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--user-data-dir=" + profile, "--lang=en-US");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
		FileSystemUtils.deleteRecursively(profile.toFile());
	}

	@BeforeEach
	void loggedOut() {
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
	}

	@Test
	void aliceClaimsFillsAndCompletesALeadTaskAndTheNextStepLandsWithTheSalesManagers() {
		String key = key();
		String taskId = startLead(key);

		logIn("alice");
		// newest first: in the shared test context alice's queue holds more than a page of tasks
		// due sooner than this one
		browser.get(url("/?sort=created&dir=desc"));
		WebElement row = waitFor(By.cssSelector("tr[data-task-id='" + taskId + "']"));
		assertThat(row.getText()).contains("Qualify the lead").contains("Browser " + key).contains("on time");
		row.findElement(By.cssSelector("a.task-link")).click();

		// the case beside the form, and the diagram with the current step marked
		assertThat(waitFor(By.id("case-context")).getText()).contains("Shanghai Lotus Furniture").contains("Trade fair");
		waitFor(By.cssSelector("#diagram[data-ready='true']"));
		assertThat(browser.findElements(By.cssSelector(".djs-element.current-step[data-element-id='Task_QualifyLead']")))
			.hasSize(1);
		assertThat(browser.findElement(By.id("history")).getText()).contains("Lead captured");

		waitFor(By.id("claim")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("task-assignee"), "alice"));
		assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("alice");

		waitFor(By.cssSelector("#form[data-ready='true']"));
		field("Field_Budget").sendKeys("25000");
		field("Field_Notes").sendKeys("Needs 40 desks for the new showroom");
		browser.findElement(By.id("complete")).click();

		waitUntil(ExpectedConditions.urlContains("completed="));
		waitFor(By.id("tasks"));
		assertThat(browser.findElements(By.cssSelector("tr[data-task-id='" + taskId + "']"))).isEmpty();
		assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getEndTime())
			.isNotNull();
		Task next = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
		assertThat(next.getName()).isEqualTo("Approve the discount");
		assertThat(taskService.getIdentityLinksForTask(next.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("sales-manager");
		assertThat(runtimeService.getVariable(next.getProcessInstanceId(), "budget")).isEqualTo(25000L);

		logOut();
		logIn("bob");
		waitFor(By.id("queue-sales-manager")).click();
		assertThat(waitFor(By.cssSelector("tr[data-task-id='" + next.getId() + "']")).getText())
			.contains("Approve the discount");

		// bob manages the sales reps: alice's completed task counts in her week
		waitFor(By.id("nav-workload")).click();
		WebElement alice = waitFor(By.cssSelector("#workload-sales-rep tr[data-user='alice']"));
		assertThat(Integer.parseInt(alice.findElement(By.cssSelector(".completed")).getText())).isPositive();
	}

	@Test
	void aliceQualifiesARealLeadInTheBrowserAndThePreparationOfTheProposalComesToHer() {
		String company = "Lotus Browser " + key();
		var capture = new ApiClient(port, json).post("alice", "/api/leads",
				Map.of("company", company, "contactName", "Li Wei", "email", key().toLowerCase() + "@lotus.example",
						"phone", "+86 21 5555 " + (1000 + (int) (Math.random() * 8999)), "source", "REFERRAL",
						"region", "EMEA", "estimatedValue", "20000"));
		assertThat(capture.status()).as(capture.text()).isEqualTo(201);
		String leadId = capture.body().path("id").asText();
		Task qualify = taskService.createTaskQuery().processDefinitionKey("lead-to-sale")
			.processInstanceBusinessKey(leadId).singleResult();
		assertThat(qualify.getTaskDefinitionKey()).isEqualTo("Task_QualifyLead");

		logIn("alice");
		// by the customer: in the whole suite, her queues hold more than one page of tasks
		browser.get(url("/?customer=" + java.net.URLEncoder.encode(company, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(waitFor(By.cssSelector("tr[data-task-id='" + qualify.getId() + "']")).getText()).contains("Qualify lead");
		browser.get(url("/tasks/" + qualify.getId()));
		assertThat(waitFor(By.id("case-context")).getText()).contains(company);
		waitFor(By.cssSelector("#diagram[data-ready='true']"));
		assertThat(browser.findElements(By.cssSelector(".djs-element.current-step[data-element-id='Task_QualifyLead']")))
			.hasSize(1);
		// alice captured the lead herself: it is hers, and so is its first task (nothing to claim)
		assertThat(waitFor(By.id("task-assignee")).getText()).contains("alice");
		assertThat(browser.findElements(By.id("claim"))).isEmpty();
		assertThat(qualify.getAssignee()).isEqualTo("alice");
		waitFor(By.cssSelector("#form[data-ready='true']"));

		// qualified, but the budget left out: the server names it and nothing moves
		field("Field_qualified-0").click();
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form [id$='-Field_budget']")));
		field("Field_decisionMaker").sendKeys("Li Wei, CEO");
		field("Field_need").sendKeys("Furnish two new showrooms");
		field("Field_timeline").sendKeys("Q1");
		browser.findElement(By.id("complete")).click();
		assertThat(waitFor(By.cssSelector("#form-errors li[data-field='budget']")).getText()).contains("required");
		assertThat(taskService.createTaskQuery().taskId(qualify.getId()).count()).isEqualTo(1);

		field("Field_budget").sendKeys("20000");
		browser.findElement(By.id("complete")).click();
		waitUntil(ExpectedConditions.urlContains("completed="));
		Task next = taskService.createTaskQuery().processDefinitionKey("lead-to-sale").processInstanceBusinessKey(leadId).singleResult();
		assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_PrepareProposal");
		assertThat(next.getAssignee()).isEqualTo("alice");
		waitFor(By.id("queue-mine"));
		browser.get(url("/?queue=mine&customer="
				+ java.net.URLEncoder.encode(company, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(waitFor(By.cssSelector("tr[data-task-id='" + next.getId() + "']")).getText())
			.contains("Prepare proposal");
	}

	@Test
	void aMissingRequiredFieldShowsTheErrorOnTheFieldAndCompletesNothing() {
		String key = key();
		String taskId = startLead(key);

		logIn("alice");
		browser.get(url("/tasks/" + taskId));
		waitFor(By.cssSelector("#form[data-ready='true']"));
		field("Field_Notes").sendKeys("No budget yet");
		browser.findElement(By.id("complete")).click();

		WebElement error = waitFor(By.cssSelector("#form-errors li[data-field='budget']"));
		assertThat(error.getText()).contains("Budget (EUR)").contains("is required");
		assertThat(browser.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText))
			.anySatisfy(text -> assertThat(text).contains("is required"));
		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getName())
			.isEqualTo("Qualify the lead");
	}

	@Test
	void carolDoesNotSeeSalesTasks() {
		String taskId = startLead(key());

		logIn("carol");
		waitFor(By.id("tasks"));
		assertThat(browser.findElements(By.cssSelector("tr[data-task-id='" + taskId + "']"))).isEmpty();
		assertThat(browser.findElements(By.id("queue-sales-rep"))).isEmpty();
		browser.get(url("/tasks/" + taskId));
		assertThat(browser.getPageSource()).contains("not found").doesNotContain("Qualify the lead");
	}

	@Test
	void theUiSpeaksChineseAfterTheSwitchAndEnglishAgainAfterwards() {
		String taskId = startLead(key());

		logIn("alice");
		assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("My work");
		browser.findElement(By.id("lang-zh")).click();
		waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "我的工作"));
		assertThat(browser.findElement(By.id("nav-work")).getText()).isEqualTo("我的工作");
		assertThat(browser.findElement(By.id("tasks")).getText()).contains("截止时间");

		// the choice sticks (cookie) and reaches the form's own labels
		browser.get(url("/tasks/" + taskId));
		waitFor(By.cssSelector("#form[data-ready='true']"));
		assertThat(browser.findElement(By.id("form")).getText()).contains("预算（欧元）");
		assertThat(browser.findElement(By.id("claim")).getText()).isEqualTo("认领");

		browser.findElement(By.id("lang-en")).click();
		waitUntil(ExpectedConditions.textToBe(By.id("claim"), "Claim"));
	}

	// ---- helpers ----------------------------------------------------------------------------

	private String startLead(String businessKey) {
		var instance = runtimeService.startProcessInstanceByKey("test-lead-qualification", businessKey,
				Map.of("dueDate", Date.from(Instant.now().plus(Duration.ofDays(3))), "followUpDate",
						Date.from(Instant.now().plus(Duration.ofDays(2))), "customerName", "Browser " + businessKey));
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
	}

	private void logIn(String user) {
		browser.get(url("/login"));
		waitFor(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(user);
		browser.findElement(By.id("login")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), user));
	}

	private void logOut() {
		browser.findElement(By.id("logout")).click();
		waitFor(By.id("username"));
	}

	private WebElement field(String componentId) {
		List<WebElement> inputs = browser.findElements(By.cssSelector("#form [id$='-" + componentId + "']"));
		assertThat(inputs).as("form field " + componentId).isNotEmpty();
		return inputs.get(0);
	}

	private WebElement waitFor(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String key() {
		return "B" + UUID.randomUUID().toString().substring(0, 8);
	}

}
