package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * A new process in a real browser, as frank makes it: a new form and a new process from the
 * template on {@code /models/new}, the process's user task given the form, checked, deployed
 * and started, its task opened with the form; the process downloaded, changed outside and
 * uploaded again, the draft compared with the deployed version; the export holds both. And
 * every failure is said on the page: a refused key, an editor that cannot write its model
 * (nothing is sent), an import warning with its element. The steps build on each other.
 */
@LodestarIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelCreationBrowserTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** Unique per run, so a reused database never holds them already. */
	private static final String SUFFIX = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

	static final String FORM = "expense-note-" + SUFFIX;

	static final String PROCESS = "expense-claim-" + SUFFIX;

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

	@Test
	@Order(1)
	void frankMakesAFormAndAProcessWithItChecksDeploysAndStartsIt() {
		browser.logIn("frank");
		browser.open("/models");
		browser.waitFor(By.id("new-model")).click();
		browser.waitFor(By.id("new-key"));
		browser.screenshot("model-new-frank");

		// a key that is taken is refused on the page, with the field named
		create("FORM", "lead-to-sale", null);
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("new-message"), "class", "error"));
		assertThat(browser.driver().findElement(By.id("new-message")).getText())
			.contains("The key \"lead-to-sale\" is taken");
		browser.screenshot("model-new-refused-frank");

		create("FORM", FORM, "Expense note");
		browser.waitUntil(ExpectedConditions.urlContains("/models/" + FORM));
		openedModel();
		assertThat(browser.driver().findElement(By.id("not-deployed")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.id("form-editor")).getText()).contains("Note");
		browser.driver().findElement(By.id("deploy")).click();
		deployedAs(1);

		browser.open("/models/new");
		create("BPMN", PROCESS, "Expense claim");
		browser.waitUntil(ExpectedConditions.urlContains("/models/" + PROCESS));
		openedModel();
		browser.script("""
				const m = window.modelPage.modeler;
				const task = m.get('elementRegistry').get('Task_DoTheWork');
				m.get('modeling').updateProperties(task, { name: 'Note the expense',
				  'camunda:formRef': arguments[0], 'camunda:formRefBinding': 'latest' });""", FORM);
		browser.driver().findElement(By.id("check")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("model-message"), "class", "info"));
		assertThat(browser.driver().findElement(By.id("model-message")).getText()).contains("check passed");
		browser.driver().findElement(By.id("deploy-comment")).sendKeys("A new process for expenses");
		browser.driver().findElement(By.id("deploy")).click();
		deployedAs(1);
		assertThat(models.content(PROCESS, null)).contains("camunda:formRef=\"" + FORM + "\"");

		browser.script("document.getElementById('model-message').className = '';");
		browser.driver().findElement(By.id("start-process")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("model-message"), "class", "info"));
		String instance = browser.driver().findElement(By.id("model-message")).getAttribute("data-process-instance-id");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
			.getProcessDefinitionId()).startsWith(PROCESS + ":1:");
		browser.driver().findElement(By.id("started-task")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("form"), "data-ready", "true"));
		assertThat(browser.driver().findElement(By.id("form")).getText()).contains("Note");
		assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getName())
			.isEqualTo("Note the expense");
		browser.screenshot("model-new-task-frank");
	}

	@Test
	@Order(2)
	void frankDownloadsTheProcessChangesItOutsideAndUploadsItAgain(@TempDir Path folder) throws Exception {
		browser.logIn("frank");
		browser.open("/models/" + PROCESS);
		openedModel();
		// the link downloads what is deployed, as the file of the model
		String href = browser.driver().findElement(By.id("download")).getAttribute("href");
		String downloaded = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
						const done = arguments[arguments.length - 1];
						fetch(arguments[0], { credentials: 'same-origin' }).then(async (r) =>
						  done(r.headers.get('Content-Disposition') + '\\n' + await r.text()));""", href);
		assertThat(downloaded).startsWith("attachment; filename=\"" + PROCESS + ".bpmn\"");
		String deployed = models.content(PROCESS, null);
		assertThat(downloaded.substring(downloaded.indexOf('\n') + 1)).isEqualTo(deployed);

		// changed in another tool: the task renamed, and a shape of an element that does not exist
		String changed = deployed.replace("name=\"Note the expense\"", "name=\"Note and justify the expense\"")
			.replace("</bpmndi:BPMNPlane>", "<bpmndi:BPMNShape id=\"Ghost_di\" bpmnElement=\"Ghost\">"
					+ "<dc:Bounds x=\"600\" y=\"160\" width=\"36\" height=\"36\" /></bpmndi:BPMNShape></bpmndi:BPMNPlane>");
		Path file = Files.writeString(folder.resolve(PROCESS + ".bpmn"), changed);
		browser.open("/models/new");
		browser.waitFor(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
		browser.driver().findElement(By.id("upload")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("upload-message"), "class", "info"));
		var item = browser.driver().findElement(By.cssSelector("#uploaded li[data-key='" + PROCESS + "']"));
		assertThat(item.getAttribute("data-created")).isEqualTo("false");
		assertThat(models.editable(PROCESS)).isEqualTo(changed);

		item.findElement(By.tagName("a")).click();
		openedModel();
		// the editor says what it could not read, naming the element
		var warnings = browser.driver().findElements(By.cssSelector("#import-warnings li[data-element-id='Ghost_di']"));
		assertThat(warnings).isNotEmpty();
		assertThat(warnings.get(0).getText()).startsWith("Ghost_di: ").contains("Ghost");
		assertThat(browser.driver().findElement(By.id("import-warnings-box")).isDisplayed()).isTrue();
		browser.screenshot("model-import-warning-frank");
		// the draft against the deployed version: exactly the renamed task
		assertThat(browser.driver().findElement(By.cssSelector("#compare-to option:checked")).getAttribute("value"))
			.isEqualTo("draft");
		browser.driver().findElement(By.id("compare")).click();
		browser.waitFor(By.cssSelector("#changes li"));
		assertThat(browser.driver().findElements(By.cssSelector("#changes li")))
			.extracting(li -> li.getAttribute("data-element-id"))
			.containsExactly("Task_DoTheWork");
		browser.script("document.getElementById('deploy').scrollIntoView({ block: 'center' });");
		browser.driver().findElement(By.id("deploy")).click();
		deployedAs(2);
		assertThat(models.content(PROCESS, null)).contains("Note and justify the expense");

		var export = export();
		assertThat(export).containsKeys("processes/" + PROCESS + ".bpmn", "forms/" + FORM + ".form");
		assertThat(export.get("processes/" + PROCESS + ".bpmn")).contains("Note and justify the expense");
		assertThat(export.get("forms/" + FORM + ".form")).contains("\"" + FORM + "\"");
	}

	@Test
	@Order(3)
	void anEditorThatCannotWriteItsModelSaysSoAndSendsNothing() {
		browser.logIn("frank");
		for (String lang : new String[] { "en", "zh-CN" }) {
			browser.open("/models/" + PROCESS + "?lang=" + lang);
			openedModel();
			int revisions = models.revisions(PROCESS).size();
			// a change, so the editor must write the model (without one, the file is saved as it came)
			browser.script("""
					const m = window.modelPage.modeler;
					m.get('modeling').updateProperties(m.get('elementRegistry').get('Task_DoTheWork'), { name: 'Note it' });""");
			browser.script("window.modelPage.modeler.saveXML = () => Promise.reject(new Error('unknown namespace prefix'));");
			for (String button : new String[] { "save-draft", "check", "deploy" }) {
				browser.script("document.getElementById('model-message').className = '';");
				browser.driver().findElement(By.id(button)).click();
				browser.waitUntil(ExpectedConditions.attributeToBe(By.id("model-message"), "class", "error"));
				assertThat(browser.driver().findElement(By.id("model-message")).getText()).as(button)
					.contains("unknown namespace prefix");
			}
			assertThat(models.revisions(PROCESS)).as("nothing sent").hasSize(revisions);
			browser.screenshot("model-failure-frank-" + lang);
			browser.script("window.modelPage.dirty = false;");
		}
		browser.open("/models/new?lang=zh-CN");
		browser.waitFor(By.id("new-key"));
		assertThat(browser.driver().findElement(By.id("create")).getText()).isEqualTo("创建");
		create("FORM", "lead-to-sale", null);
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("new-message"), "class", "error"));
		assertThat(browser.driver().findElement(By.id("new-message")).getText()).contains("键“lead-to-sale”已被占用");
		browser.screenshot("model-new-refused-frank-zh");
		browser.open("/models?lang=en");
	}

	// ---- helpers ---------------------------------------------------------------------------

	private void create(String kind, String key, String name) {
		browser.driver().findElement(By.cssSelector("input[name='kind'][value='" + kind + "']")).click();
		var keyInput = browser.driver().findElement(By.id("new-key"));
		keyInput.clear();
		keyInput.sendKeys(key);
		var nameInput = browser.driver().findElement(By.id("new-name"));
		nameInput.clear();
		if (name != null) {
			nameInput.sendKeys(name);
		}
		browser.driver().findElement(By.cssSelector("input[name='start'][value='TEMPLATE']")).click();
		browser.driver().findElement(By.id("create")).click();
	}

	private void deployedAs(int version) {
		browser.waitUntil(ExpectedConditions.urlContains("deployed=" + version));
		openedModel();
		assertThat(browser.driver().findElement(By.id("latest-version")).getText()).isEqualTo(String.valueOf(version));
	}

	private void openedModel() {
		browser.waitUntil(d -> "true".equals(d.findElement(By.id("model-page")).getAttribute("data-ready")));
	}

	private TreeMap<String, String> export() throws Exception {
		var response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models/export"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("frank:frank".getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		var entries = new TreeMap<String, String>();
		try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

}
