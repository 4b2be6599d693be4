package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/**
 * The workspace's API end to end on the real engine: checks that refuse a model, deployments
 * that only process owners can make (the engine says no to everyone else), the diff and its
 * impact, the briefing, suggestions, the start-up deployer that never reverts the browser,
 * the export round trip, and migrating a running case to a new version.
 */
@LodestarIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ModelWorkspaceIntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ModelService modelService;

	@Autowired
	ModelFiles files;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aModelWithAUserTaskWithoutRoleAndAMissingFormIsRefusedWithBothErrorsNamed() throws Exception {
		int before = versions("lead-to-sale");
		String xml = modelService.content("lead-to-sale", null)
			.replace("camunda:candidateGroups=\"service-agent\" camunda:formRef=\"lead-welcome-call\"",
					"camunda:formRef=\"no-such-form\"");
		assertThat(xml).contains("no-such-form");

		var check = post("/api/models/lead-to-sale/check", "frank", Map.of("content", xml));
		assertThat(check.status).isEqualTo(200);
		assertThat(check.json().path("deployable").asBoolean()).isFalse();
		assertThat(codes(check.json().path("findings"))).contains("Task_WelcomeCall:noRole",
				"Task_WelcomeCall:missingForm");

		var deploy = post("/api/models/lead-to-sale/deployments", "frank", Map.of("content", xml, "comment", "broken"));
		assertThat(deploy.status).isEqualTo(409);
		assertThat(deploy.body).contains("Task_WelcomeCall").contains("no-such-form");
		assertThat(codes(deploy.json().path("findings"))).contains("Task_WelcomeCall:noRole",
				"Task_WelcomeCall:missingForm");
		assertThat(versions("lead-to-sale")).as("nothing deployed").isEqualTo(before);
	}

	@Test
	void onlyProcessOwnersDeployTheEngineRefusesEveryoneElse() throws Exception {
		String xml = modelService.content("lead-to-sale", null);
		assertThat(get("/api/models/lead-to-sale", "alice").status).isEqualTo(403);
		assertThat(post("/api/models/lead-to-sale/deployments", "alice", Map.of("content", xml)).status).isEqualTo(403);
		// executives read the workspace, so Spring lets the call through: the engine refuses it
		assertThat(get("/api/models/lead-to-sale", "erin").status).isEqualTo(200);
		int before = versions("lead-to-sale");
		assertThat(post("/api/models/lead-to-sale/deployments", "erin", Map.of("content", xml)).status).isEqualTo(403);
		assertThat(versions("lead-to-sale")).isEqualTo(before);
	}

	@Test
	void someoneWhoWorksInTheProcessLeavesASuggestionTheOwnerSeesAndCloses() throws Exception {
		assertThat(get("/api/models/lead-to-sale/diagram", "alice").status).isEqualTo(200);
		assertThat(get("/api/models/complaint-to-resolution/diagram", "alice").status).isEqualTo(403);
		var made = post("/api/models/lead-to-sale/suggestions", "alice",
				Map.of("elementId", "Task_ReviewDuplicate", "text", "This step is redundant for web leads"));
		assertThat(made.status).isEqualTo(201);
		assertThat(post("/api/models/complaint-to-resolution/suggestions", "alice",
				Map.of("elementId", "Task_X", "text", "x")).status).isEqualTo(403);

		var seen = get("/api/models/lead-to-sale/suggestions", "frank");
		assertThat(seen.body).contains("This step is redundant for web leads").contains("alice");
		long id = made.json().path("id").asLong();
		var closed = post("/api/models/suggestions/" + id + "/close", "frank", Map.of("answer", "Kept: see version 3"));
		assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
		assertThat(post("/api/models/suggestions/" + id + "/close", "frank", Map.of("answer", "again")).status)
			.isEqualTo(409);
	}

	@Test
	void aDeployedRenameShowsAsExactlyThatChangeNamesItsRoleAndBriefsItsMembers() throws Exception {
		int from = versions("lead-to-sale");
		String xml = modelService.content("lead-to-sale", null)
			.replace("name=\"Prepare proposal\"", "name=\"Prepare the proposal\"");
		assertThat(post("/api/models/lead-to-sale/drafts", "frank", Map.of("content", xml, "comment", "draft")).status)
			.isEqualTo(201);
		assertThat(get("/api/models/lead-to-sale/editable", "frank").body).contains("Prepare the proposal");

		var deployed = post("/api/models/lead-to-sale/deployments", "frank",
				Map.of("content", xml, "comment", "Clearer task name"));
		assertThat(deployed.status).isEqualTo(201);
		int to = deployed.json().path("version").asInt();
		assertThat(to).isEqualTo(from + 1);
		var detail = get("/api/models/lead-to-sale", "frank").json();
		assertThat(detail.path("versions").get(0).path("deployedBy").asText()).isEqualTo("frank");
		assertThat(detail.path("versions").get(0).path("comment").asText()).isEqualTo("Clearer task name");
		assertThat(get("/api/models/lead-to-sale/revisions", "frank").body).contains("DRAFT").contains("DEPLOYED");

		var diff = get("/api/models/lead-to-sale/diff?from=" + from + "&to=" + to, "frank").json();
		assertThat(diff.path("changes")).hasSize(1);
		assertThat(diff.path("changes").get(0).path("elementId").asText()).isEqualTo("Task_PrepareProposal");
		assertThat(diff.path("changes").get(0).path("text").asText()).contains("Prepare the proposal");
		assertThat(diff.path("impact").path("roles").toString()).contains("sales-rep");

		var briefing = post("/api/models/lead-to-sale/briefings", "frank", Map.of("from", from, "to", to));
		assertThat(briefing.status).isEqualTo(201);
		var reps = identityService.createUserQuery().memberOfGroup("sales-rep").list();
		assertThat(reps).isNotEmpty();
		String instance = briefing.json().path("processInstanceId").asText();
		for (var rep : reps) {
			assertThat(taskService.createTaskQuery().processInstanceId(instance).taskAssignee(rep.getId()).count())
				.as("briefing task of " + rep.getId()).isEqualTo(1);
		}
		assertThat(runtimeService.getVariable(instance, "changes").toString()).contains("Prepare the proposal")
			.contains("修改");
	}

	@Test
	void aRestartKeepsTheBrowserVersionAndNamesItAndTheExportMakesTheNextStartDeployNothing(CapturedOutput output,
			@TempDir Path folder) throws Exception {
		String xml = modelService.content("lead-to-sale", null)
			.replace("name=\"Welcome call\"", "name=\"Welcome the new customer\"");
		var deployed = post("/api/models/lead-to-sale/deployments", "frank", Map.of("content", xml, "comment", "restart"));
		assertThat(deployed.status).isEqualTo(201);
		int browserVersion = versions("lead-to-sale");

		// the restart: the start-up deployer runs again over the same files and database
		var restart = new ProcessModelDeployer(modelService, files, events).deploy();
		assertThat(restart.deploymentId()).as("nothing deployed").isNull();
		assertThat(versions("lead-to-sale")).isEqualTo(browserVersion);
		assertThat(modelService.content("lead-to-sale", null)).contains("Welcome the new customer");
		assertThat(output.getAll()).contains("Model lead-to-sale differs from its file processes/lead-to-sale.bpmn");
		assertThat(get("/api/models", "frank").json().findValues("key").toString()).contains("lead-to-sale");

		// the export, unpacked over the folders, makes the next start deploy nothing
		var zip = getBytes("/api/models/export", "frank");
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path file = folder.resolve(entry.getName());
				Files.createDirectories(file.getParent());
				Files.write(file, in.readAllBytes());
			}
		}
		assertThat(folder.resolve("processes/lead-to-sale.bpmn")).content().contains("Welcome the new customer");
		assertThat(folder.resolve("forms/lead-qualify.form")).exists();
		var unpacked = new ModelFiles(new PathMatchingResourcePatternResolver(),
				new ModelingSettings("lodestar", List.of("file:" + folder + "/processes/**/*.bpmn",
						"file:" + folder + "/processes/**/*.dmn", "file:" + folder + "/forms/**/*.form")));
		assertThat(new ProcessModelDeployer(modelService, unpacked, events).deploy().deploymentId()).isNull();
		assertThat(new ProcessModelDeployer(modelService, unpacked, events).deploy().deploymentId()).isNull();
		assertThat(versions("lead-to-sale")).isEqualTo(browserVersion);
	}

	@Test
	void aRunningCaseWaitingInAnUnchangedTaskIsMigratedAndEndsOnTheNewVersion() throws Exception {
		var lead = post("/api/leads", "alice", Map.of("company", "Migration Test GmbH", "contactName", "Mia Grant",
				"email", "mia@migration.example", "source", "WEB", "region", "EMEA", "segment", "SMB",
				"estimatedValue", "5000"));
		assertThat(lead.status).isEqualTo(201);
		String leadId = lead.json().path("id").asText();
		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("lead-to-sale")
			.processInstanceBusinessKey(leadId)
			.singleResult();
		int from = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
		assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly("Task_QualifyLead");

		String xml = modelService.content("lead-to-sale", null)
			.replace("name=\"Hand customer over to service\"", "name=\"Hand the customer over to service\"");
		int to = post("/api/models/lead-to-sale/deployments", "frank", Map.of("content", xml, "comment", "migrate"))
			.json()
			.path("version")
			.asInt();

		var plan = get("/api/models/lead-to-sale/migrations/plan?from=" + from + "&to=" + to, "frank").json();
		assertThat(plan.path("failures")).isEmpty();
		assertThat(plan.path("instructions").toString()).contains("Task_QualifyLead");
		assertThat(plan.path("instances").toString()).contains(instance.getId());
		assertThat(get("/api/models/lead-to-sale/migrations/plan?from=" + from + "&to=" + to, "erin").status)
			.isEqualTo(403);

		var result = post("/api/models/lead-to-sale/migrations", "frank",
				Map.of("from", from, "to", to, "processInstanceIds", List.of(instance.getId())));
		assertThat(result.json().path("migrated").asInt()).isEqualTo(1);
		assertThat(result.json().path("failures")).isEmpty();
		String target = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("lead-to-sale")
			.processDefinitionVersion(to)
			.singleResult()
			.getId();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getProcessDefinitionId()).isEqualTo(target);

		var qualified = post("/api/leads/" + leadId + "/qualification", "alice",
				Map.of("qualified", false, "disqualifyReason", "No budget this year"));
		assertThat(qualified.status).isEqualTo(200);
		var finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(finished.getEndTime()).isNotNull();
		assertThat(finished.getProcessDefinitionId()).isEqualTo(target);
		assertThat(finished.getEndActivityId()).isEqualTo("End_LeadDisqualified");
	}

	@Test
	void aChangedLeadRoutingRuleIsDeployedAndADecisionOutputStillReadIsRefused() throws Exception {
		int before = versions("lead-routing");
		String dmn = modelService.content("lead-routing", null);
		String changed = dmn.replace("<text>&gt;= 100000</text>", "<text>&gt;= 80000</text>");
		assertThat(changed).isNotEqualTo(dmn);
		var deployed = post("/api/models/lead-routing/deployments", "frank", Map.of("content", changed, "comment", "lower"));
		assertThat(deployed.status).isEqualTo(201);
		assertThat(versions("lead-routing")).isEqualTo(before + 1);
		assertThat(modelService.content("lead-routing", null)).contains("&gt;= 80000");

		String withoutOutput = changed.replace("name=\"followUpDays\"", "name=\"followUpWithin\"");
		var refused = post("/api/models/lead-routing/deployments", "frank", Map.of("content", withoutOutput));
		assertThat(refused.status).isEqualTo(409);
		assertThat(refused.body).contains("followUpDays");
	}

	@Test
	void aFormFromTheEditorIsDeployedAndANewerSchemaVersionIsRefused() throws Exception {
		String form = modelService.content("lead-welcome-call", null);
		JsonNode schema = json.readTree(form);
		((com.fasterxml.jackson.databind.node.ObjectNode) schema.path("components").get(1)).put("label", "Notes from the welcome call");
		var deployed = post("/api/models/lead-welcome-call/deployments", "frank",
				Map.of("content", json.writeValueAsString(schema), "comment", "label"));
		assertThat(deployed.status).isEqualTo(201);
		((com.fasterxml.jackson.databind.node.ObjectNode) schema).put("schemaVersion", 18);
		var refused = post("/api/models/lead-welcome-call/deployments", "frank",
				Map.of("content", json.writeValueAsString(schema)));
		assertThat(refused.status).isEqualTo(409);
		assertThat(refused.body).contains("formSchemaTooNew");
	}

	@Test
	void timersAndDelegateExpressionsAreChecked() {
		String xml = modelService.content("lead-to-sale", null)
			.replace("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P2D</bpmn:timeDuration>",
					"<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">two days</bpmn:timeDuration>")
			.replace("${followUpReminderDelegate}", "${noSuchDelegate}");
		var report = modelService.check("lead-to-sale", xml, java.util.Locale.ENGLISH);
		assertThat(report.deployable()).isFalse();
		assertThat(report.findings()).extracting(f -> f.elementId() + ":" + f.code())
			.contains("Timer_ProposalReminder:badTimer", "Task_RemindProposalOwner:unknownBean");
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private int versions(String key) {
		return modelService.latestVersion(key);
	}

	private static List<String> codes(JsonNode findings) {
		var codes = new java.util.ArrayList<String>();
		findings.forEach(f -> codes.add(f.path("elementId").asText() + ":" + f.path("code").asText()));
		return codes;
	}

	record Response(int status, String body, ObjectMapper mapper) {

		JsonNode json() throws IOException {
			return mapper.readTree(body);
		}

	}

	private Response get(String path, String user) throws Exception {
		var response = CLIENT.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	private byte[] getBytes(String path, String user) throws Exception {
		var response = CLIENT.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private Response post(String path, String user, Object body) throws Exception {
		var response = CLIENT.send(request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json, application/xml, application/zip")
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

}
