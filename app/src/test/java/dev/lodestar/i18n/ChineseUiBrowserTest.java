package dev.lodestar.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.notification.Delivery;
import dev.lodestar.notification.MailPreferences;
import dev.lodestar.notification.MessageKind;

/**
 * Lodestar in Chinese, in Chromium: a sales rep works a real lead-to-sale task whose name,
 * process, form, case and history all read in Chinese, and every user sets how mail reaches
 * them on a page in their language.
 */
@LodestarIntegrationTest
class ChineseUiBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perClass("zh-CN");

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	MailPreferences preferences;

	@Autowired
	ObjectMapper json;

	@AfterEach
	void backToEnglish() {
		preferences.rememberLanguage("alice", Locale.ENGLISH);
		preferences.rememberLanguage("grace", Locale.ENGLISH);
	}

	@Test
	void aliceQualifiesARealLeadOnAFormLabelledInChinese() throws Exception {
		String company = "莲花家具 " + UUID.randomUUID().toString().substring(0, 6);
		String leadId = captureLead(company);
		Task qualify = await().atMost(Duration.ofSeconds(10)).until(() -> taskService.createTaskQuery()
			.processDefinitionKey("lead-to-sale").processInstanceBusinessKey(leadId).singleResult(), t -> t != null);
		assertThat(qualify.getTaskDefinitionKey()).isEqualTo("Task_QualifyLead");

		browser.logIn("alice");
		browser.open("/?lang=zh-CN");
		assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("我的工作");
		assertThat(browser.driver().findElements(By.cssSelector("header .role")).stream().map(e -> e.getText()))
			.contains("销售代表", "员工");
		String row = browser.waitFor(By.cssSelector("tr[data-task-id='" + qualify.getId() + "']")).getText();
		assertThat(row).contains("线索资格审核（BANT）").contains("从线索到销售");
		// the header switch is remembered for alice herself: her mail comes in Chinese
		assertThat(preferences.language("alice").getLanguage()).isEqualTo("zh");

		browser.open("/tasks/" + qualify.getId());
		assertThat(browser.waitFor(By.id("task-name")).getText()).isEqualTo("线索资格审核（BANT）");
		assertThat(browser.waitFor(By.id("case-context")).getText()).contains(company).contains("线索").contains("阶段")
			.contains("推荐").contains("备注").doesNotContain("REFERRAL");
		assertThat(browser.driver().findElement(By.id("history")).getText()).contains("已录入线索");
		browser.waitFor(By.id("claim")).click();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("task-assignee"), "alice"));
		browser.waitFor(By.cssSelector("#form[data-ready='true']"));
		String form = browser.driver().findElement(By.id("form")).getText();
		assertThat(form).contains("线索资格审核（BANT）").contains("合格：值得出报价").contains("不合格")
			.doesNotContain("Qualified: worth a proposal");
		// the reason is asked only once "not qualified" is chosen, in Chinese too
		browser.formField("Field_qualified-1").click();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("form"), "判定不合格的原因"));

		browser.formField("Field_qualified-0").click();
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form [id$='-Field_budget']")));
		assertThat(browser.driver().findElement(By.id("form")).getText()).contains("预算").contains("权限：决策人")
			.contains("客户能花多少钱，预算是否已获批准");
		browser.formField("Field_budget").sendKeys("二十万元，已获批准");
		browser.formField("Field_decisionMaker").sendKeys("李伟，总经理");
		browser.formField("Field_need").sendKeys("两个新展厅的家具");
		browser.formField("Field_timeline").sendKeys("第一季度");
		browser.screenshot("i18n/qualify-lead.zh-CN");
		browser.driver().findElement(By.id("complete")).click();

		Task next = await().atMost(Duration.ofSeconds(15)).until(() -> taskService.createTaskQuery()
			.processDefinitionKey("lead-to-sale").processInstanceBusinessKey(leadId).singleResult(), t -> t != null && !t.getId().equals(qualify.getId()));
		assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_PrepareProposal");
		assertThat(browser.consoleErrors()).allMatch(error -> error.contains("favicon.ico"));
	}

	@Test
	void graceSetsHowMailReachesHerOnAPageInChinese() {
		browser.logIn("grace");
		browser.open("/?lang=zh-CN");
		browser.waitFor(By.id("nav-mail-preferences")).click();
		assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("邮件偏好设置");
		assertThat(browser.driver().findElement(By.id("pref-task-queued")).getText()).contains("队列中的新任务");
		assertThat(browser.driver().findElement(By.id("task-queued-DIGEST")).isSelected()).isTrue();
		assertThat(browser.driver().findElement(By.id("mail-preferences")).getText()).contains("邮件以中文发送给您");

		browser.driver().findElement(By.id("task-queued-IMMEDIATE")).click();
		browser.driver().findElement(By.id("training-reminder-OFF")).click();
		browser.screenshot("i18n/mail-preferences.zh-CN");
		browser.driver().findElement(By.id("save-preferences")).click();

		assertThat(browser.waitFor(By.id("saved")).getText()).contains("已保存");
		assertThat(browser.driver().findElement(By.id("task-queued-IMMEDIATE")).isSelected()).isTrue();
		assertThat(preferences.of("grace")).containsEntry(MessageKind.TASK_QUEUED, Delivery.IMMEDIATE)
			.containsEntry(MessageKind.TRAINING_REMINDER, Delivery.OFF)
			.containsEntry(MessageKind.TASK_ASSIGNED, Delivery.IMMEDIATE);
		preferences.set("grace", Map.of(MessageKind.TASK_QUEUED, Delivery.DIGEST, MessageKind.TRAINING_REMINDER,
				Delivery.DIGEST));

		// the same page in English, once she switches back
		browser.open("/settings/notifications?lang=en");
		assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Mail preferences");
		assertThat(browser.driver().findElement(By.id("pref-task-queued")).getText()).contains("New in your queue");
		assertThat(browser.driver().findElement(By.id("mail-preferences")).getText()).contains("Mail reaches you in English");
		assertThat(preferences.language("grace").getLanguage()).isEqualTo("en");
		browser.screenshot("i18n/mail-preferences.en");
	}

	private String captureLead(String company) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String body = json.writeValueAsString(Map.of("company", company, "contactName", "李伟", "email",
				suffix + "@lotus.example", "phone", "+86 21 5556 " + (1000 + (int) (Math.random() * 8999)), "source",
				"REFERRAL", "region", "EMEA", "estimatedValue", "20000"));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
			.header("Authorization",
					// the sales manager's lead goes to the reps' queue, for alice to claim (her own would be hers)
					"Basic " + Base64.getEncoder().encodeToString("bob:bob".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).path("id").asText();
	}

}
