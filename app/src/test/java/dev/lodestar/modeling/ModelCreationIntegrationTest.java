package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/**
 * New models through the API: made blank or from a template, uploaded as files or a zip laid
 * out like the export, downloaded as their file, drafts refused when no parser reads them,
 * thrown away, compared with the deployed version; and every refusal as problem details
 * naming its field — 400 for a bad key or content, 409 for a key that is taken, 403 for
 * everyone but process owners; and the new model's round trip through the files like the others.
 */
@LodestarIntegrationTest
class ModelCreationIntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	ModelService models;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtimeService;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@Autowired
	org.camunda.bpm.engine.AuthorizationService authorizationService;

	@Autowired
	DeployedModels deployedModels;

	@Autowired
	ModelChecker checker;

	@Autowired
	ModelRevisions revisions;

	@Autowired
	FileStates fileStates;

	@Autowired
	FourEyes fourEyes;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void aProcessFromTheTemplateIsADraftThatChecksDeploysStartsAndIsExported() throws Exception {
		String key = key("made-process");
		var made = post("/api/models", "frank", Map.of("kind", "BPMN", "key", key, "name", "Made <here> & now",
				"start", "TEMPLATE"));
		assertThat(made.status).as(made.body).isEqualTo(201);
		assertThat(made.json().path("status").asText()).isEqualTo("DRAFT");

		var detail = get("/api/models/" + key, "frank");
		assertThat(detail.status).as(detail.body).isEqualTo(200);
		assertThat(detail.json().path("versions").size()).isZero();
		assertThat(detail.json().path("name").asText()).isEqualTo("Made <here> & now");
		assertThat(detail.json().path("resourceName").asText()).isEqualTo("processes/" + key + ".bpmn");
		String xml = get("/api/models/" + key + "/editable", "frank").body;
		assertThat(xml).contains("<bpmn:userTask id=\"Task_DoTheWork\"").contains("id=\"" + key + "\"");
		assertThat(listed(key).path("latestVersion").asInt()).isZero();
		assertThat(listed(key).path("hasDraft").asBoolean()).isTrue();

		var check = post("/api/models/" + key + "/check", "frank", Map.of("content", xml));
		assertThat(check.json().path("deployable").asBoolean()).as(check.body).isTrue();
		// drafts and deployments on the new key work: it is known by its draft
		String renamed = xml.replace("name=\"Do the work\"", "name=\"Do the real work\"");
		assertThat(post("/api/models/" + key + "/drafts", "frank", Map.of("content", renamed)).status).isEqualTo(201);
		var deployed = post("/api/models/" + key + "/deployments", "frank", Map.of("content", renamed, "comment", "first"));
		assertThat(deployed.status).as(deployed.body).isEqualTo(201);
		assertThat(deployed.json().path("version").asInt()).isEqualTo(1);
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);

		var started = post("/api/models/" + key + "/instances", "frank", null);
		assertThat(started.status).as(started.body).isEqualTo(201);
		String taskId = started.json().path("taskId").asText();
		assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getName()).isEqualTo("Do the real work");
		assertThat(post("/api/models/" + key + "/instances", "erin", null).status).isEqualTo(403);

		var file = get("/api/models/" + key + "/file", "erin");
		assertThat(file.status).isEqualTo(200);
		assertThat(file.headers.firstValue("Content-Disposition").orElse("")).contains(key + ".bpmn");
		assertThat(file.body).isEqualTo(renamed);
		assertThat(exported()).containsEntry("processes/" + key + ".bpmn", renamed);
	}

	@Test
	void aKeyThatIsTakenIsRefusedWith409NamingKeyAndABadKeyWith400() throws Exception {
		for (String taken : List.of("lead-to-sale", "lead-routing", "lead-welcome-call")) {
			for (String kind : List.of("BPMN", "DMN", "FORM")) {
				var refused = post("/api/models", "frank", Map.of("kind", kind, "key", taken));
				assertThat(refused.status).as(taken + " as " + kind).isEqualTo(409);
				assertThat(refused.json().path("field").asText()).isEqualTo("key");
				assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("key");
			}
		}
		String key = key("made-form");
		assertThat(post("/api/models", "frank", Map.of("kind", "FORM", "key", key)).status).isEqualTo(201);
		assertThat(post("/api/models", "frank", Map.of("kind", "BPMN", "key", key)).status).as("a draft holds the key")
			.isEqualTo(409);
		for (String bad : List.of("Lead To Sale", "9lives", "under_score", "trailing-", "a--b", "x".repeat(61), "")) {
			var refused = post("/api/models", "frank", Map.of("kind", "BPMN", "key", bad));
			assertThat(refused.status).as("key \"" + bad + "\"").isEqualTo(400);
			assertThat(fields(refused.json())).as(refused.body).contains("key");
		}
		assertThat(fields(post("/api/models", "frank", Map.of("key", key("no-kind"))).json())).contains("kind");
	}

	@Test
	void onlyProcessOwnersMakeUploadAndDiscard() throws Exception {
		String key = key("owners-only");
		for (String user : List.of("alice", "erin", "grace")) {
			assertThat(post("/api/models", user, Map.of("kind", "BPMN", "key", key)).status).as(user).isEqualTo(403);
			assertThat(upload(user, key + ".bpmn", ModelTrustBoundaryIntegrationTest.process(key,
					"<bpmn:userTask id=\"Task_A\" camunda:candidateGroups=\"sales-rep\"/>").getBytes(StandardCharsets.UTF_8)).status)
				.as(user).isEqualTo(403);
			assertThat(send("DELETE", "/api/models/lead-to-sale/drafts", user, null).status).as(user).isEqualTo(403);
		}
		assertThat(models.exists(key)).isFalse();
		assertThat(page("/models/new", "erin")).isEqualTo(403);
		assertThat(page("/models/new", "alice")).isEqualTo(403);
		assertThat(page("/models/new", "frank")).isEqualTo(200);
		assertThat(post("/api/models", "frank", Map.of("kind", "DMN", "key", key, "start", "TEMPLATE")).status).isEqualTo(201);
		assertThat(page("/models/" + key, "erin")).as("the workspace's readers see a new model").isEqualTo(200);
		assertThat(page("/models/" + key, "frank")).isEqualTo(200);
		assertThat(get("/api/models/" + key + "/file?draft=true", "erin").status).as("drafts are the owners'").isEqualTo(403);
		assertThat(get("/api/models/" + key + "/file?draft=true", "frank").body).contains("<decision id=\"" + key + "\"");
	}

	@Test
	void aTruncatedEmptyOrUnreadableDraftIsRefusedWithTheParsersReason() throws Exception {
		String xml = models.content("lead-to-sale", null);
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("truncated", xml.substring(0, xml.length() / 2));
		bad.put("empty", "");
		bad.put("blank", "   \n");
		bad.put("not XML", "Ceci n'est pas un modèle");
		bad.put("a form on a process", models.content("lead-welcome-call", null));
		bad.put("DMN on a process", models.content("lead-routing", null));
		int revisions = get("/api/models/lead-to-sale/revisions", "frank").json().size();
		for (var entry : bad.entrySet()) {
			var refused = post("/api/models/lead-to-sale/drafts", "frank", Map.of("content", entry.getValue()));
			assertThat(refused.status).as(entry.getKey() + ": " + refused.body).isEqualTo(400);
			assertThat(fields(refused.json())).as(entry.getKey()).containsExactly("content");
		}
		var truncated = post("/api/models/lead-to-sale/drafts", "frank", Map.of("content", bad.get("truncated")));
		assertThat(truncated.json().path("errors").get(0).path("message").asText()).contains("not well-formed XML")
			.contains("line");
		var form = post("/api/models/lead-welcome-call/drafts", "frank", Map.of("content", "{\"components\": ["));
		assertThat(form.status).isEqualTo(400);
		assertThat(form.json().path("errors").get(0).path("message").asText()).contains("not well-formed JSON");
		assertThat(post("/api/models/lead-welcome-call/drafts", "frank", Map.of("content", "[1, 2]")).status)
			.isEqualTo(400);
		assertThat(get("/api/models/lead-to-sale/revisions", "frank").json().size()).as("nothing kept").isEqualTo(revisions);
		assertThat(post("/api/models/no-such-model-anywhere/drafts", "frank", Map.of("content", xml)).status)
			.as("a key never made").isEqualTo(404);
	}

	@Test
	void aDraftIsComparedWithTheDeployedVersionAndDiscardedBackToIt() throws Exception {
		String key = key("discarded");
		assertThat(post("/api/models", "frank", Map.of("kind", "BPMN", "key", key, "start", "TEMPLATE")).status)
			.isEqualTo(201);
		String first = get("/api/models/" + key + "/editable", "frank").body;
		assertThat(post("/api/models/" + key + "/deployments", "frank", Map.of("content", first)).status).isEqualTo(201);
		assertThat(get("/api/models/" + key + "/draft", "frank").status).as("deployed: no draft").isEqualTo(404);
		assertThat(get("/api/models/" + key + "/draft-diff", "frank").status).isEqualTo(404);

		String changed = first.replace("name=\"Do the work\"", "name=\"Do it twice\"");
		assertThat(post("/api/models/" + key + "/drafts", "frank", Map.of("content", changed)).status).isEqualTo(201);
		var diff = get("/api/models/" + key + "/draft-diff", "frank");
		assertThat(diff.status).as(diff.body).isEqualTo(200);
		assertThat(diff.json().path("from").asInt()).isEqualTo(1);
		assertThat(diff.json().path("to").asInt()).isZero();
		assertThat(diff.json().path("changes").findValuesAsText("elementId")).containsExactly("Task_DoTheWork");
		assertThat(get("/api/models/" + key + "/editable", "frank").body).isEqualTo(changed);
		assertThat(get("/api/models/" + key + "/file?draft=true", "frank").body).isEqualTo(changed);

		var discarded = send("DELETE", "/api/models/" + key + "/drafts", "frank", null);
		assertThat(discarded.status).as(discarded.body).isEqualTo(200);
		assertThat(discarded.json().path("status").asText()).isEqualTo("DISCARDED");
		assertThat(get("/api/models/" + key + "/editable", "frank").body).isEqualTo(first);
		assertThat(get("/api/models/" + key, "frank").json().path("draft").isNull()).isTrue();
		assertThat(send("DELETE", "/api/models/" + key + "/drafts", "frank", null).status).as("nothing left").isEqualTo(404);

		// a model never deployed is gone with its draft
		String never = key("never-deployed");
		assertThat(post("/api/models", "frank", Map.of("kind", "FORM", "key", never)).status).isEqualTo(201);
		assertThat(send("DELETE", "/api/models/" + never + "/drafts", "frank", null).status).isEqualTo(200);
		assertThat(get("/api/models/" + never, "frank").status).isEqualTo(404);
		assertThat(post("/api/models", "frank", Map.of("kind", "BPMN", "key", never)).status).as("the key is free again")
			.isEqualTo(201);
	}

	@Test
	void aZipLaidOutLikeTheExportBecomesDraftsOfNewAndExistingModels() throws Exception {
		String process = key("zipped-process");
		String form = key("zipped-form");
		String processXml = ModelTrustBoundaryIntegrationTest.process(process,
				"<bpmn:userTask id=\"Task_Fill\" camunda:candidateGroups=\"sales-rep\" camunda:formRef=\"" + form + "\" camunda:formRefBinding=\"latest\"/>");
		String formJson = "{\"id\": \"" + form + "\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": "
				+ "[{\"type\": \"textfield\", \"key\": \"note\", \"label\": \"Note\", \"id\": \"Field_note\"}]}";
		// a label no earlier test can have deployed: the upload changes the model, whatever version is latest
		String welcome = models.content("lead-welcome-call", null)
			.replaceFirst("\"label\":\\s*\"[^\"]*\"", "\"label\": \"What they said (" + key("label") + ")\"");
		var zip = zip(Map.of("processes/" + process + ".bpmn", processXml, "forms/" + form + ".form", formJson,
				"forms/lead-welcome-call.form", welcome, "processes/README.md", "not a model"));
		var uploaded = upload("frank", "lodestar-models.zip", zip);
		assertThat(uploaded.status).as(uploaded.body).isEqualTo(201);
		var byKey = new TreeMap<String, JsonNode>();
		uploaded.json().forEach(u -> byKey.put(u.path("key").asText(), u));
		assertThat(byKey).containsOnlyKeys(process, form, "lead-welcome-call");
		assertThat(byKey.get(process).path("created").asBoolean()).isTrue();
		assertThat(byKey.get("lead-welcome-call").path("created").asBoolean()).isFalse();
		assertThat(byKey.get("lead-welcome-call").path("changed").asBoolean()).isTrue();
		assertThat(get("/api/models/lead-welcome-call/draft", "frank").body).isEqualTo(welcome);
		assertThat(get("/api/models/" + process + "/editable", "frank").body).isEqualTo(processXml);

		// deployed together through the check: the process finds the form deployed first
		assertThat(post("/api/models/" + form + "/deployments", "frank", Map.of("content", formJson)).status).isEqualTo(201);
		var deployed = post("/api/models/" + process + "/deployments", "frank", Map.of("content", processXml));
		assertThat(deployed.status).as(deployed.body).isEqualTo(201);
		var export = exported();
		assertThat(export).containsEntry("processes/" + process + ".bpmn", processXml)
			.containsEntry("forms/" + form + ".form", formJson);
		// the export uploads again: nothing changed
		var again = upload("frank", "lodestar-models.zip", zip(Map.of("processes/" + process + ".bpmn",
				export.get("processes/" + process + ".bpmn"))));
		assertThat(again.json().get(0).path("changed").asBoolean()).isFalse();
		send("DELETE", "/api/models/lead-welcome-call/drafts", "frank", null);
	}

	@Test
	void refusedUploadsAnswer400WithTheReasonAndKeepNothing() throws Exception {
		String key = key("refused-upload");
		String good = ModelTrustBoundaryIntegrationTest.process(key,
				"<bpmn:userTask id=\"Task_A\" camunda:candidateGroups=\"sales-rep\"/>");
		Map<String, Object[]> refused = new LinkedHashMap<>();
		refused.put("not a model", new Object[] { key + ".txt", good.getBytes(StandardCharsets.UTF_8), ".bpmn, .dmn or .form" });
		refused.put("empty", new Object[] { key + ".bpmn", new byte[0], "is empty" });
		refused.put("truncated", new Object[] { key + ".bpmn", good.substring(0, 200).getBytes(StandardCharsets.UTF_8),
				"not well-formed XML" });
		refused.put("id is not the key", new Object[] { "other-" + key + ".bpmn", good.getBytes(StandardCharsets.UTF_8),
				"must be the model key" });
		refused.put("bad file name", new Object[] { "My Process.bpmn", good.getBytes(StandardCharsets.UTF_8),
				"is not a model key" });
		refused.put("form not JSON", new Object[] { key + ".form", good.getBytes(StandardCharsets.UTF_8),
				"not well-formed JSON" });
		refused.put("not UTF-8", new Object[] { key + ".bpmn", good.replace("Task_A", "Task_\u00e4").getBytes(StandardCharsets.ISO_8859_1),
				"not UTF-8" });
		refused.put("not a zip", new Object[] { key + ".zip", good.getBytes(StandardCharsets.UTF_8), "holds no model" });
		refused.put("zip in another layout", new Object[] { key + ".zip", zip(Map.of(key + ".bpmn", good)),
				"not where the export puts it" });
		refused.put("zip with a bad file among good ones", new Object[] { key + ".zip",
				zip(Map.of("processes/" + key + ".bpmn", good, "forms/broken-" + key + ".form", "{")), "not well-formed JSON" });
		refused.put("form in the processes folder", new Object[] { key + ".zip",
				zip(Map.of("processes/" + key + ".form", "{\"id\":\"" + key + "\",\"components\":[]}")),
				"not where the export puts it" });
		for (var entry : refused.entrySet()) {
			var response = upload("frank", (String) entry.getValue()[0], (byte[]) entry.getValue()[1]);
			assertThat(response.status).as(entry.getKey() + ": " + response.body).isEqualTo(400);
			assertThat(fields(response.json())).as(entry.getKey()).containsExactly("file");
			assertThat(response.json().path("errors").get(0).path("message").asText()).as(entry.getKey())
				.contains((String) entry.getValue()[2]);
		}
		assertThat(models.exists(key)).as("nothing of a refused upload is kept").isFalse();
		// a form named like a process: the key is taken
		var taken = upload("frank", "lead-to-sale.form",
				"{\"id\":\"lead-to-sale\",\"components\":[]}".getBytes(StandardCharsets.UTF_8));
		assertThat(taken.status).isEqualTo(409);
		assertThat(taken.json().path("field").asText()).isEqualTo("key");
	}

	@Test
	void aNewModelJoinsTheFilesRoundTripExportRestartAndConflict(@TempDir Path folder) throws Exception {
		String key = key("round-trip");
		assertThat(post("/api/models", "frank", Map.of("kind", "BPMN", "key", key, "start", "TEMPLATE")).status)
			.isEqualTo(201);
		String first = get("/api/models/" + key + "/editable", "frank").body;
		assertThat(post("/api/models/" + key + "/deployments", "frank", Map.of("content", first)).status).isEqualTo(201);
		assertThat(listed(key).path("inFiles").asBoolean()).as("made in the browser: no file yet").isFalse();

		// the export, unpacked over the folders: the next start deploys nothing, the file is the model's
		var unpacked = Files.createDirectories(folder.resolve("processes"));
		Files.writeString(unpacked.resolve(key + ".bpmn"), exported().get("processes/" + key + ".bpmn"));
		var files = new ModelFiles(new PathMatchingResourcePatternResolver(),
				new ModelingSettings("lodestar", List.of("file:" + unpacked + "/*.bpmn"), true));
		ModelService withFile = new ModelService(repositoryService, runtimeService, historyService, taskService,
				identityService, authorizationService, deployedModels, checker, revisions, fileStates, files, fourEyes);
		var deployer = new ProcessModelDeployer(withFile, files, events);
		assertThat(deployer.deploy().deploymentId()).as("the file holds what runs").isNull();
		assertThat(withFile.model(key).inFiles()).isTrue();
		assertThat(withFile.model(key).differsFromFile()).isFalse();

		// the workspace deploys a newer version while the file changes too: a conflict, kept for the browser
		String browser = first.replace("name=\"Do the work\"", "name=\"From the browser\"");
		assertThat(post("/api/models/" + key + "/deployments", "frank", Map.of("content", browser)).status).isEqualTo(201);
		Files.writeString(unpacked.resolve(key + ".bpmn"), first.replace("name=\"Do the work\"", "name=\"From git\""));
		assertThat(deployer.deploy().deploymentId()).as("nothing deployed over the newer version").isNull();
		assertThat(withFile.model(key).fileConflict()).isTrue();
		assertThat(withFile.content(key, null)).contains("From the browser");
	}

	// ---- helpers ---------------------------------------------------------------------------

	private static String key(String prefix) {
		return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
	}

	private JsonNode listed(String key) throws Exception {
		for (JsonNode model : get("/api/models", "frank").json()) {
			if (key.equals(model.path("key").asText())) {
				return model;
			}
		}
		throw new AssertionError(key + " not listed");
	}

	private Map<String, String> exported() throws Exception {
		var response = CLIENT.send(request("/api/models/export", "frank").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		var entries = new TreeMap<String, String>();
		try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	static byte[] zip(Map<String, String> files) throws IOException {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (var file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static List<String> fields(JsonNode problem) {
		var fields = new ArrayList<String>();
		problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
		return fields;
	}

	record Response(int status, String body, java.net.http.HttpHeaders headers, ObjectMapper mapper) {

		JsonNode json() throws IOException {
			return mapper.readTree(body);
		}

	}

	/** The status of a page as the user's browser gets it: logged in through the login form (pages take no HTTP Basic). */
	private int page(String path, String user) throws Exception {
		return dev.lodestar.PageLogin.as(port, user).get(path).statusCode();
	}

	private Response upload(String user, String fileName, byte[] content) throws Exception {
		var response = CLIENT.send(request("/api/models/uploads?fileName="
				+ java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8), user)
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(content))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), response.headers(), json);
	}

	private Response post(String path, String user, Object body) throws Exception {
		return send("POST", path, user, body);
	}

	private Response get(String path, String user) throws Exception {
		return send("GET", path, user, null);
	}

	private Response send(String method, String path, String user, Object body) throws Exception {
		var request = request(path, user).header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), response.headers(), json);
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json, application/xml, */*")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

}
