package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/**
 * Models are data, not programs (README, Security model): frank, a process owner, tries to make
 * himself administrator through a model on every path that deploys one — the start-up files,
 * {@code /api/models}, {@code /engine-rest/deployment/create} as Camunda Modeler does — with a
 * service task's expression, a listener, a script task, a {@code camunda:class}, a bean of the
 * application and a DMN expression, also in a file he uploads. Each is refused with its element named, the Check button
 * gives the same verdict, nothing is deployed, and frank's memberships are what they were.
 */
@LodestarIntegrationTest
class ModelTrustBoundaryIntegrationTest {

	/** The escalation of issue 19, word for word. */
	static final String ESCALATION = "${execution.getProcessEngineServices().getIdentityService()"
			+ ".createMembership(\"frank\",\"camunda-admin\")}";

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ModelService modelService;

	@Autowired
	ApplicationEventPublisher events;

	private List<String> franksGroups;

	/** One model that tries to escalate, and the element the refusal must name. */
	record Escalation(String way, boolean dmn, String elementId, String body) {

		String content(String key) {
			return dmn ? decision(key, body) : process(key, body);
		}

		String resourceName(String key) {
			return "processes/" + key + (dmn ? ".dmn" : ".bpmn");
		}

	}

	static List<Escalation> escalations() {
		String attribute = xmlAttribute(ESCALATION);
		return List.of(
				new Escalation("service task expression", false, "Task_Escalate",
						"<bpmn:serviceTask id=\"Task_Escalate\" camunda:expression=\"" + attribute + "\"/>"),
				new Escalation("execution listener", false, "Task_Listened",
						"<bpmn:userTask id=\"Task_Listened\" camunda:candidateGroups=\"sales-rep\"><bpmn:extensionElements>"
								+ "<camunda:executionListener event=\"start\" expression=\"" + attribute + "\"/>"
								+ "</bpmn:extensionElements></bpmn:userTask>"),
				new Escalation("task listener", false, "Task_Listened",
						"<bpmn:userTask id=\"Task_Listened\" camunda:candidateGroups=\"sales-rep\"><bpmn:extensionElements>"
								+ "<camunda:taskListener event=\"create\" expression=\"${task.execution.processEngineServices"
								+ ".identityService.createMembership('frank','camunda-admin')}\"/>"
								+ "</bpmn:extensionElements></bpmn:userTask>"),
				new Escalation("script task", false, "Task_Script",
						"<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>"
								+ "execution.getProcessEngineServices().getIdentityService()"
								+ ".createMembership('frank', 'camunda-admin')</bpmn:script></bpmn:scriptTask>"),
				new Escalation("camunda:class", false, "Task_Class",
						"<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"org.example.MakeMeAdmin\"/>"),
				new Escalation("a bean of the application", false, "Task_Bean",
						"<bpmn:serviceTask id=\"Task_Bean\" camunda:expression=\"${identityService"
								+ ".createMembership('frank','camunda-admin')}\"/>"),
				new Escalation("the engine's object kept in a variable", false, "Task_Keep",
						"<bpmn:serviceTask id=\"Task_Keep\" camunda:expression=\"${execution}\" "
								+ "camunda:resultVariable=\"engine\"/>"),
				new Escalation("DMN input expression", true, "InputExpression_Escalate",
						"<inputExpression id=\"InputExpression_Escalate\" typeRef=\"string\" expressionLanguage=\"juel\">"
								+ "<text>${identityService.createMembership('frank','camunda-admin')}</text></inputExpression>"));
	}

	@BeforeEach
	void rememberFranksGroups() {
		franksGroups = groupsOf("frank");
		assertThat(franksGroups).doesNotContain("camunda-admin");
	}

	@AfterEach
	void franksMembershipsAreUnchanged() {
		assertThat(groupsOf("frank")).containsExactlyInAnyOrderElementsOf(franksGroups).doesNotContain("camunda-admin");
	}

	@Test
	void theCheckButtonRefusesEveryEscalationNamingItsElement() throws Exception {
		for (Escalation escalation : escalations()) {
			String key = existingModel(escalation);
			var check = post("/api/models/" + key + "/check", "frank", Map.of("content", escalation.content(key)));
			assertThat(check.status).as(escalation.way()).isEqualTo(200);
			assertThat(check.json().path("deployable").asBoolean()).as(escalation.way() + ": " + check.body).isFalse();
			assertThat(elementsOfErrors(check.json().path("findings"))).as(escalation.way() + ": " + check.body)
				.contains(escalation.elementId());
		}
	}

