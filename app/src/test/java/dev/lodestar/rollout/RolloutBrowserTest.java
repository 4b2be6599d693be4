package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.demo.RolloutScenario;

/**
 * The rollout workspace and the training pages in Chromium, on a rollout of the test's own,
 * replayed through the real processes up to its trial run: frank's issue log and the go-live
 * gate, the one current phase, grace's attendance list, alice's knowledge check, every
 * training document. Takes the end-user material's screenshots of the real app: into
 * {@code target/screenshots/training-material} on every run, into the tracked
 * {@code training-material/03-end-users/screenshots} only when {@value #WRITE_MATERIAL} is true
 * (the Maven profile {@code training-screenshots}), so that a test run leaves the working tree
 * as it found it.
 */
@LodestarIntegrationTest
class RolloutBrowserTest {

	/** The setting that makes this test refresh the training material's screenshots. */
	static final String WRITE_MATERIAL = "lodestar.training.screenshots";

	/**
	 * Where the end-user material expects its screenshots (the tests run in {@code app/}), or
	 * their place under {@code target/} on an ordinary test run.
	 */
	static final Path SCREENSHOTS = Boolean.getBoolean(WRITE_MATERIAL)
			? Path.of("..", "training-material", "03-end-users", "screenshots")
			: Browser.SCREENSHOTS.resolve("training-material");

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	static Long rolloutId;

	@Autowired
	dev.lodestar.calendar.Dates dates;

	@Autowired
	RolloutScenario scenario;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	RolloutService rollouts;

	@Autowired
	TrainingService training;

	@Autowired
	TrainingLibrary library;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@BeforeEach
	void setUp() {
		browser.consoleErrors(); // only this test's errors count
		if (rolloutId == null) {
			rolloutId = transaction.execute(status -> scenario.trialRun("Browser rollout " + UUID.randomUUID()));
		}
	}

