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
import dev.lodestar.worklist.Caller;

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
	org.camunda.bpm.engine.ManagementService managementService;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Autowired
	ModelFiles files;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aModelWithAUserTaskWithoutRoleAndAMissingFormIsRefusedWithBothErrorsNamed() throws Exception {
		int before = versions("lead-to-sale");
		Map<String, String> edit = new java.util.HashMap<>();
		edit.put("camunda:candidateGroups", null);
		edit.put("camunda:formRef", "no-such-form");
		String xml = ModelEdits.attributes(file("processes/lead-to-sale.bpmn"), "Task_WelcomeCall", edit);

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

		// alice reads the answer on the diagram's page, among her own suggestions only
		post("/api/models/lead-to-sale/suggestions", "bob", Map.of("elementId", "Task_QualifyLead", "text", "Bob's idea"));
		var page = getPage("/models/lead-to-sale", "alice");
		assertThat(page.status).isEqualTo(200);
		assertThat(page.body).contains("id=\"my-suggestions\"").contains("This step is redundant for web leads")
			.contains("Kept: see version 3")
			.doesNotContain("Bob&#39;s idea")
			.doesNotContain("Bob's idea");
	}

	@Test
	void whoeverHasATaskInAProcessOpensItsDiagramFromTheTaskAndSuggests() throws Exception {
		// alice has no grant on the briefing process: her briefing task is what makes her work in it
		var briefing = runtimeService.startProcessInstanceByKey(ModelChanges.BRIEFING_PROCESS, "lead-to-sale:v99",
				Map.of("members", List.of("alice"), "changes", "Changed user task X", "diagramLink",
						"/models/lead-to-sale?version=99", "modelKey", "lead-to-sale"));
		var task = taskService.createTaskQuery().processInstanceId(briefing.getId()).singleResult();
		assertThat(get("/api/models/" + ModelChanges.BRIEFING_PROCESS + "/diagram", "alice").status).isEqualTo(200);
		assertThat(getPage("/models/" + ModelChanges.BRIEFING_PROCESS, "alice").status).isEqualTo(200);
		assertThat(post("/api/models/" + ModelChanges.BRIEFING_PROCESS + "/suggestions", "alice",
				Map.of("elementId", "Task_ReadWhatChanged", "text", "Let me ask questions before I confirm")).status)
			.isEqualTo(201);
		// grace has no task there, nor a grant
		assertThat(get("/api/models/" + ModelChanges.BRIEFING_PROCESS + "/diagram", "grace").status).isEqualTo(403);
		assertThat(get("/api/models/complaint-to-resolution/diagram", "grace").status).isEqualTo(403);

		var taskPage = getPage("/tasks/" + task.getId(), "alice");
		assertThat(taskPage.status).isEqualTo(200);
		assertThat(taskPage.body).contains("id=\"suggest-change\"")
			.contains("href=\"/models/" + ModelChanges.BRIEFING_PROCESS + "#Task_ReadWhatChanged\"");
		runtimeService.deleteProcessInstance(briefing.getId(), "test over");
	}

	@Test
	void aDeployedRenameShowsAsExactlyThatChangeNamesItsRoleAndBriefsItsMembers() throws Exception {
		int from = versions("lead-to-sale");
		String xml = ModelEdits.attribute(modelService.content("lead-to-sale", null), "Task_PrepareProposal", "name",
				"Prepare the proposal");
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
		String xml = ModelEdits.attribute(modelService.content("lead-to-sale", null), "Task_WelcomeCall", "name",
				"Welcome the new customer");
		var deployed = post("/api/models/lead-to-sale/deployments", "frank", Map.of("content", xml, "comment", "restart"));
		assertThat(deployed.status).isEqualTo(201);
		int browserVersion = versions("lead-to-sale");

		// the restart: the start-up deployer runs again over the same files and database
		var restart = new ProcessModelDeployer(modelService, files, events).deploy();
		assertThat(restart.deploymentId()).as("nothing deployed").isNull();
		assertThat(versions("lead-to-sale")).isEqualTo(browserVersion);
		assertThat(modelService.content("lead-to-sale", null)).contains("Welcome the new customer");
		assertThat(output.getAll()).contains("Model lead-to-sale differs from its file processes/lead-to-sale.bpmn")
			.contains("Export button on /models");
		assertThat(get("/api/models", "frank").json().findValues("key").toString()).contains("lead-to-sale");
		var before = get("/api/models/lead-to-sale", "frank").json();
		assertThat(before.path("differsFromFile").asBoolean()).as("differs before the export").isTrue();
		assertThat(before.path("fileConflict").asBoolean()).as("the file did not change: no conflict").isFalse();

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
						"file:" + folder + "/processes/**/*.dmn", "file:" + folder + "/forms/**/*.form"), true));
		assertThat(new ProcessModelDeployer(modelService, unpacked, events).deploy().deploymentId()).isNull();
		assertThat(new ProcessModelDeployer(modelService, unpacked, events).deploy().deploymentId()).isNull();
		assertThat(versions("lead-to-sale")).isEqualTo(browserVersion);
		assertThat(withFiles(unpacked).model("lead-to-sale").differsFromFile()).as("same as the file after the export")
			.isFalse();
	}

	@Test
	void aFileChangedWhileTheWorkspaceDeployedANewerVersionIsNotDeployedButShownAsAConflict(CapturedOutput output,
			@TempDir Path folder) throws Exception {
		Path processes = Files.createDirectories(folder.resolve("processes"));
		Path file = processes.resolve("conflict-check.bpmn");
		var files = new ModelFiles(new PathMatchingResourcePatternResolver(),
				new ModelingSettings("lodestar", List.of("file:" + processes + "/*.bpmn"), true));
		ModelService workspace = withFiles(files);
		var deployer = new ProcessModelDeployer(workspace, files, events);
		Files.writeString(file, bpmn("conflict-check", "From the file"));
		assertThat(deployer.deploy().deploymentId()).isNotNull();

		var frank = new Caller("frank", List.of("process-owner", "project-team"));
		workspace.deploy(frank, "conflict-check", bpmn("conflict-check", "From the browser"), "newer",
				java.util.Locale.ENGLISH);
		assertThat(workspace.model("conflict-check").fileConflict()).as("only the workspace changed").isFalse();

		// the file changes too (someone edited it in git): the start-up keeps the browser's version
		Files.writeString(file, bpmn("conflict-check", "From the file, edited"));
		assertThat(deployer.deploy().deploymentId()).as("nothing deployed over the newer version").isNull();
		assertThat(workspace.content("conflict-check", null)).contains("From the browser");
		assertThat(output.getAll()).contains("Model conflict-check: both its file processes/conflict-check.bpmn")
			.contains("newer version 2");
		var conflicted = workspace.models().stream().filter(m -> m.key().equals("conflict-check")).findFirst().orElseThrow();
		assertThat(conflicted.fileConflict()).isTrue();
		assertThat(conflicted.source()).isEqualTo(ModelService.Source.WORKSPACE);
		assertThat(workspace.model("conflict-check").versions().get(1).source()).isEqualTo(ModelService.Source.FILES);
		assertThat(workspace.model("conflict-check").versions().get(1).deployedBy()).isNull();
		assertThat(deployer.deploy().deploymentId()).as("still not deployed at the next start").isNull();

		// the process owner resolves it for the file, from the page
		var resolved = workspace.deployFile(frank, "conflict-check", java.util.Locale.ENGLISH);
		assertThat(resolved.version()).isEqualTo(3);
		assertThat(workspace.content("conflict-check", null)).contains("From the file, edited");
		assertThat(workspace.model("conflict-check").fileConflict()).isFalse();
		assertThat(workspace.model("conflict-check").differsFromFile()).isFalse();
		assertThat(deployer.deploy().deploymentId()).as("the file is what runs").isNull();
		assertThat(post("/api/models/lead-to-sale/file-deployments", "erin", Map.of()).status).isEqualTo(403);
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

		String xml = ModelEdits.attribute(modelService.content("lead-to-sale", null), "Task_HandOverCustomer", "name",
				"Hand the customer over to service");
		int to = post("/api/models/lead-to-sale/deployments", "frank", Map.of("content", xml, "comment", "migrate"))
			.json()
			.path("version")
			.asInt();

		var plan = get("/api/models/lead-to-sale/migrations/plan?from=" + from + "&to=" + to, "frank").json();
		assertThat(plan.path("failures")).isEmpty();
		assertThat(plan.path("instructions").toString()).contains("Task_QualifyLead");
		assertThat(plan.path("instances").toString()).contains(instance.getId());
		// steps by their names; an unchanged service task needs no mapping, so it is not listed as unmapped
		assertThat(plan.findValues("sourceName").toString()).contains("Qualify lead (BANT)");
		assertThat(plan.path("unmapped").findValuesAsText("id")).doesNotContain("Task_RouteLead", "Task_MatchCustomer");
		assertThat(plan.path("instances").get(0).path("activityNames").toString()).contains("Qualify lead (BANT)");
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
	void migratingAllRunsAsABatchWhoseFailuresAreReported() throws Exception {
		String twoSteps = flow("batch-check", "t1", "t2");
		repositoryService.createDeployment().addString("processes/batch-check.bpmn", twoSteps).deploy();
		var waitingFirst = runtimeService.startProcessInstanceByKey("batch-check");
		var waitingSecond = runtimeService.startProcessInstanceByKey("batch-check");
		taskService.complete(taskService.createTaskQuery().processInstanceId(waitingSecond.getId()).singleResult().getId());
		// version 2 drops the second step: the instance waiting in it cannot be migrated
		repositoryService.createDeployment().addString("processes/batch-check.bpmn", flow("batch-check", "t1")).deploy();

		var started = post("/api/models/batch-check/migrations", "frank", Map.of("from", 1, "to", 2)).json();
		String batchId = started.path("batchId").asText();
		assertThat(batchId).isNotBlank();
		assertThat(started.path("migrated").asInt()).as("jobs of the batch").isPositive();
		var running = get("/api/models/batch-check/migrations/batches/" + batchId, "frank").json();
		assertThat(running.path("finished").asBoolean()).isFalse();
		assertThat(running.path("failures")).isEmpty();

		var batch = managementService.createBatchQuery().batchId(batchId).singleResult();
		runJobs(batch.getSeedJobDefinitionId());
		runJobs(batch.getBatchJobDefinitionId());

		var status = get("/api/models/batch-check/migrations/batches/" + batchId, "frank").json();
		assertThat(status.path("finished").asBoolean()).as("a failed job keeps the batch open").isFalse();
		assertThat(status.path("failures")).hasSize(1);
		assertThat(status.path("failures").get(0).asText()).contains(waitingSecond.getId());
		String target = repositoryService.createProcessDefinitionQuery().processDefinitionKey("batch-check")
			.processDefinitionVersion(2).singleResult().getId();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waitingFirst.getId()).singleResult()
			.getProcessDefinitionId()).isEqualTo(target);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waitingSecond.getId()).singleResult()
			.getProcessDefinitionId()).isNotEqualTo(target);
		assertThat(get("/api/models/batch-check/migrations/batches/" + batchId, "erin").status).isEqualTo(403);
		assertThat(get("/api/models/batch-check/migrations/batches/no-such-batch", "frank").status).isEqualTo(404);
		managementService.deleteBatch(batchId, true);
		runtimeService.deleteProcessInstance(waitingFirst.getId(), "test over");
		runtimeService.deleteProcessInstance(waitingSecond.getId(), "test over");
	}

	@Test
	void aCamundaModelerDeploymentIsTheModelsNextVersionAndNamesWhoDeployedIt() throws Exception {
		repositoryService.createDeployment()
			.name("lodestar")
			.source("lodestar")
			.addString("processes/modeler-check.bpmn", flow("modeler-check", "t1"))
			.deploy();
		// Camunda Modeler deploys over the REST API under the bare file name
		String boundary = "lodestar-" + System.nanoTime();
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler-check\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"modeler-check.bpmn\"; filename=\"modeler-check.bpmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + flow("modeler-check", "t1", "t2") + "\r\n--" + boundary + "--\r\n";
		// the test engines have unique names: the REST API names its engine
		var deployed = CLIENT.send(request("/engine-rest/engine/" + engine.getName() + "/deployment/create", "frank")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(multipart))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

		var detail = get("/api/models/modeler-check", "frank").json();
		assertThat(detail.path("resourceName").asText()).isEqualTo("processes/modeler-check.bpmn");
		assertThat(detail.path("versions")).hasSize(2);
		assertThat(detail.path("versions").get(0).path("source").asText()).isEqualTo("MODELER");
		assertThat(detail.path("versions").get(0).path("deployedBy").asText()).isEqualTo("frank");
		assertThat(detail.path("versions").get(1).path("source").asText()).isEqualTo("FILES");
		assertThat(detail.path("versions").get(1).path("deployedBy").isNull()).isTrue();
		assertThat(modelService.content("modeler-check", null)).contains("t2");
		var row = get("/api/models", "frank").json().findParents("key").stream()
			.filter(m -> m.path("key").asText().equals("modeler-check")).toList();
		assertThat(row).hasSize(1);
		assertThat(row.get(0).path("latestVersion").asInt()).isEqualTo(2);
	}

	/**
	 * The list keeps what only a deployment changes and counts what runs on every read (issue 24):
	 * instances and incidents per version come from one grouped query and follow the cases at
	 * once; a deployment from anywhere (here straight to the engine) is the next version at once.
	 */
	@Test
	void runningInstancesAndIncidentsPerVersionAreLiveAndADeploymentShowsAtOnce() {
		String key = "load-check-" + System.nanoTime();
		repositoryService.createDeployment().source("lodestar").addString("processes/" + key + ".bpmn", flow(key, "t1")).deploy();
		assertThat(summary(key).runningInstances()).isZero();
		var first = runtimeService.startProcessInstanceByKey(key);
		var second = runtimeService.startProcessInstanceByKey(key);
		runtimeService.createIncident("lodestar-test", second.getId(), "a test's incident");
		assertThat(summary(key).runningInstances()).isEqualTo(2);
		assertThat(summary(key).openIncidents()).isEqualTo(1);

		repositoryService.createDeployment().source("lodestar").addString("processes/" + key + ".bpmn", flow(key, "t1", "t2")).deploy();
		var third = runtimeService.startProcessInstanceByKey(key);
		assertThat(summary(key).latestVersion()).isEqualTo(2);
		assertThat(summary(key).runningInstances()).isEqualTo(3);
		var versions = modelService.model(key).versions();
		assertThat(versions).extracting(ModelService.VersionView::version).containsExactly(2, 1);
		assertThat(versions).extracting(ModelService.VersionView::runningInstances).containsExactly(1L, 2L);
		assertThat(versions).extracting(ModelService.VersionView::openIncidents).containsExactly(0L, 1L);

		runtimeService.deleteProcessInstance(first.getId(), "test over");
		runtimeService.deleteProcessInstance(second.getId(), "test over");
		runtimeService.deleteProcessInstance(third.getId(), "test over");
		assertThat(summary(key).runningInstances()).isZero();
		assertThat(summary(key).openIncidents()).isZero();
	}

	private ModelService.ModelSummary summary(String key) {
		return modelService.models().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
	}

	@Test
	void theModelsPageSaysWhatEachModelIsAndWhereItCameFromInBothLanguages() throws Exception {
		var english = getPage("/models?lang=en", "frank");
		assertThat(english.status).isEqualTo(200);
		assertThat(english.body).contains("process (BPMN)").contains("decision table (DMN)").contains(">form<")
			.contains("by the files (processes/, forms/)");
		var chinese = getPage("/models?lang=zh-CN", "frank");
		assertThat(chinese.body).contains("流程（BPMN）").contains("决策表（DMN）").contains("文件（processes/、forms/）")
			.contains(">从线索到销售</a>"); // a process's name in the reader's language
		assertThat(getPage("/models/lead-to-sale?lang=zh-CN", "frank").body).contains(">从线索到销售</h1>");
		var routing = getPage("/models/lead-routing?lang=en", "erin");
		assertThat(routing.body).contains("decision table (DMN)").doesNotContain("<td class=\"deployed-by\">files</td>");
	}

	/** Runs the jobs of one job definition as the job executor would, each failure counted down to no retries. */
	private void runJobs(String jobDefinitionId) {
		for (int round = 0; round < 5; round++) {
			var jobs = managementService.createJobQuery().jobDefinitionId(jobDefinitionId).executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			for (var job : jobs) {
				try {
					managementService.executeJob(job.getId());
				}
				catch (RuntimeException expected) {
					// a failing migration job: the engine records its exception on the job
				}
			}
		}
	}

	private static String flow(String key, String... tasks) {
		var body = new StringBuilder("<bpmn:startEvent id=\"s\"/>");
		String previous = "s";
		for (String task : tasks) {
			body.append("<bpmn:sequenceFlow id=\"to_").append(task).append("\" sourceRef=\"").append(previous)
				.append("\" targetRef=\"").append(task).append("\"/>");
			body.append("<bpmn:userTask id=\"").append(task).append("\" camunda:candidateGroups=\"sales-rep\"/>");
			previous = task;
		}
		body.append("<bpmn:sequenceFlow id=\"to_e\" sourceRef=\"").append(previous).append("\" targetRef=\"e\"/>");
		body.append("<bpmn:endEvent id=\"e\"/>");
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">%s</bpmn:process>
				</bpmn:definitions>
				""".formatted(key, body);
	}

	@Test
	void aChangedLeadRoutingRuleIsDeployedAndADecisionOutputStillReadIsRefused() throws Exception {
		int before = versions("lead-routing");
		String dmn = modelService.content("lead-routing", null);
		String changed = ModelEdits.text(dmn, "Rule_KeyAccount_In3", "&gt;= 80000");
		assertThat(changed).isNotEqualTo(dmn);
		var deployed = post("/api/models/lead-routing/deployments", "frank", Map.of("content", changed, "comment", "lower"));
		assertThat(deployed.status).isEqualTo(201);
		assertThat(versions("lead-routing")).isEqualTo(before + 1);
		assertThat(modelService.content("lead-routing", null)).contains("&gt;= 80000");

		String withoutOutput = ModelEdits.attribute(changed, "Output_FollowUpDays", "name", "followUpWithin");
		var refused = post("/api/models/lead-routing/deployments", "frank", Map.of("content", withoutOutput));
		assertThat(refused.status).isEqualTo(409);
		assertThat(refused.body).contains("followUpDays");
		assertThat(codes(refused.json().path("findings"))).contains("lead-routing:outputStillUsed");
		assertThat(versions("lead-routing")).isEqualTo(before + 1);
	}

	@Test
	void aFormFromTheEditorIsDeployedAndANewerSchemaVersionIsRefused() throws Exception {
		String form = modelService.content("lead-welcome-call", null);
		JsonNode schema = json.readTree(form);
		JsonNode notes = null;
		for (JsonNode component : schema.path("components")) {
			if ("welcomeNotes".equals(component.path("key").asText())) {
				notes = component;
			}
		}
		assertThat(notes).as("the welcomeNotes field").isNotNull();
		((com.fasterxml.jackson.databind.node.ObjectNode) notes).put("label", "Notes from the welcome call");
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
	void unknownRolesAMissingHistoryTimeToLiveAndAnUnknownDecisionOutputAreErrors() {
		String xml = ModelEdits.attribute(file("processes/lead-to-sale.bpmn"), "Task_PrepareProposal",
				"camunda:candidateGroups", "sales-wizard");
		xml = ModelEdits.attribute(xml, "lead-to-sale", "camunda:historyTimeToLive", null);
		xml = xml.replace("decisionResult.getSingleResult().followUpDays", "decisionResult.getSingleResult().followUpWithin");
		var report = modelService.check("lead-to-sale", xml, java.util.Locale.ENGLISH);
		assertThat(report.deployable()).isFalse();
		assertThat(report.findings()).extracting(f -> f.elementId() + ":" + f.code())
			.contains("Task_PrepareProposal:unknownRole", "lead-to-sale:noHistoryTimeToLive",
					"Task_RouteLead:unknownOutput");
		assertThat(report.findings()).filteredOn(f -> f.code().equals("unknownRole"))
			.allSatisfy(f -> assertThat(f.message()).contains("sales-wizard"));
		assertThat(report.findings()).filteredOn(f -> f.code().equals("unknownOutput"))
			.allSatisfy(f -> assertThat(f.message()).contains("followUpWithin"));
		// the file itself passes, so each error above comes from its edit
		assertThat(modelService.check("lead-to-sale", file("processes/lead-to-sale.bpmn"), java.util.Locale.ENGLISH)
			.deployable()).isTrue();
	}

	@Test
	void findingsNameTheirElementsInTheReadersLanguageBesideTheId() {
		String xml = ModelEdits.attribute(file("processes/lead-to-sale.bpmn"), "Task_PrepareProposal",
				"camunda:candidateGroups", "sales-wizard");
		var chinese = modelService.check("lead-to-sale", xml, java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese.findings()).filteredOn(f -> f.code().equals("unknownRole")).singleElement()
			.satisfies(f -> {
				assertThat(f.elementId()).isEqualTo("Task_PrepareProposal");
				assertThat(f.elementName()).isEqualTo("准备报价");
			});
		var english = modelService.check("lead-to-sale", xml, java.util.Locale.ENGLISH);
		assertThat(english.findings()).filteredOn(f -> f.code().equals("unknownRole")).singleElement()
			.extracting(Finding::elementName).isEqualTo("Prepare proposal");
		// a step renamed in the draft is named as the draft says, not by its old translation
		var renamed = modelService.check("lead-to-sale",
				ModelEdits.attribute(xml, "Task_PrepareProposal", "name", "Draft the offer"),
				java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(renamed.findings()).filteredOn(f -> f.code().equals("unknownRole")).singleElement()
			.extracting(Finding::elementName).isEqualTo("Draft the offer");
	}

	@Test
	void timersAndServiceTaskExpressionsAreChecked() {
		String xml = file("processes/lead-to-sale.bpmn")
			.replace("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P2D</bpmn:timeDuration>",
					"<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">two days</bpmn:timeDuration>")
			.replace("${leadTasks.remind(execution)}", "${noSuchBean.remind(execution)}");
		var report = modelService.check("lead-to-sale", xml, java.util.Locale.ENGLISH);
		assertThat(report.deployable()).isFalse();
		assertThat(report.findings()).extracting(f -> f.elementId() + ":" + f.code())
			.contains("Timer_ProposalReminder:badTimer", "Task_RemindProposalOwner:notCallable");
	}

	// ---- helpers ---------------------------------------------------------------------------------

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

	/** The workspace over other model files (an unpacked export, a test's own files), on the same engine. */
	private ModelService withFiles(ModelFiles other) {
		return new ModelService(repositoryService, runtimeService, historyService, taskService, identityService,
				authorizationService, deployedModels, checker, revisions, fileStates, other, fourEyes);
	}

	private static String bpmn(String key, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
				  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/><bpmn:endEvent id="e"/>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, name);
	}

	/** The content of a file in {@code processes/} or {@code forms/}: the source of truth, whatever others deployed. */
	private String file(String resourceName) {
		String content = files.read().get(resourceName);
		assertThat(content).as(resourceName).isNotNull();
		return content;
	}

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
		var login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf="
					+ java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(login.headers().firstValue("Location").orElse("error")).as("login of " + user).doesNotContain("error");
		var response = browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
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