	@Test
	void aDeploymentFromTheWorkspaceRefusesEveryEscalationNamingItsElement() throws Exception {
		for (Escalation escalation : escalations()) {
			String key = existingModel(escalation);
			int before = modelService.latestVersion(key);
			var deploy = post("/api/models/" + key + "/deployments", "frank",
					Map.of("content", escalation.content(key), "comment", "make me admin"));
			assertThat(deploy.status).as(escalation.way() + ": " + deploy.body).isEqualTo(409);
			assertThat(deploy.body).as(escalation.way()).contains(escalation.elementId());
			assertThat(versionsOf(escalation.resourceName(key))).as(escalation.way() + ": nothing deployed")
				.isEqualTo(before);
		}
	}

	@Test
	void anUploadedModelGetsTheSameGuardsAsAnEditedOne() throws Exception {
		for (Escalation escalation : escalations()) {
			String key = "uploaded-escalation-" + SEQUENCE.incrementAndGet();
			String file = key + (escalation.dmn() ? ".dmn" : ".bpmn");
			var uploaded = CLIENT.send(request("/api/models/uploads?fileName=" + file, "frank")
				.header("Content-Type", "application/octet-stream")
				.POST(HttpRequest.BodyPublishers.ofString(escalation.content(key)))
				.build(), HttpResponse.BodyHandlers.ofString());
			// kept as a draft, which is not deployed: the guards stand between it and the engine
			assertThat(uploaded.statusCode()).as(escalation.way() + ": " + uploaded.body()).isEqualTo(201);
			String draft = modelService.editable(key);
			var check = post("/api/models/" + key + "/check", "frank", Map.of("content", draft));
			assertThat(check.json().path("deployable").asBoolean()).as(escalation.way()).isFalse();
			assertThat(elementsOfErrors(check.json().path("findings"))).as(escalation.way() + ": " + check.body)
				.contains(escalation.elementId());
			var deploy = post("/api/models/" + key + "/deployments", "frank",
					Map.of("content", draft, "comment", "make me admin"));
			assertThat(deploy.status).as(escalation.way() + ": " + deploy.body).isEqualTo(409);
			assertThat(deploy.body).as(escalation.way()).contains(escalation.elementId());
			assertThat(versionsOf(escalation.resourceName(key))).as(escalation.way() + ": nothing deployed").isZero();
		}
	}

	@Test
	void camundaModelersDeploymentThroughEngineRestIsRefusedWith400NamingTheElement() throws Exception {
		for (Escalation escalation : escalations()) {
			String key = "modeler-escalation-" + SEQUENCE.incrementAndGet();
			String file = key + (escalation.dmn() ? ".dmn" : ".bpmn");
			String boundary = "----trust" + key;
			String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
					+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\n"
					+ "Camunda Modeler\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file
					+ "\"; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
					+ escalation.content(key) + "\r\n--" + boundary + "--\r\n";
			var deployed = CLIENT.send(request("/engine-rest/engine/" + engine.getName() + "/deployment/create", "frank")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(multipart))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(deployed.statusCode()).as(escalation.way() + ": " + deployed.body()).isEqualTo(400);
			assertThat(deployed.body()).as(escalation.way()).contains(escalation.elementId());
			// Camunda Modeler lists the problems of each file with their elements
			assertThat(json.readTree(deployed.body()).path("details").path(file).path("errors").findValuesAsText(
					"mainElementId")).as(escalation.way()).contains(escalation.elementId());
			assertThat(repositoryService.createDeploymentQuery().deploymentName(key).count())
				.as(escalation.way() + ": nothing deployed")
				.isZero();
		}
	}

	@Test
	void theStartUpDeploymentOfTheFilesRefusesEveryEscalationNamingItsElement(@TempDir Path folder) throws Exception {
		Path processes = Files.createDirectories(folder.resolve("processes"));
		for (Escalation escalation : escalations()) {
			String key = "file-escalation-" + SEQUENCE.incrementAndGet();
			Path file = processes.resolve(key + (escalation.dmn() ? ".dmn" : ".bpmn"));
			Files.writeString(file, escalation.content(key));
			var files = new ModelFiles(new PathMatchingResourcePatternResolver(),
					new ModelingSettings("lodestar", List.of("file:" + file), true));
			assertThat(files.read()).as(escalation.way()).containsOnlyKeys(escalation.resourceName(key));
			assertThatThrownBy(() -> new ProcessModelDeployer(modelService, files, events).deploy())
				.as(escalation.way())
				.hasMessageContaining(escalation.elementId())
				.hasMessageContaining(escalation.resourceName(key));
			assertThat(versionsOf(escalation.resourceName(key))).as(escalation.way() + ": nothing deployed").isZero();
		}
	}