	@Test
	void frankLogsACriticalTrialIssueAndTheGateRefusesUntilItIsClosed() {
		browser.logIn("frank");
		browser.open("/rollouts/" + rolloutId);
		assertThat(gateSaysGo()).as("the gate before the issue").isTrue();

		String title = "Caller id lost on transfers " + UUID.randomUUID();
		browser.waitFor(By.id("issue-title")).sendKeys(title);
		new Select(browser.driver().findElement(By.id("issue-assignee"))).selectByValue("frank");
		browser.driver().findElement(By.id("log-issue")).click();
		WebElement row = issueRow(title);
		assertThat(row.getAttribute("data-severity")).isEqualTo("MEDIUM");
		assertThat(gateSaysGo()).isTrue();

		new Select(row.findElement(By.cssSelector("select.issue-severity"))).selectByValue("CRITICAL");
		eventually(() -> "CRITICAL".equals(issueRow(title).getAttribute("data-severity")));
		assertThat(gateSaysGo()).as("an open critical issue blocks the gate").isFalse();
		assertThat(browser.driver().findElement(By.id("gate-reasons")).getText()).contains("Critical issues are still open");
		assertThat(browser.driver().findElement(By.cssSelector("#gate-inputs [data-input='openCriticalIssues'] td")).getText())
			.isEqualTo("1");
		browser.screenshot("rollout-gate-refuses");

		issueRow(title).findElement(By.cssSelector("button.close-issue")).click();
		eventually(() -> "CLOSED".equals(issueRow(title).getAttribute("data-status")));
		assertThat(gateSaysGo()).as("closing the issue lets the gate pass").isTrue();
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void theRolloutPageNamesExactlyOneCurrentPhaseWithTheDatesOfTheRunningCase() {
		browser.logIn("erin");
		browser.open("/rollouts/" + rolloutId);
		List<WebElement> current = browser.driver().findElements(By.id("current-phase"));
		assertThat(current).hasSize(1);
		assertThat(current.get(0).getAttribute("data-phase")).isEqualTo("TRIAL_RUN");
		assertThat(current.get(0).findElement(By.className("phase-name")).getText()).isEqualTo("Trial run");

		// the dates of the running case: the trial task's start in the engine's history, and the plan
		var rollout = rollouts.rollout(rolloutId);
		var trial = history.createHistoricActivityInstanceQuery()
			.processInstanceId(rollout.getProcessInstanceId())
			.activityId(RolloutProcess.TASK_TRIAL)
			.singleResult();
		assertThat(current.get(0).findElement(By.className("actual-start")).getText())
			.isEqualTo(dates.date(trial.getStartTime().toInstant(), Locale.US));
		var phase = rollouts.phasesOf(rolloutId).stream().filter(p -> p.getCode() == Phase.TRIAL_RUN).findFirst().orElseThrow();
		assertThat(current.get(0).findElement(By.className("planned-dates")).getText())
			.isEqualTo(dates.date(phase.getPlannedStart(), Locale.US) + " – " + dates.date(phase.getPlannedEnd(), Locale.US));
		assertThat(trial.getStartTime().toInstant()).isBefore(Instant.now().minus(Duration.ofDays(3)));
		// the phases beside the delivery line run too, and are said to run alongside
		assertThat(browser.driver().findElement(By.id("alongside")).getText()).contains("Stakeholder assessment",
				"Training wave 4");
		assertThat(browser.driver().findElements(By.cssSelector("#timeline tr[data-status='DONE']"))).hasSize(9);
		assertThat(browser.driver().findElement(By.id("co-pms")).getText()).contains("frank", "Petra Partner");
		browser.screenshot("rollout.en");

		// the same page, and the stakeholder register, in Chinese
		browser.open("/rollouts/" + rolloutId + "?lang=zh-CN");
		assertThat(browser.waitFor(By.cssSelector("#current-phase .phase-name")).getText()).isEqualTo("试运行");
		browser.screenshot("rollout.zh-CN");
		browser.open("/rollouts/" + rolloutId + "/stakeholders");
		assertThat(browser.waitFor(By.id("open-barrier-points")).getText()).isEqualTo("2");
		assertThat(browser.driver().findElements(By.cssSelector("tr.barrier-point[data-status='OPEN']"))).hasSize(2);
		assertThat(browser.driver().findElements(By.cssSelector("#grid svg .dot"))).hasSize(5);
		browser.screenshot("stakeholders.zh-CN");
		browser.open("/rollouts/" + rolloutId + "?lang=en");
	}

	@Test
	void graceTakesAttendanceAndAliceTakesTheEndUsersCheckInTheApp() {
		var wave = training.createAndStart(rolloutId, WaveKind.END_USERS, List.of("sales-rep"), 80,
				Instant.now().plus(Duration.ofDays(14)));
		var plan = tasks.createTaskQuery().processInstanceId(wave.getProcessInstanceId())
			.taskDefinitionKey(TrainingWaveProcess.TASK_PLAN_SESSIONS).singleResult();
		tasks.setAssignee(plan.getId(), "grace");
		var session = new HashMap<String, Object>();
		session.put(TrainingWaveProcess.VAR_SESSION_TITLE, "Lodestar for sales reps");
		session.put(TrainingWaveProcess.VAR_SESSION_STARTS_AT, java.util.Date.from(Instant.now()));
		session.put(TrainingWaveProcess.VAR_SESSION_LOCATION, "Training room 2");
		tasks.complete(plan.getId(), session);
		Long sessionId = training.sessionsOf(wave.getId()).get(0).getId();
		long completedBefore = training.progress(training.wave(wave.getId())).completed();

		// grace: attendance on one screen
		browser.logIn("grace");
		browser.open("/rollouts/" + rolloutId + "/sessions/" + sessionId);
		browser.waitFor(By.id("present-alice")).click();
		browser.driver().findElement(By.id("save-attendance")).click();
		// saving answers on the screen: which session, how many present, no other session changed
		browser.waitUntil(d -> d.findElement(By.id("attendance-saved")).getText().contains("1 present"));
		assertThat(browser.driver().findElement(By.id("attendance-saved")).getText()).contains("No other session changed");
		eventually(() -> participantState("alice").contains("attended"));
		assertThat(training.record(wave.getId(), "alice").isAttended()).isTrue();
		assertThat(training.progress(training.wave(wave.getId())).completed()).isEqualTo(completedBefore);
		browser.screenshot("session-attendance");

		// alice: her work, her task, the check (the end-user material's screenshots), in both languages
		browser.logIn("alice");
		for (String lang : List.of("en", "zh-CN")) {
			browser.open("/?lang=" + lang);
			browser.waitFor(By.id("tasks"));
			browser.screenshot(SCREENSHOTS.resolve("my-work." + lang + ".png"));
			String taskId = tasks.createTaskQuery().processInstanceId(wave.getProcessInstanceId()).taskAssignee("alice")
				.singleResult().getId();
			browser.open("/tasks/" + taskId);
			browser.waitFor(By.cssSelector("#form input"));
			browser.screenshot(SCREENSHOTS.resolve("task." + lang + ".png"));
			browser.open("/training/03-end-users/knowledge-check");
			browser.waitFor(By.id("check-open"));
			browser.screenshot(SCREENSHOTS.resolve("knowledge-check." + lang + ".png"));
		}
		browser.open("/training/03-end-users/knowledge-check?lang=en");
		var check = library.knowledgeCheck("03-end-users", Locale.ENGLISH).orElseThrow();
		for (var q : check.questions()) {
			// every answer right but the first question's
			int pick = q.number() == 1 ? (q.key().iterator().next() + 1) % q.options().size() : -1;
			for (int i = 0; i < q.options().size(); i++) {
				if (pick >= 0 ? i == pick : q.key().contains(i)) {
					browser.driver().findElement(By.id("q" + q.number() + "-" + i)).click();
				}
			}
		}
		int resultsBefore = browser.driver().findElements(By.cssSelector("#results .result")).size();
		browser.driver().findElement(By.id("submit-check")).click();
		int expected = (int) Math.round(100.0 * (check.questions().size() - 1) / check.questions().size());
		eventually(() -> browser.driver().findElements(By.cssSelector("#results .result")).size() == resultsBefore + 1);
		// the newest result is this wave's (the demo, when it runs, gave alice an earlier one)
		var results = browser.driver().findElements(By.cssSelector("#results .result"));
		var result = results.get(results.size() - 1);
		assertThat(result.findElement(By.className("check-score")).getText()).startsWith(expected + " %");
		assertThat(result.getText()).contains("passed", "complete");

		var record = training.record(wave.getId(), "alice");
		assertThat(record.getScore()).isEqualTo(expected);
		assertThat(record.isCompleted()).isTrue();
		assertThat(training.progress(training.wave(wave.getId())).completed()).isEqualTo(completedBefore + 1);
		// her task is done through My work, and the trainer has nothing left to record for her
		assertThat(tasks.createTaskQuery().processInstanceId(wave.getProcessInstanceId()).taskAssignee("alice").count()).isZero();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(wave.getProcessInstanceId())
			.activityId(TrainingWaveProcess.TASK_RECORD_RESULT).count()).isZero();
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void everyTrainingDocumentRendersInBothLanguagesAndNoCheckShowsItsKey() {
		browser.logIn("carol");
		for (String lang : List.of("en", "zh-CN")) {
			browser.open("/training?lang=" + lang);
			var documents = library.documents(Locale.forLanguageTag(lang));
			assertThat(documents).hasSizeGreaterThanOrEqualTo(15);
			assertThat(browser.driver().findElements(By.cssSelector("a.doc-link, a.check-link"))).hasSize(documents.size());
			browser.screenshot("training." + lang);
			for (var doc : documents) {
				if (doc.knowledgeCheck()) {
					browser.open("/training/" + doc.folder() + "/knowledge-check");
					assertThat(browser.driver().findElements(By.cssSelector("li.question"))).as(doc.id()).hasSizeGreaterThanOrEqualTo(10);
					assertThat(browser.driver().getPageSource()).as(doc.id()).doesNotContain("[x]");
					assertThat(browser.driver().findElements(By.cssSelector("li.question input:checked"))).isEmpty();
				}
				else {
					browser.open("/training/" + doc.id());
					var article = browser.waitFor(By.id("document"));
					assertThat(article.getText()).as(doc.id()).isNotBlank();
					assertThat(article.findElements(By.tagName("h1"))).as(doc.id()).isNotEmpty();
					if (doc.folder().isEmpty()) {
						// the introduction speaks to learners: no file names, paths, classes or commands
						assertThat(article.getText()).as(doc.id())
							.doesNotContainPattern("\\.(md|png|java)\\b|[a-z-]+/[a-z-]+/|\\w+Test\\b|\\bmvn\\b|\\{[a-z]+}|<[a-z]+>");
						browser.screenshot("training-" + doc.id() + "." + lang);
					}
					// a document not translated yet is shown in English, with the English pictures
					String shown = article.getAttribute("lang");
					for (WebElement img : article.findElements(By.tagName("img"))) {
						assertThat(img.getAttribute("src")).as(doc.id()).contains("." + shown + ".png");
						assertThat((Long) browser.script("return arguments[0].naturalWidth", img)).as(img.getAttribute("src"))
							.isPositive();
					}
				}
			}
		}
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void aSalesRepGetsAPageInWordsNotTheRolloutWorkspace() {
		browser.logIn("alice");
		browser.open("/rollouts/" + rolloutId);
		assertThat(browser.waitFor(By.id("error-title")).getText()).isEqualTo("Not for your role");
		assertThat(browser.driver().findElement(By.id("error-detail")).getText())
			.startsWith("The rollout workspace is for the project team");
		assertThat(browser.driver().findElements(By.id("issue-log"))).isEmpty();
		browser.open("/api/training-material/03-end-users/knowledge-check.md");
		assertThat(browser.driver().getPageSource()).doesNotContain("[x]");
	}

	/** The page's console errors, but for the favicon nobody drew. */
	private static List<String> consoleErrors() {
		return browser.consoleErrors().stream().filter(e -> !e.contains("favicon.ico")).toList();
	}

	/** Waits for a condition across the page's reload (elements of the old page go stale on the way). */
	private static void eventually(java.util.function.BooleanSupplier condition) {
		long until = System.currentTimeMillis() + 15_000;
		while (true) {
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException stillLoading) {
				if (System.currentTimeMillis() > until) {
					throw stillLoading;
				}
			}
			if (System.currentTimeMillis() > until) {
				throw new AssertionError("condition not met within 15 s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	private boolean gateSaysGo() {
		return Boolean.parseBoolean(browser.waitFor(By.cssSelector(".gate-now")).getAttribute("data-go"));
	}

	private WebElement issueRow(String title) {
		return browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//tr[contains(@class,'issue')][.//span[@class='issue-title' and text()='" + title + "']]")));
	}

	private String participantState(String participant) {
		return browser.driver()
			.findElement(By.cssSelector("tr.participant[data-participant='" + participant + "'] .record-state"))
			.getText();
	}

}
