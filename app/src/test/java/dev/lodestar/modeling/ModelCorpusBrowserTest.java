package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * Round-trip fidelity in a real browser: every model of the corpus in
 * {@code src/test/resources/model-corpus} (written the way Signavio, Bizagi, ADONIS, Trisotech,
 * Visual Paradigm, Camunda Modeler, Enterprise Architect, Yaoqiang, Eclipse and bpmn.io write
 * their files; see its README) is uploaded, opened by frank in the modeler page and saved as a
 * draft without a change; the draft must say exactly what the file said (compared as XML, not
 * as text). Then a file with several diagrams opens its second one, and a file the editor cannot
 * write as it is says so on the page. One browser, one login.
 */
@LodestarIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelCorpusBrowserTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** What the editor itself writes of each model, for a look at what a save after a change would lose. */
	static final Path EDITOR_WRITES = Path.of("target", "model-corpus-editor");

	/**
	 * What bpmn-js still changes when it writes a model after a change: an attribute of an extension
	 * element qualified by the element's own prefix ({@code ext:labelPosition} on {@code ext:style})
	 * is written without it, so in no namespace (moddle-xml); a collapsed sub-process with content
	 * but no diagram of its own gets one, for its drill down.
	 */
	static final List<String> KNOWN_EDITOR_LOSSES = List.of("corpus-eclipse-bpmn2-claims: ", "corpus-trisotech-loan: ",
			"corpus-bizagi-subprocesses: /{http://www.omg.org/spec/BPMN/20100524/MODEL}definitions[@id='Definition_5a6b7c8d']: "
					+ "element {http://www.omg.org/spec/BPMN/20100524/DI}BPMNDiagram was added");

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	static Map<String, String> corpus;

	@LocalServerPort
	int port;

	@Autowired
	ModelService models;

	@BeforeAll
	static void start() throws IOException, URISyntaxException {
		corpus = corpus();
	}

	@Test
	@Order(1)
	void everyModelOfTheCorpusOpensAndSavesUnchanged() throws Exception {
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(15);
		upload(corpus);
		browser.logIn("frank");
		var failures = new ArrayList<String>();
		var editorLosses = new ArrayList<String>();
		for (var model : corpus.entrySet()) {
			String key = model.getKey();
			open(key);
			// what the editor itself would write (a save after a change): reported, not required
			String written = editorExport();
			String lost = written.startsWith("!") ? written : CanonicalXml.firstDifferenceBesidesDefaults(model.getValue(), written);
			Files.createDirectories(EDITOR_WRITES);
			Files.writeString(EDITOR_WRITES.resolve(key + ".bpmn"), written);
			if (lost != null) {
				editorLosses.add(key + ": " + lost);
			}
			String saved = saveDraft(key);
			String difference = saved == null ? "the draft was not saved" : CanonicalXml.firstDifference(model.getValue(), saved);
			if (difference != null) {
				failures.add(key + ": " + difference);
			}
		}
		System.out.println("corpus: " + (corpus.size() - failures.size()) + " models opened and saved unchanged"
				+ (failures.isEmpty() ? "" : ", first difference: " + failures.get(0)));
		editorLosses.forEach((loss) -> System.out.println("corpus: after a change the editor would write " + loss));
		assertThat(failures).as("models that changed on a save without changes").isEmpty();
		// a save after a change keeps what the editor does not draw too; what it still loses is known
		assertThat(editorLosses).as("what a save after a change would lose")
			.allMatch(loss -> KNOWN_EDITOR_LOSSES.stream().anyMatch(loss::startsWith));
	}

	@Test
	@Order(2)
	void aFileWithSeveralDiagramsOpensEachOfThem() {
		browser.logIn("frank");
		String key = "corpus-adonis-claims";
		open(key);
		assertThat(browser.driver().findElement(By.id("diagram-choice-box")).isDisplayed()).isTrue();
		var choice = new Select(browser.driver().findElement(By.id("diagram-choice")));
		assertThat(choice.getOptions()).extracting(o -> o.getText())
			.containsExactly("Claims settlement", "Damage assessment");
		assertThat(root()).isEqualTo("corpus-adonis-claims");
		choice.selectByIndex(1);
		browser.waitUntil(d -> "mod.2".equals(d.findElement(By.id("model-page")).getAttribute("data-diagram")));
		assertThat(root()).isEqualTo("obj.p2");
		assertThat(browser.script("return !!window.modelPage.modeler.get('elementRegistry').get('obj.p2.t');")).isEqualTo(true);
		browser.screenshot("model-corpus-second-diagram-frank");
		String saved = saveDraft(key);
		assertThat(CanonicalXml.firstDifference(corpus.get(key), saved)).isNull();
	}

	@Test
	@Order(3)
	void aFileTheEditorCannotWriteAsItIsSaysSoAndStillSavesUnchanged() throws Exception {
		browser.logIn("frank");
		// Dublin Core's dc prefix, which the editor keeps for diagram bounds: renamed, with a note
		String key = "corpus-signavio-dublin-core";
		open(key);
		var note = browser.driver().findElement(By.cssSelector("#namespace-notes li[data-prefix='dc']"));
		assertThat(note.isDisplayed()).isTrue();
		assertThat(note.getText()).contains("dc", "http://purl.org/dc/elements/1.1/", "dc_1");
		assertThat(browser.driver().findElement(By.id("cannot-export")).isDisplayed()).isFalse();
		// the editor can write it now, and says the same in other words
		assertThat(CanonicalXml.firstDifferenceBesidesDefaults(corpus.get(key), editorExport())).isNull();

		// bound to both namespaces in one file: there is no name to give it, the editor cannot write it
		String both = "corpus-dc-bound-twice";
		String twice = corpus.get(key).replace(key, both)
			.replace("<bpmndi:BPMNDiagram id=\"sid-D-DIAGRAM\">",
					"<bpmndi:BPMNDiagram id=\"sid-D-DIAGRAM\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\">")
			.replace("omgdc:Bounds", "dc:Bounds");
		upload(Map.of(both, twice));
		open(both);
		var refused = browser.driver().findElement(By.id("cannot-export"));
		assertThat(refused.isDisplayed()).isTrue();
		assertThat(refused.getText()).contains("The editor cannot write this model");
		assertThat(browser.driver().findElement(By.cssSelector("#namespace-notes li[data-prefix='dc']")).getText())
			.contains("several namespaces", "http://purl.org/dc/elements/1.1/");
		browser.screenshot("model-corpus-cannot-export-frank");
		// without a change, the file is kept as it is
		assertThat(CanonicalXml.firstDifference(twice, saveDraft(both))).isNull();
		// a change cannot be written: said, nothing sent
		int revisions = models.revisions(both).size();
		browser.script("""
				const m = window.modelPage.modeler;
				m.get('modeling').updateProperties(m.get('elementRegistry').get('sid-D-T'), { name: 'Review it' });""");
		browser.script("document.getElementById('model-message').className = '';");
		browser.driver().findElement(By.id("save-draft")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("model-message"), "class", "error"));
		assertThat(models.revisions(both)).hasSize(revisions);
		browser.script("window.modelPage.dirty = false;");
	}

	// ---- helpers ---------------------------------------------------------------------------

	private void open(String key) {
		browser.open("/models/" + key);
		String ready = browser.waitUntil(d -> {
			String state = d.findElement(By.id("model-page")).getAttribute("data-ready");
			return state == null || state.isEmpty() ? null : state;
		});
		assertThat(ready).as(key + " opens: " + browser.driver().findElement(By.id("model-message")).getText())
			.isEqualTo("true");
	}

	/** Saves the draft through the page's button and returns what the server keeps. */
	private String saveDraft(String key) {
		browser.script("document.getElementById('model-message').className = '';");
		browser.driver().findElement(By.id("save-draft")).click();
		String outcome = browser.waitUntil(d -> {
			String state = d.findElement(By.id("model-message")).getAttribute("class");
			return "info".equals(state) || "error".equals(state) ? state : null;
		});
		assertThat(outcome).as(key + ": " + browser.driver().findElement(By.id("model-message")).getText()).isEqualTo("info");
		return models.draft(key);
	}

	/** What the editor writes of the open model, or "!" and the reason it cannot. */
	private String editorExport() {
		return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				window.modelPage.modeler.saveXML({ format: true })
				  .then((r) => done(r.xml), (e) => done('!' + (e.message ?? e)));""");
	}

	private String root() {
		return (String) browser.script("return window.modelPage.modeler.get('canvas').getRootElement().businessObject.id;");
	}

	private void upload(Map<String, String> models) throws Exception {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (var model : models.entrySet()) {
				zip.putNextEntry(new ZipEntry("processes/" + model.getKey() + ".bpmn"));
				zip.write(model.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		var response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/models/uploads?fileName=model-corpus.zip"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("frank:frank".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private static Map<String, String> corpus() throws IOException, URISyntaxException {
		Path folder = Path.of(ModelCorpusBrowserTest.class.getResource("/model-corpus").toURI());
		var files = new TreeMap<String, String>();
		try (Stream<Path> listed = Files.list(folder)) {
			for (Path file : listed.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
				String name = file.getFileName().toString();
				files.put(name.substring(0, name.length() - ".bpmn".length()), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
