package dev.lodestar.frontoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.complaint.ComplaintToResolution;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerKind;
import dev.lodestar.customer.CustomerLink;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.CustomerSummary;

/**
 * The service desk's day in Chromium: carol takes a call at the intake screen, bob settles a
 * duplicate on the 360° page, dave publishes an article that the next complaint task suggests,
 * and dave approves a compensation seeing exactly what he approves. One browser for the class.
 */
@LodestarIntegrationTest
class FrontOfficeBrowserTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	CustomerService customers;

	@Autowired
	ComplaintService complaints;

	@Autowired
	TaskService taskService;

	@BeforeAll
	static void start() {
		browser = Browser.start();
	}

	@AfterAll
	static void stop() {
		browser.quit();
	}

	@BeforeEach
	void base() {
		browser.baseUrl("http://localhost:" + port);
	}

	@Test
	void carolTakesACallByPhoneNumberRecordsAComplaintForTheKnownCustomerAndCompletesItsFirstResponse() {
		String key = key();
		String digits = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 9_000_000 + 1_000_000);
		CustomerSummary caller = customers.createOrLink(new CustomerDraft(CustomerKind.PERSON, "Caller " + key, null,
				"caller-" + key + "@example.com", "+44 20 7" + digits, null, null), "carol").customer();

		browser.logIn("carol");
		browser.open("/intake");
		// the number as the caller says it, spelled differently from the customer master
		browser.waitFor(By.id("caller")).sendKeys("020 7" + digits.substring(0, 3) + " " + digits.substring(3));
		browser.driver().findElement(By.id("look-up")).click();
		WebElement known = browser.waitFor(By.id("caller-known"));
		assertThat(known.getText()).contains("Caller " + key);
		assertThat(browser.driver().findElements(By.id("complaint-name"))).as("nothing typed twice").isEmpty();

		new Select(browser.driver().findElement(By.id("complaint-category"))).selectByValue("BILLING");
		browser.driver().findElement(By.id("complaint-description")).sendKeys("Charged twice for the sideboard " + key);
		browser.driver().findElement(By.id("record-complaint")).click();

		WebElement recorded = browser.waitFor(By.id("recorded"));
		long complaintId = Long.parseLong(recorded.getAttribute("data-id"));
		Complaint complaint = complaints.get(complaintId);
		assertThat(complaint.getCustomerId()).isEqualTo(caller.id());
		assertThat(complaint.getCustomerPhone()).isEqualTo(caller.phone());
		assertThat(browser.driver().findElement(By.id("caller-known")).getText()).contains("#" + complaintId);
		browser.screenshot("intake-recorded");

		browser.driver().findElement(By.id("first-task")).click();
		browser.waitFor(By.cssSelector("#form[data-ready='true']"));
		assertThat(browser.driver().findElement(By.id("task-name")).getText()).contains("first response");
		browser.formField("Field_contactNote").sendKeys("Refund of the second charge promised for Friday.");
		browser.driver().findElement(By.id("complete")).click();

		browser.waitUntil(d -> openTasks(complaintId).stream()
			.anyMatch(t -> ComplaintToResolution.TASK_INVESTIGATE.equals(t.getTaskDefinitionKey())));
		Task investigate = openTasks(complaintId).get(0);
		assertThat(investigate.getAssignee()).as("the investigation comes back to carol").isEqualTo("carol");
		assertThat(complaints.get(complaintId).getFirstResponseNote()).isEqualTo("Refund of the second charge promised for Friday.");

		browser.open("/complaints/" + complaintId);
		assertThat(browser.waitFor(By.id("complaint-first-response")).getText()).contains("Refund of the second charge");
		assertThat(browser.driver().findElement(By.id("complaint-history")).getText()).contains("Contact the customer");
		browser.screenshot("complaint-page");

		// the customer's 360°: the complaint with the step done, the first response in the timeline
		browser.driver().findElement(By.id("complaint-customer")).click();
		assertThat(browser.waitFor(By.id("section-complaints")).getText()).contains("#" + complaintId)
			.contains("Contact the customer (first response) (Carol Chen)"); // people by name
		assertThat(browser.driver().findElement(By.id("timeline")).getText())
			.contains("First response to complaint #" + complaintId);
		browser.screenshot("customer-360");
	}

	@Test
	void bobMergesADuplicateFromThe360Page() {
		String key = key();
		CustomerSummary survivor = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY,
				"Harbour Chairs " + key + " Ltd", "Ines Harbour", "ines-" + key + "@harbour.example", null, "EMEA", null),
				"alice").customer();
		CustomerLink duplicate = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Harbour Chairs " + key,
				"Tom Harbour", "tom-" + key + "@harbour.example", null, "EMEA", null), "alice");
		assertThat(duplicate.outcome()).isEqualTo(CustomerLink.Outcome.CREATED_LIKELY_DUPLICATE);
		long duplicateId = duplicate.customer().id();

		browser.logIn("bob");
		browser.open("/customers?q=" + "Harbour%20Chairs%20" + key);
		assertThat(browser.waitFor(By.id("customer-results")).getText()).contains("Harbour Chairs " + key + " Ltd");
		browser.driver().findElement(By.cssSelector("tr[data-customer-id='" + survivor.id() + "'] a.customer-link")).click();

		WebElement candidate = browser.waitFor(By.cssSelector("#duplicates li[data-customer-id='" + duplicateId + "']"));
		assertThat(candidate.getText()).contains("Harbour Chairs " + key);
		browser.screenshot("customer-duplicate");
		candidate.findElement(By.cssSelector("a.merge")).click();

		// first a preview: nothing is merged until bob confirms
		WebElement preview = browser.waitFor(By.id("merge-preview"));
		assertThat(preview.getText()).contains("#" + duplicateId + " Harbour Chairs " + key)
			.contains("Confirm the merge");
		assertThat(browser.driver().findElement(By.id("merge-contacts")).getText()).contains("Ines Harbour")
			.contains("Tom Harbour");
		assertThat(browser.driver().findElement(By.cssSelector("#merge-conflicts tr[data-field='email'] .kept")).getText())
			.isEqualTo("ines-" + key + "@harbour.example");
		assertThat(browser.driver().findElement(By.cssSelector("#merge-moves li[data-kind='contacts']")).getText())
			.contains("1");
		assertThat(customers.get(duplicateId).mergedIntoId()).isNull();
		browser.screenshot("customer-merge-preview");
		browser.driver().findElement(By.id("merge-confirm")).click();

		assertThat(browser.waitFor(By.id("customer-notice")).getText()).contains("#" + duplicateId);
		assertThat(browser.driver().findElements(By.id("duplicates"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("contacts")).getText()).contains("Ines Harbour").contains("Tom Harbour");
		assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("Merged customer #" + duplicateId);
		assertThat(customers.get(duplicateId).mergedIntoId()).isEqualTo(survivor.id());
		WebElement merge = browser.waitFor(By.cssSelector("#merges li[data-customer-id='" + duplicateId + "']"));
		browser.screenshot("customer-merged");

		// the duplicate's address leads to the customer that lives on
		browser.open("/customers/" + duplicateId);
		assertThat(browser.waitFor(By.id("customer-name")).getText()).isEqualTo("Harbour Chairs " + key + " Ltd");

		// and within a day the merge can be undone: the duplicate is back with its contact
		browser.waitFor(By.cssSelector("#merges li[data-customer-id='" + duplicateId + "'] button.undo-merge")).click();
		assertThat(browser.waitFor(By.id("customer-notice")).getText()).contains("#" + duplicateId);
		assertThat(browser.driver().findElements(By.id("merges"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("contacts")).getText()).contains("Ines Harbour")
			.doesNotContain("Tom Harbour");
		assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("undone");
		assertThat(browser.waitFor(By.cssSelector("#duplicates li[data-customer-id='" + duplicateId + "']"))).isNotNull();
		assertThat(customers.get(duplicateId).mergedIntoId()).isNull();
		browser.open("/customers/" + duplicateId);
		assertThat(browser.waitFor(By.id("customer-name")).getText()).isEqualTo("Harbour Chairs " + key);
		assertThat(browser.driver().findElement(By.id("contacts")).getText()).contains("Tom Harbour");
		assertThat(merge).isNotNull();
	}

	@Test
	void aliceReadsTheMergePreviewAndTheUndoInChinese() {
		String key = key();
		CustomerSummary survivor = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "长城家具 " + key,
				"王芳", "wang-" + key + "@changcheng.example", "+86 21 5555 " + key.substring(0, 4), "APAC", null), "alice")
			.customer();
		long duplicateId = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "长城家具 " + key + " 有限公司",
				"李娜", "li-" + key + "@changcheng.example", "+86 10 6666 " + key.substring(0, 4), "APAC", null), "alice")
			.customer()
			.id();
		var zh = Browser.start("zh-CN").baseUrl("http://localhost:" + port);
		try {
			zh.logIn("alice");
			zh.open("/customers/" + survivor.id() + "/duplicates/" + duplicateId + "/merge?lang=zh-CN");
			WebElement preview = zh.waitFor(By.id("merge-preview"));
			assertThat(preview.getText()).contains("合并两个客户").contains("两者不同之处").contains("确认合并");
			assertThat(zh.driver().findElement(By.cssSelector("#merge-conflicts tr[data-field='phone'] .kept")).getText())
				.isEqualTo(survivor.phone());
			zh.screenshot("zh-customer-merge-preview");
			zh.driver().findElement(By.id("merge-confirm")).click();
			assertThat(zh.waitFor(By.id("customer-notice")).getText()).contains("已合并到此客户");
			assertThat(zh.driver().findElement(By.id("timeline")).getText()).contains("已将客户 #" + duplicateId);
			zh.screenshot("zh-customer-merged");
			zh.waitFor(By.cssSelector("#merges button.undo-merge")).click();
			assertThat(zh.waitFor(By.id("customer-notice")).getText()).contains("合并已撤销");
			assertThat(zh.driver().findElement(By.id("timeline")).getText()).contains("已撤销").doesNotContain("undone");
			zh.screenshot("zh-customer-unmerged");
		}
		finally {
			zh.quit();
		}
	}

	@Test
	void bobLogsACallFromThe360Page() {
		String key = key();
		CustomerSummary customer = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Oak Rooms " + key,
				null, "oak-" + key + "@example.com", null, null, null), "alice").customer();
		browser.logIn("bob");
		browser.open("/customers/" + customer.id());
		new Select(browser.waitFor(By.id("interaction-type"))).selectByValue("CALL");
		browser.driver().findElement(By.id("interaction-summary")).sendKeys("Asked for the autumn catalogue " + key);
		browser.driver().findElement(By.id("log-interaction-button")).click();
		assertThat(browser.waitFor(By.id("customer-notice")).getText()).contains("logged");
		assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("Asked for the autumn catalogue " + key)
			.contains("Bob Brown"); // people by name, not by user id
	}

	@Test
	void davePublishesAnArticleThatIsThenSuggestedOnAComplaintTask() {
		String word = "zephyrshelf" + key().replaceAll("[^a-z]", "");
		String title = "Tipping " + word + " units: fit the wall anchor";

		browser.logIn("dave");
		browser.open("/knowledge");
		browser.waitFor(By.id("new-article")).click();
		browser.waitFor(By.id("article-title-input")).sendKeys(title);
		new Select(browser.driver().findElement(By.id("article-category"))).selectByValue("SAFETY");
		browser.driver().findElement(By.id("article-tags")).sendKeys("safety, shelf");
		browser.driver().findElement(By.id("article-body-input"))
			.sendKeys("Ask whether the **" + word + "** unit was anchored.\n\n1. Send the anchor kit\n2. Offer a fitter");
		browser.driver().findElement(By.id("save-article")).click();
		assertThat(browser.waitFor(By.id("article-status")).getText()).isEqualTo("draft");
		assertThat(browser.driver().findElement(By.cssSelector("#article-body strong")).getText()).isEqualTo(word);
		browser.driver().findElement(By.id("publish")).click();
		// the draft page also shows a notice: wait for the published page's, located afresh each poll
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("knowledge-notice"), "Published"));
		assertThat(browser.driver().findElement(By.id("article-status")).getText()).isEqualTo("published");
		String articlePath = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");

		// a safety complaint goes to the service managers: dave opens its first task
		Complaint complaint = complaints.register(new ComplaintIntake("Shelf Customer " + word, word + "@example.com",
				null, "PHONE", "SAFETY", "The " + word + " unit tipped over when my son opened a drawer.", null, null),
				"carol");
		Task respond = openTasks(complaint.getId()).get(0);
		browser.open("/tasks/" + respond.getId());
		WebElement page = browser.waitFor(By.id("task-page"));
		assertThat(page.getText()).contains("Suggested articles").contains(title);
		WebElement suggestion = browser.driver()
			.findElements(By.cssSelector(".context a"))
			.stream()
			.filter(a -> a.getAttribute("href").contains("/knowledge"))
			.findFirst()
			.orElseThrow();
		browser.screenshot("task-suggestion");
		suggestion.click();
		browser.waitUntil(ExpectedConditions.urlContains("/knowledge"));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains(title);
		assertThat(articlePath).startsWith("/knowledge/");
	}

	@Test
	void davesApprovalPageShowsTheResolutionAndTheCompensationHeApproves() {
		String key = key();
		Complaint complaint = complaints.register(new ComplaintIntake("Cushion Customer " + key,
				"cushion-" + key + "@example.com", null, "WEB", "PRODUCT_DEFECT", "Cushion seam split " + key, null, null),
				"carol");
		complete(complaint.getId(), ComplaintToResolution.TASK_RESPOND, Map.of("contactNote", "Asked for photos."));
		complete(complaint.getId(), ComplaintToResolution.TASK_INVESTIGATE, Map.of("resolution",
				"New cushion cover and a refund of the cleaning costs " + key, "compensation", 250));
		Task approve = openTasks(complaint.getId()).get(0);
		assertThat(approve.getTaskDefinitionKey()).isEqualTo(ComplaintToResolution.TASK_APPROVE_COMPENSATION);

		browser.logIn("dave");
		browser.open("/tasks/" + approve.getId());
		browser.waitFor(By.cssSelector("#form[data-ready='true']"));
		assertThat(browser.formField("Field_resolution").getAttribute("value"))
			.isEqualTo("New cushion cover and a refund of the cleaning costs " + key);
		assertThat(browser.formField("Field_compensation").getAttribute("value")).startsWith("250");
		assertThat(browser.driver().findElement(By.id("task-page")).getText()).contains("Compensation to approve")
			.contains("250.00");
		browser.screenshot("approval-dave");
	}

	@Test
	void theServiceDeskPagesReadInChinese() {
		var zh = Browser.start("zh-CN").baseUrl("http://localhost:" + port);
		try {
			zh.logIn("carol");
			zh.open("/intake?lang=zh-CN&caller=%2B44%2020%207946%200321");
			assertThat(zh.waitFor(By.id("look-up")).getText()).isEqualTo("查找");
			zh.screenshot("zh-intake");
			zh.open("/complaints");
			assertThat(zh.waitFor(By.tagName("h1")).getText()).isEqualTo("投诉");
			zh.screenshot("zh-complaints");
			zh.open("/knowledge");
			assertThat(zh.waitFor(By.tagName("h1")).getText()).isEqualTo("知识库");
			zh.open("/customers");
			assertThat(zh.waitFor(By.tagName("h1")).getText()).isEqualTo("客户");
			zh.screenshot("zh-customers");
			assertThat(zh.consoleErrors()).noneMatch(e -> !e.contains("favicon.ico"));

			// dave's approval reads in Chinese too: the form's read-only fields and the case beside it
			String key = key();
			Complaint complaint = complaints.register(new ComplaintIntake("Zh Customer " + key,
					"zh-" + key + "@example.com", null, "WEB", "PRODUCT_DEFECT", "Table leg broke " + key, null, null),
					"carol");
			complete(complaint.getId(), ComplaintToResolution.TASK_RESPOND, Map.of("contactNote", "Called."));
			complete(complaint.getId(), ComplaintToResolution.TASK_INVESTIGATE, Map.of("resolution", "New leg " + key,
					"compensation", 180));
			zh.logIn("dave");
			zh.open("/tasks/" + openTasks(complaint.getId()).get(0).getId() + "?lang=zh-CN");
			zh.waitFor(By.cssSelector("#form[data-ready='true']"));
			assertThat(zh.driver().findElement(By.id("form")).getText()).contains("待批准的补偿金额");
			assertThat(zh.driver().findElement(By.id("task-page")).getText()).contains("待批准的补偿").contains("180.00");
			zh.screenshot("zh-approval-dave");

			// the header of a role with many pages wraps instead of overflowing
			zh.logIn("frank");
			zh.open("/knowledge?lang=zh-CN");
			zh.waitFor(By.id("nav-models"));
			assertThat((Long) zh.script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
			zh.screenshot("zh-header-frank");
		}
		finally {
			zh.quit();
		}
	}

	private void complete(long complaintId, String taskKey, Map<String, Object> values) {
		Task task = openTasks(complaintId).stream()
			.filter(t -> taskKey.equals(t.getTaskDefinitionKey()))
			.findFirst()
			.orElseThrow();
		taskService.claim(task.getId(), "carol");
		taskService.complete(task.getId(), values);
	}

	private List<Task> openTasks(long complaintId) {
		return taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(complaintId))
			.active()
			.list()
			.stream()
			.filter(t -> !ComplaintToResolution.TASK_REVIEW_ESCALATION.equals(t.getTaskDefinitionKey()))
			.toList();
	}

	private static String key() {
		return UUID.randomUUID().toString().substring(0, 8);
	}


}