	@Test
	void theModelsOfTheRepositoryPassTheCheckThatEveryDeploymentPasses() throws Exception {
		// they were deployed at start-up through the same check; the Check button agrees with it
		for (String key : List.of("lead-to-sale", "complaint-to-resolution", "crm-rollout", "kpi-review",
				"stakeholder-assessment", "training-wave", "lead-routing", "go-live-gate")) {
			var check = post("/api/models/" + key + "/check", "frank",
					Map.of("content", modelService.content(key, null)));
			assertThat(elementsOfErrors(check.json().path("findings"))).as(key + ": " + check.body).isEmpty();
		}
	}

	@Test
	void theModelsPageListsWhatAModelMayCallInBothLanguages() throws Exception {
		var english = getPage("/models?lang=en", "frank");
		assertThat(english.status).isEqualTo(200);
		assertThat(english.body).contains("What a model may call")
			.contains("${trainingService.invite(waveId)}")
			.contains("${phaseTracker.started(execution, code)}")
			.contains("${leadTasks.matchCustomer(execution)}")
			.doesNotContain("${identityService");
		var chinese = getPage("/models?lang=zh-CN", "frank");
		assertThat(chinese.body).contains("模型可调用的内容").contains("${trainingService.invite(waveId)}");
	}

	// ---- models ----------------------------------------------------------------------------

	/** A harmless model deployed first, so that the workspace knows the key frank then edits. */
	private String existingModel(Escalation escalation) {
		String key = "workspace-escalation-" + SEQUENCE.incrementAndGet();
		String harmless = escalation.dmn() ? decision(key,
				"<inputExpression id=\"InputExpression_Escalate\" typeRef=\"string\"><text>amount</text></inputExpression>")
				: process(key, "<bpmn:userTask id=\"Task_Harmless\" camunda:candidateGroups=\"sales-rep\"/>");
		repositoryService.createDeployment().name("lodestar").addString(escalation.resourceName(key), harmless).deploy();
		return key;
	}

	static String process(String key, String task) {
		String taskId = task.replaceFirst("(?s)^<bpmn:\\w+ id=\"([^\"]+)\".*$", "$1");
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="Start"/>
				    <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="%s"/>
				    %s
				    <bpmn:sequenceFlow id="Flow_Out" sourceRef="%s" targetRef="End"/>
				    <bpmn:endEvent id="End"/>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, taskId, task, taskId);
	}

	static String decision(String key, String inputExpression) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%s" name="%s"
				    namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%s" name="%s">
				    <decisionTable id="Table_Escalate">
				      <input id="Input_Escalate" label="Amount">%s</input>
				      <output id="Output_Result" name="result" typeRef="string"/>
				      <rule id="Rule_Any">
				        <inputEntry id="Entry_Any"><text>-</text></inputEntry>
				        <outputEntry id="Out_Any"><text>"ok"</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(key, key, key, key, inputExpression);
	}

	static String xmlAttribute(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
	}

	// ---- helpers ---------------------------------------------------------------------------

	private List<String> groupsOf(String user) {
		return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).sorted().toList();
	}

	private long versionsOf(String resourceName) {
		return repositoryService.createDeploymentQuery()
			.list()
			.stream()
			.filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains(resourceName))
			.count();
	}

	private static List<String> elementsOfErrors(JsonNode findings) {
		var elements = new ArrayList<String>();
		findings.forEach(f -> {
			if ("ERROR".equals(f.path("severity").asText())) {
				elements.add(f.path("elementId").asText());
			}
		});
		return elements;
	}

	record Response(int status, String body, ObjectMapper mapper) {

		JsonNode json() throws IOException {
			return mapper.readTree(body);
		}

	}

	private Response post(String path, String user, Object body) throws Exception {
		var response = CLIENT.send(request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	/** A page as the user's browser gets it: logged in through the login form (pages take no HTTP Basic). */
	private Response getPage(String path, String user) throws Exception {
		var cookies = new java.net.CookieManager();
		var browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		String base = "http://localhost:" + port;
		browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
		String csrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf="
					+ java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		var response = browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

}
