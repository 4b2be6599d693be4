package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.worklist.Caller;

/**
 * The workspace in a real browser, as its users meet it: frank edits, checks, deploys,
 * compares, briefs and migrates; alice only looks and suggests. The steps build on each other
 * (version 2 of the first is compared and migrated to), hence the order.
 */
@LodestarIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelWorkspaceBrowserTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@LocalServerPort
	int port;

	@Autowired
	ModelService models;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ObjectMapper json;

	@Test
	@Order(1)
	void frankRenamesATaskDeploysItSeesExactlyThatChangeAndBriefsTheSalesReps() {
		browser.logIn("frank");
		browser.open("/models");
		browser.waitFor(By.cssSelector("tr.model-row[data-key='lead-to-sale']"));
		browser.screenshot("models-list-frank");
		browser.driver().findElement(By.cssSelector("tr.model-row[data-key='lead-to-sale'] a.model-link")).click();
		openedModel();
		int before = models.latestVersion("lead-to-sale");

		browser.script("""
				const m = window.modelPage.modeler;
				const task = m.get('elementRegistry').get('Task_NegotiateDeal');
				m.get('selection').select(task);
				m.get('modeling').updateProperties(task, { name: 'Follow up and negotiate the deal' });""");
		browser.driver().findElement(By.id("check")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("model-message"), "class", "info"));
		assertThat(browser.driver().findElement(By.id("model-message")).getText()).contains("check passed");
		browser.screenshot("model-editor-frank");

		browser.driver().findElement(By.id("deploy-comment")).sendKeys("Say what the negotiation is about");
		browser.driver().findElement(By.id("deploy")).click();
		deployedAs(before + 1);
		assertThat(models.latestVersion("lead-to-sale")).isEqualTo(before + 1);
		assertThat(models.content("lead-to-sale", null)).contains("Follow up and negotiate the deal");

		browser.driver().findElement(By.id("compare")).click();
		browser.waitFor(By.cssSelector("#changes li"));
		List<WebElement> changes = browser.driver().findElements(By.cssSelector("#changes li"));
		assertThat(changes).hasSize(1);
		assertThat(changes.get(0).getAttribute("data-element-id")).isEqualTo("Task_NegotiateDeal");
		assertThat(changes.get(0).getText()).contains("Follow up and negotiate the deal");
		browser.waitUntil(d -> !d.findElement(By.id("diff")).getAttribute("data-changed").isEmpty());
		assertThat(browser.driver().findElement(By.id("diff")).getAttribute("data-changed")).isEqualTo("Task_NegotiateDeal");
		assertThat(browser.driver().findElement(By.id("diff")).getAttribute("data-added")).isEmpty();
		assertThat(browser.driver().findElement(By.id("diff")).getAttribute("data-removed")).isEmpty();
		assertThat(browser.driver().findElement(By.id("impact-roles")).getText()).contains("sales-rep");
		browser.screenshot("model-diff-frank");

		var earlier = briefings();
		browser.driver().findElement(By.id("brief")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("brief-message"), "class", "info"));
		var started = briefings();
		started.removeAll(earlier);
		assertThat(started).as("one briefing started by the click").hasSize(1);
		String briefing = started.iterator().next();
		var reps = identityService.createUserQuery().memberOfGroup("sales-rep").list();
		assertThat(reps).isNotEmpty();
		for (var rep : reps) {
			assertThat(taskService.createTaskQuery().processInstanceId(briefing).taskAssignee(rep.getId()).count())
				.as("briefing of " + rep.getId()).isEqualTo(1);
		}
		assertThat(taskService.createTaskQuery().processInstanceId(briefing).count()).isEqualTo(reps.size());
		assertThat(browser.consoleErrors()).filteredOn(error -> !error.contains("favicon.ico")).isEmpty();
	}

	@Test
	@Order(2)
	void aModelWithoutRoleAndWithAMissingFormIsRefusedWithBothErrorsMarked() {
		browser.logIn("frank");
		browser.open("/models/lead-to-sale");
		openedModel();
		int before = models.latestVersion("lead-to-sale");
		browser.script("""
				const m = window.modelPage.modeler;
				const task = m.get('elementRegistry').get('Task_WelcomeCall');
				m.get('modeling').updateProperties(task, { 'camunda:candidateGroups': undefined, 'camunda:formRef': 'no-such-form' });""");
		browser.driver().findElement(By.id("deploy")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("model-message"), "class", "error"));
		var codes = browser.driver()
			.findElements(By.cssSelector("#findings li[data-element-id='Task_WelcomeCall']"))
			.stream()
			.map(li -> li.getAttribute("data-code"))
			.toList();
		assertThat(codes).contains("noRole", "missingForm");
		assertThat(browser.driver().findElements(By.cssSelector(".djs-element.check-error[data-element-id='Task_WelcomeCall']")))
			.hasSize(1);
		browser.screenshot("model-refused-frank");
		assertThat(models.latestVersion("lead-to-sale")).isEqualTo(before);
	}

	@Test
	@Order(3)
	void aliceHasNoEditControlsButLeavesASuggestionFrankSeesAndAnswers() throws Exception {
		browser.logIn("alice");
		browser.open("/models");
		assertThat(browser.driver().findElements(By.id("models"))).isEmpty();
		// from her task, the link to the diagram with the task's step picked
		var lead = post("/api/leads", "alice", Map.of("company", "Suggestion Works AB", "contactName", "Sam Berg",
				"email", "sam@suggestion.example", "source", "WEB", "region", "EMEA", "segment", "SMB",
				"estimatedValue", "3000"));
		assertThat(lead.statusCode()).isEqualTo(201);
		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("lead-to-sale")
			.processInstanceBusinessKey(json.readTree(lead.body()).path("id").asText())
			.singleResult();
		var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		browser.open("/tasks/" + task.getId());
		browser.driver().findElement(By.id("suggest-change")).click();
		browser.waitUntil(ExpectedConditions.urlContains("/models/lead-to-sale#" + task.getTaskDefinitionKey()));
		openedModel();
		assertThat(browser.driver().findElement(By.id("suggest-element")).getAttribute("value"))
			.isEqualTo(task.getTaskDefinitionKey());
		assertThat(browser.driver().findElements(By.id("owner-tools"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("deploy"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("properties"))).isEmpty();
		browser.driver().findElement(By.cssSelector(".djs-element[data-element-id='Task_ReviewDuplicate']")).click();
		assertThat(browser.driver().findElement(By.id("suggest-element")).getAttribute("value")).isEqualTo("Task_ReviewDuplicate");
		browser.driver().findElement(By.id("suggest-text")).sendKeys("Web leads never need this review");
		browser.driver().findElement(By.id("suggest")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("suggest-message"), "class", "info"));
		browser.screenshot("model-suggest-alice");

		browser.logIn("frank");
		browser.open("/models/lead-to-sale");
		openedModel();
		assertThat(browser.driver().findElement(By.id("suggestions")).getText()).contains("Web leads never need this review");
		assertThat(browser.driver().findElements(By.cssSelector(".djs-element.suggested[data-element-id='Task_ReviewDuplicate']")))
			.hasSize(1);
		WebElement row = browser.driver()
			.findElements(By.cssSelector("#suggestions tr.suggestion"))
			.stream()
			.filter(r -> r.getText().contains("Web leads never need this review"))
			.findFirst()
			.orElseThrow();
		row.findElement(By.cssSelector(".suggestion-answer")).sendKeys("Kept for now: duplicates come from the web too");
		row.findElement(By.cssSelector(".close-suggestion-button")).click();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), "Kept for now"));

		browser.logIn("alice");
		browser.open("/models/lead-to-sale");
		openedModel();
		WebElement mine = browser.waitFor(By.id("my-suggestions"));
		assertThat(mine.getText()).contains("Web leads never need this review").contains("Kept for now");
		browser.screenshot("model-suggestion-answered-alice");
	}

	@Test
	@Order(4)
	void aRunningCaseIsMigratedThroughThePageAndEndsOnTheNewVersion() throws Exception {
		var lead = post("/api/leads", "alice", Map.of("company", "Browser Migration Ltd", "contactName", "Bo Lind",
				"email", "bo@browser-migration.example", "source", "WEB", "region", "EMEA", "segment", "SMB",
				"estimatedValue", "4000"));
		String leadId = json.readTree(lead.body()).path("id").asText();
		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("lead-to-sale")
			.processInstanceBusinessKey(leadId)
			.singleResult();
		int from = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
		String xml = models.content("lead-to-sale", null).replace("name=\"Open opportunity\"", "name=\"Open the opportunity\"");
		int to = models.deploy(new Caller("frank", List.of("process-owner", "project-team")), "lead-to-sale", xml,
				"for migration", java.util.Locale.ENGLISH).version();

		browser.logIn("frank");
		browser.open("/models/lead-to-sale");
		openedModel();
		new Select(browser.driver().findElement(By.id("migrate-from"))).selectByValue(String.valueOf(from));
		new Select(browser.driver().findElement(By.id("migrate-to"))).selectByValue(String.valueOf(to));
		browser.driver().findElement(By.id("migration-plan")).click();
		var choice = browser.waitFor(By.cssSelector(".instance-choice[value='" + instance.getId() + "']"));
		// steps by name (the ids on hover); an unchanged service task is not "unmapped"
		assertThat(browser.driver().findElement(By.id("plan-instructions")).getText()).contains("Qualify lead (BANT)")
			.doesNotContain("Task_QualifyLead");
		assertThat(browser.driver().findElement(By.id("plan-unmapped")).getText()).doesNotContain("Match against customers");
		assertThat(browser.driver().findElement(By.cssSelector("#plan-instances tr[data-instance-id='" + instance.getId() + "']"))
			.getText()).contains("Qualify lead (BANT)");
		choice.click();
		browser.screenshot("model-migration-frank");
		browser.driver().findElement(By.id("migrate")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("migration-result"), "class", "info"));
		assertThat(browser.driver().findElement(By.id("migration-result")).getText()).contains("1");

		assertThat(post("/api/leads/" + leadId + "/qualification", "alice",
				Map.of("qualified", false, "disqualifyReason", "Went with a competitor")).statusCode()).isEqualTo(200);
		var finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(finished.getEndTime()).isNotNull();
		assertThat(repositoryService.getProcessDefinition(finished.getProcessDefinitionId()).getVersion()).isEqualTo(to);
	}

	@Test
	@Order(5)
	void theDmnEditorDeploysAChangedLeadRoutingRule() {
		int before = models.latestVersion("lead-routing");
		browser.logIn("frank");
		browser.open("/models/lead-routing");
		openedModel();
		browser.waitFor(By.cssSelector(".tjs-table"));
		browser.screenshot("model-dmn-frank");
		browser.script("""
				const viewer = window.modelPage.dmn.getActiveViewer();
				const cell = viewer.get('elementRegistry').get('Rule_KeyAccount_In3');
				viewer.get('modeling').editCell(cell.businessObject, '>= 90000');""");
		browser.driver().findElement(By.id("deploy-comment")).sendKeys("Key accounts from 90,000");
		browser.driver().findElement(By.id("deploy")).click();
		deployedAs(before + 1);
		assertThat(models.content("lead-routing", null)).contains("&gt;= 90000");
	}

	@Test
	@Order(6)
	void theFormEditorSavesAFormThatTheTaskPageRenders() throws Exception {
		browser.logIn("frank");
		browser.open("/models/model-change-briefing-read");
		openedModel();
		browser.script("""
				const editor = window.modelPage.form;
				const field = editor.get('formFieldRegistry').getAll().find((f) => f.key === 'understood');
				editor.get('modeling').editFormField(field, 'label', 'I have read and understood the change');""");
		browser.screenshot("model-form-frank");
		int before = models.latestVersion("model-change-briefing-read");
		browser.driver().findElement(By.id("deploy")).click();
		deployedAs(before + 1);
		var form = json.readTree(models.content("model-change-briefing-read", null));
		assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
		assertThat(form.toString()).contains("I have read and understood the change");

		var task = taskService.createTaskQuery()
			.processDefinitionKey(ModelChanges.BRIEFING_PROCESS)
			.taskAssignee("alice")
			.list()
			.get(0);
		browser.logIn("alice");
		browser.open("/tasks/" + task.getId());
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("form"), "data-ready", "true"));
		assertThat(browser.driver().findElement(By.id("form")).getText()).contains("I have read and understood the change");
		// the link to the new diagram is a link, to the diagram of the changed process
		String link = runtimeService.getVariable(task.getProcessInstanceId(), "diagramLink").toString();
		assertThat(browser.driver().findElement(By.cssSelector("#form a")).getAttribute("href")).endsWith(link);
		browser.screenshot("briefing-task-alice");
	}

	@Test
	@Order(7)
	void thePagesReadInChinese() {
		browser.logIn("frank");
		browser.open("/models/lead-to-sale?lang=zh-CN");
		openedModel();
		assertThat(browser.driver().findElement(By.id("check")).getText()).isEqualTo("检查");
		browser.screenshot("model-editor-frank-zh");
		browser.open("/models");
		assertThat(browser.driver().findElement(By.id("export")).getText()).contains("导出");
		browser.screenshot("models-list-frank-zh");
		browser.open("/models?lang=en");
	}

	@Test
	@Order(8)
	void anExecutiveReadsDecisionsAndFormsWithoutEditControls() {
		browser.logIn("erin");
		browser.open("/models");
		browser.waitFor(By.cssSelector("tr.model-row[data-key='lead-routing']"));
		assertThat(browser.driver().findElements(By.id("read-only"))).hasSize(1);
		browser.open("/models/lead-routing");
		openedModel();
		browser.waitFor(By.cssSelector(".tjs-table"));
		assertThat(browser.driver().findElements(By.id("owner-tools"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector(".dmn-decision-table-container .add-rule"))).isEmpty();
		browser.open("/models/lead-welcome-call");
		openedModel();
		assertThat(browser.driver().findElements(By.cssSelector(".fjs-palette"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("form-editor")).getText()).contains("Welcome call");
		browser.screenshot("model-form-erin");
	}

	@Test
	@Order(9)
	void tokenSimulationStartsATokenFromTheOpeningView() {
		browser.logIn("frank");
		browser.open("/models/lead-to-sale");
		openedModel();
		assertThat(covered("'.djs-palette, .bts-toggle-mode'")).as("the palette covers part of the diagram").isEmpty();
		assertThat(browser.script("""
				const box = document.getElementById('canvas').getBoundingClientRect();
				return [...document.querySelectorAll('#canvas .djs-element.djs-shape')]
				  .map((e) => [e.dataset.elementId, e.getBoundingClientRect()])
				  .filter(([, s]) => s.left < box.left || s.right > box.right || s.top < box.top || s.bottom > box.bottom)
				  .map(([id]) => id);""")).as("shapes outside the opening view").asList().isEmpty();
		browser.screenshot("model-opening-view-frank");
		browser.driver().findElement(By.cssSelector(".bts-toggle-mode")).click();
		browser.waitFor(By.cssSelector(".bjs-container.simulation"));
		WebElement play = browser
			.waitFor(By.cssSelector(".djs-overlays[data-container-id='Start_LeadCaptured'] .bts-context-pad"));
		assertThat(play.isDisplayed()).as("the start event's play button is shown at the opening zoom").isTrue();
		assertThat(covered("'.bts-palette, .bts-toggle-mode'")).as("the simulation's controls cover the diagram")
			.isEmpty();
		@SuppressWarnings("unchecked")
		var overlap = (List<Object>) browser.script("""
				const play = document.querySelector(".djs-overlays[data-container-id='Start_LeadCaptured'] .bts-context-pad")
				  .getBoundingClientRect();
				return [...document.querySelectorAll('.djs-palette, .bts-palette, .bts-toggle-mode')]
				  .map((e) => [e.className, e.getBoundingClientRect()])
				  .filter(([, r]) => r.width > 0 && r.left < play.right && play.left < r.right
				    && r.top < play.bottom && play.top < r.bottom)
				  .map(([name]) => String(name));""");
		assertThat(overlap).as("controls over the start event's play button").isEmpty();
		browser.screenshot("model-token-simulation-frank");

		browser.script("""
				window.tokensStarted = [];
				window.modelPage.modeler.get('eventBus')
				  .on('tokenSimulation.simulator.trace', (e) => window.tokensStarted.push(e.element.id));""");
		play.click();
		browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
				"return window.tokensStarted.includes('Start_LeadCaptured') && window.tokensStarted.length > 1")));
		browser.script("window.modelPage.modeler.get('eventBus').fire('tokenSimulation.resetSimulation')");
		browser.driver().findElement(By.cssSelector(".bts-toggle-mode")).click();
	}

	/** The diagram elements (shapes, their labels) that lie under a control of the canvas. */
	@SuppressWarnings("unchecked")
	private List<Object> covered(String controls) {
		return (List<Object>) browser.script("""
				const controls = [...document.querySelectorAll(%s)].map((e) => e.getBoundingClientRect())
				  .filter((r) => r.width > 0);
				return [...document.querySelectorAll('#canvas .djs-element.djs-shape')]
				  .filter((e) => { const s = e.getBoundingClientRect();
				    return controls.some((r) => r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom); })
				  .map((e) => e.dataset.elementId);""".formatted(controls));
	}

	private java.util.Set<String> briefings() {
		var ids = new java.util.HashSet<String>();
		runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelChanges.BRIEFING_PROCESS)
			.list()
			.forEach(instance -> ids.add(instance.getId()));
		return ids;
	}

	private void deployedAs(int version) {
		browser.waitUntil(ExpectedConditions.urlContains("deployed=" + version));
		openedModel();
		assertThat(browser.driver().findElement(By.id("latest-version")).getText()).isEqualTo(String.valueOf(version));
	}

	private void openedModel() {
		browser.waitUntil(d -> "true".equals(d.findElement(By.id("model-page")).getAttribute("data-ready")));
	}

	private HttpResponse<String> post(String path, String user, Object body) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
