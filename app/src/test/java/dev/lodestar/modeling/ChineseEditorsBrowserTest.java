package dev.lodestar.modeling;

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
import dev.lodestar.notification.MailPreferences;

/**
 * The diagrams and the editors on Chinese pages, in Chromium: the modeler, its properties panel,
 * token simulation, the DMN and form editors speak Chinese while the model keeps its own names;
 * the diagrams that are only read (task page, model page) draw the steps' Chinese names. The
 * screenshots in docs/screenshots come from here ({@code target/screenshots/zh}).
 */
@LodestarIntegrationTest
class ChineseEditorsBrowserTest {

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
		preferences.rememberLanguage("frank", Locale.ENGLISH);
		preferences.rememberLanguage("alice", Locale.ENGLISH);
	}

	@Test
	void frankModelsDecidesAndDesignsFormsInChineseWhileTheModelKeepsItsNames() {
		browser.logIn("frank");
		// English pages keep the libraries' own texts
		browser.open("/models/lead-to-sale?lang=en");
		opened();
		assertThat(browser.waitFor(By.cssSelector(".djs-palette .entry[data-action='create.start-event']"))
			.getAttribute("aria-label")).isEqualTo("Create start event");
		browser.script("document.getElementById('canvas').scrollIntoView()");
		browser.screenshot("zh/modeler.en");

		browser.open("/models/lead-to-sale?lang=zh-CN");
		opened();
		assertThat(browser.waitFor(By.cssSelector(".djs-palette .entry[data-action='create.start-event']"))
			.getAttribute("aria-label")).isEqualTo("创建开始事件");
		assertThat(browser.driver().findElement(By.cssSelector(".bts-toggle-mode")).getText()).contains("令牌模拟");
		browser.script("""
				const m = window.modelPage.modeler;
				m.get('selection').select(m.get('elementRegistry').get('Task_QualifyLead'));""");
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("properties"), "用户分配"));
		// the modeler edits the model: its names stay the model's, so that a save changes nothing
		assertThat(label("Task_QualifyLead")).contains("Qualify lead");
		browser.script("""
				document.querySelectorAll('#properties .bio-properties-panel-group-header').forEach((h, i) => { if (i < 3) h.click(); });
				document.getElementById('canvas').scrollIntoView();""");
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("properties"), "候选组"));
		assertThat(browser.driver().findElement(By.id("properties")).getText()).contains("用户任务", "常规", "名称", "表单",
				"任务监听器", "处理人");
		browser.screenshot("zh/modeler");

		browser.open("/models/lead-routing");
		opened();
		browser.waitFor(By.cssSelector(".tjs-table"));
		assertThat(browser.driver().findElement(By.id("dmn")).getText()).contains("命中策略", "查看 DRD");
		browser.script("document.getElementById('dmn').scrollIntoView()");
		browser.screenshot("zh/dmn-editor");

		browser.open("/models/lead-welcome-call");
		opened();
		browser.waitFor(By.cssSelector(".fjs-palette"));
		assertThat(browser.driver().findElement(By.cssSelector(".fjs-palette")).getText()).contains("组件", "文本框");
		// the form's own labels are the form's
		assertThat(browser.driver().findElement(By.id("form-editor")).getText()).contains("Welcome call");
		browser.script("document.getElementById('form-editor').scrollIntoView()");
		browser.screenshot("zh/form-editor");
		assertThat(browser.consoleErrors()).allMatch(error -> error.contains("favicon.ico"));
	}

	@Test
	void theDiagramsThatAreOnlyReadDrawTheStepsInChinese() throws Exception {
		Task qualify = qualifyTaskOfANewLead();
		browser.logIn("alice");
		browser.open("/tasks/" + qualify.getId() + "?lang=zh-CN");
		browser.waitFor(By.cssSelector("#diagram[data-ready='true']"));
		assertThat(label("Task_QualifyLead")).isEqualTo("线索资格审核（BANT）");
		assertThat(label("Start_LeadCaptured")).isEqualTo("已录入线索");
		assertThat(label("Flow_Qualified")).isEqualTo("是");
		browser.script("document.getElementById('diagram').scrollIntoView({ block: 'center' })");
		browser.screenshot("zh/task-diagram");

		browser.open("/models/lead-to-sale");
		opened();
		assertThat(label("Task_QualifyLead")).isEqualTo("线索资格审核（BANT）");
		// an employee knows the process by its name, not by its key
		assertThat(browser.driver().findElement(By.id("model-name")).getText()).isEqualTo("从线索到销售");
		assertThat(browser.driver().getTitle()).contains("从线索到销售").doesNotContain("lead-to-sale");
		assertThat(browser.consoleErrors()).allMatch(error -> error.contains("favicon.ico"));
	}

	/** The text drawn for an element in the diagram's SVG (its lines joined). */
	private String label(String elementId) {
		return String.valueOf(browser.script("""
				const element = document.querySelector(`.djs-element[data-element-id='${arguments[0]}'] text`)
				  ?? document.querySelector(`.djs-element[data-element-id='${arguments[0]}_label'] text`);
				return element ? [...element.querySelectorAll('tspan')].map((t) => t.textContent).join('') : null;""",
				elementId));
	}

	private void opened() {
		browser.waitUntil(d -> "true".equals(d.findElement(By.id("model-page")).getAttribute("data-ready")));
	}

	private Task qualifyTaskOfANewLead() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String body = json.writeValueAsString(Map.of("company", "莲花家具 " + suffix, "contactName", "李伟", "email",
				suffix + "@lotus.example", "source", "REFERRAL", "region", "EMEA", "estimatedValue", "20000"));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String leadId = json.readTree(response.body()).path("id").asText();
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> taskService.createTaskQuery()
				.processDefinitionKey("lead-to-sale")
				.processInstanceBusinessKey(leadId)
				.taskDefinitionKey("Task_QualifyLead")
				.singleResult(), t -> t != null);
	}

}
