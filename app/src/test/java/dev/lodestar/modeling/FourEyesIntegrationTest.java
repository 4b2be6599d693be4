package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.access.Roles;
import dev.lodestar.worklist.Caller;

/**
 * Four eyes on model changes, end to end on the real engine (issue 22): with the company setting
 * on, frank, a process owner, cannot deploy his own change — not through the workspace, not
 * through {@code /engine-rest} as Camunda Modeler does, not by approving his own change request;
 * henry, the second process owner, approves it and then it is deployed. A draft changed after
 * the approval voids it; of two approvals or two deployments at once exactly one wins; with
 * four eyes off frank deploys alone. The setting is switched through the stored company setting
 * (as an administrator does), so this class shares the integration tests' Spring context.
 */
@LodestarIntegrationTest
class FourEyesIntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final Caller ADMIN = new Caller("admin", List.of(Roles.CAMUNDA_ADMIN));

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	FourEyes fourEyes;

	@Autowired
	ModelService models;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ProcessEngine engine;

	@BeforeEach
	void fourEyesOn() {
		fourEyes.set(ADMIN, true);
	}

	@AfterEach
	void fourEyesBackToTheTestDefault() {
		fourEyes.set(ADMIN, false);
	}

	@Test
	void frankCannotDeployHisOwnChangeHenryApprovesAndThenItIsDeployed() throws Exception {
		String key = deployedModel();
		String draft = changedDraft(key, "Check the figures");

		// the plain deploy of his draft, and every other door, are closed to frank
		var plain = post("/api/models/" + key + "/deployments", "frank", Map.of("content", draft));
		assertThat(plain.status).as(plain.body).isEqualTo(403);
		assertThat(plain.json().path("reason").asText()).isEqualTo("fourEyes");
		assertThat(plain.json().path("detail").asText()).contains("change request");
		var modeler = engineRestDeploy("frank", key, draft);
		assertThat(modeler.statusCode()).as(modeler.body()).isEqualTo(403);
		assertThat(modeler.body()).contains("Four eyes");
		assertThat(engineRestDeploy("admin", key, draft).statusCode()).as("administrators are no exception").isEqualTo(403);
		assertThat(post("/api/models/" + key + "/file-deployments", "frank", Map.of()).status).isIn(403, 404);
		assertThat(models.latestVersion(key)).as("nothing deployed").isEqualTo(1);
		// nor can he roll the model back by deleting its deployment or its definition
		var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
			.latestVersion().singleResult();
		String rest = "/engine-rest/engine/" + engine.getName();
		var deletion = engineRestDelete("frank", rest + "/deployment/" + definition.getDeploymentId() + "?cascade=true");
		assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(403);
		assertThat(deletion.body()).contains("Four eyes");
		assertThat(engineRestDelete("frank", rest + "/process-definition/key/" + key + "?cascade=true").statusCode())
			.isEqualTo(403);
		assertThat(engineRestDelete("admin", rest + "/process-definition/" + definition.getId()).statusCode())
			.as("administrators are no exception").isEqualTo(403);
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
			.as("nothing deleted").isEqualTo(1);

		// frank opens a change request: it carries the diff with its impact and the check, by element names
		var opened = post("/api/models/change-requests", "frank", Map.of("key", key, "comment", "clearer step"));
		assertThat(opened.status).as(opened.body).isEqualTo(201);
		long id = opened.json().path("id").asLong();
		assertThat(opened.json().path("status").asText()).isEqualTo("OPEN");
		assertThat(opened.json().path("baseVersion").asInt()).isEqualTo(1);
		var detail = get("/api/models/change-requests/" + id, "henry").json();
		assertThat(detail.path("diff").path("changes").findValuesAsText("elementId")).contains("Task_DoTheWork");
		assertThat(detail.path("diff").path("impact").path("roles").toString()).contains("process-owner");
		assertThat(detail.path("deployable").asBoolean()).isTrue();
		assertThat(detail.path("elementNames").path("Task_DoTheWork").asText()).isEqualTo("Check the figures");
		assertThat(detail.path("request").path("actions").path("approve").asBoolean()).isTrue();
		assertThat(get("/api/models/change-requests/" + id, "frank").json().path("request").path("actions")
			.path("approve").asBoolean()).as("the author").isFalse();
		assertThat(get("/api/models/change-requests/" + id + "/content", "henry").body).contains("Check the figures");
		var second = post("/api/models/change-requests", "frank", Map.of("key", key));
		assertThat(second.status).as("a second request while one is open").isEqualTo(409);
		assertThat(second.json().path("changeRequest").asLong()).as("names the open one").isEqualTo(id);

		// frank can neither approve nor deploy his own change
		var selfApproval = post("/api/models/change-requests/" + id + "/approval", "frank", Map.of());
		assertThat(selfApproval.status).isEqualTo(403);
		assertThat(selfApproval.json().path("detail").asText()).contains("frank").contains("cannot approve");
		assertThat(post("/api/models/change-requests/" + id + "/deployment", "frank", Map.of()).status).isEqualTo(409);
		assertThat(post("/api/models/change-requests/" + id + "/approval", "erin", Map.of()).status)
			.as("executives read, they do not approve").isEqualTo(403);

		// comments on elements, by name
		var comment = post("/api/models/change-requests/" + id + "/comments", "henry",
				Map.of("elementId", "Task_DoTheWork", "text", "Good: say which figures?"));
		assertThat(comment.status).as(comment.body).isEqualTo(201);
		assertThat(comment.json().path("elementName").asText()).isEqualTo("Check the figures");
		assertThat(post("/api/models/change-requests/" + id + "/comments", "henry",
				Map.of("elementId", "Task_Nowhere", "text", "x")).status).isEqualTo(400);
		assertThat(get("/api/models/change-requests/" + id, "frank").json().path("comments").findValuesAsText("author"))
			.containsExactly("henry");

		// henry approves; then the change is deployed, as the new version
		var approval = post("/api/models/change-requests/" + id + "/approval", "henry", Map.of());
		assertThat(approval.status).as(approval.body).isEqualTo(200);
		assertThat(approval.json().path("status").asText()).isEqualTo("APPROVED");
		assertThat(approval.json().path("approvedBy").asText()).isEqualTo("henry");
		assertThat(post("/api/models/change-requests/" + id + "/approval", "henry", Map.of()).status)
			.as("approved already").isEqualTo(409);
		var deployment = post("/api/models/change-requests/" + id + "/deployment", "frank", Map.of());
		assertThat(deployment.status).as(deployment.body).isEqualTo(201);
		assertThat(deployment.json().path("version").asInt()).isEqualTo(2);
		assertThat(models.latestVersion(key)).isEqualTo(2);
		assertThat(models.content(key, null)).contains("Check the figures");
		var version = models.model(key).versions().get(0);
		assertThat(version.deployedBy()).isEqualTo("frank");
		assertThat(version.comment()).contains("approved by henry");
		assertThat(get("/api/models/change-requests/" + id, "henry").json().path("request").path("status").asText())
			.isEqualTo("DEPLOYED");
		assertThat(post("/api/models/change-requests/" + id + "/deployment", "henry", Map.of()).status)
			.as("deployed already").isEqualTo(409);
	}

	@Test
	void aDraftChangedAfterTheApprovalVoidsItUntilTheRequestIsReviewedAgain() throws Exception {
		String key = deployedModel();
		changedDraft(key, "First wording");
		long id = post("/api/models/change-requests", "frank", Map.of("key", key)).json().path("id").asLong();
		assertThat(post("/api/models/change-requests/" + id + "/approval", "henry", Map.of()).status).isEqualTo(200);

		changedDraft(key, "Second wording, never reviewed");
		var request = get("/api/models/change-requests/" + id, "henry").json().path("request");
		assertThat(request.path("approvalVoid").asBoolean()).isTrue();
		assertThat(request.path("actions").path("deploy").asBoolean()).isFalse();
		var refused = post("/api/models/change-requests/" + id + "/deployment", "henry", Map.of());
		assertThat(refused.status).isEqualTo(409);
		assertThat(refused.json().path("reason").asText()).isEqualTo("draftChanged");
		assertThat(refused.json().path("detail").asText()).contains("approval is void");
		assertThat(models.latestVersion(key)).isEqualTo(1);

		// the author moves the request to the new draft: reviewed again, then deployed
		assertThat(post("/api/models/change-requests/" + id + "/update", "henry", Map.of()).status)
			.as("only the author").isEqualTo(403);
		var updated = post("/api/models/change-requests/" + id + "/update", "frank", Map.of());
		assertThat(updated.json().path("status").asText()).isEqualTo("OPEN");
		assertThat(updated.json().path("approvedBy").isNull()).isTrue();
		assertThat(post("/api/models/change-requests/" + id + "/approval", "henry", Map.of()).status).isEqualTo(200);
		assertThat(post("/api/models/change-requests/" + id + "/deployment", "henry", Map.of()).status).isEqualTo(201);
		assertThat(models.content(key, null)).contains("Second wording, never reviewed");
	}

	@Test
	void ofTwoApprovalsAndOfTwoDeploymentsAtOnceExactlyOneWins() throws Exception {
		String key = deployedModel();
		changedDraft(key, "At once");
		long id = post("/api/models/change-requests", "frank", Map.of("key", key)).json().path("id").asLong();
		String approval = "/api/models/change-requests/" + id + "/approval";
		assertThat(atOnce(() -> post(approval, "henry", Map.of()), () -> post(approval, "henry", Map.of())))
			.containsExactly(200, 409);
		String deployment = "/api/models/change-requests/" + id + "/deployment";
		assertThat(atOnce(() -> post(deployment, "frank", Map.of()), () -> post(deployment, "henry", Map.of())))
			.containsExactly(201, 409);
		assertThat(models.latestVersion(key)).as("one new version").isEqualTo(2);
	}

	@Test
	void withFourEyesOffFrankDeploysHisChangeAlone() throws Exception {
		fourEyes.set(ADMIN, false);
		String key = deployedModel();
		String draft = changedDraft(key, "Alone");
		assertThat(get("/api/models/change-requests/settings", "frank").json().path("fourEyes").asBoolean()).isFalse();
		var deployed = post("/api/models/" + key + "/deployments", "frank", Map.of("content", draft));
		assertThat(deployed.status).as(deployed.body).isEqualTo(201);
		assertThat(models.latestVersion(key)).isEqualTo(2);
	}

	@Test
	void onlyAnAdministratorSwitchesFourEyes() throws Exception {
		assertThat(put("/api/models/change-requests/settings", "frank", Map.of("fourEyes", false)).status).isEqualTo(403);
		assertThat(fourEyes.on()).isTrue();
		var switched = put("/api/models/change-requests/settings", "admin", Map.of("fourEyes", false));
		assertThat(switched.status).as(switched.body).isEqualTo(200);
		assertThat(fourEyes.on()).isFalse();
	}

	// ---- helpers ------------------------------------------------------------------------------

	/** A new process from the template, deployed as version 1 while four eyes are briefly off. */
	private String deployedModel() throws Exception {
		String key = "four-eyes-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		assertThat(post("/api/models", "frank", Map.of("kind", "BPMN", "key", key, "start", "TEMPLATE")).status)
			.isEqualTo(201);
		boolean on = fourEyes.on();
		fourEyes.set(ADMIN, false);
		try {
			var first = post("/api/models/" + key + "/deployments", "frank",
					Map.of("content", get("/api/models/" + key + "/editable", "frank").body));
			assertThat(first.status).as(first.body).isEqualTo(201);
		}
		finally {
			fourEyes.set(ADMIN, on);
		}
		return key;
	}

	/** Saves a draft whose one task has another name; answers its content. */
	private String changedDraft(String key, String taskName) throws Exception {
		String xml = models.content(key, null).replace("name=\"Do the work\"", "name=\"" + taskName + "\"");
		assertThat(xml).contains(taskName);
		var saved = post("/api/models/" + key + "/drafts", "frank", Map.of("content", xml, "comment", taskName));
		assertThat(saved.status).as(saved.body).isEqualTo(201);
		return xml;
	}

	@FunctionalInterface
	interface Call {

		Response send() throws Exception;

	}

	/** Two calls at the same moment; their statuses, sorted. */
	private static List<Integer> atOnce(Call first, Call second) {
		var one = CompletableFuture.supplyAsync(() -> status(first));
		var two = CompletableFuture.supplyAsync(() -> status(second));
		return java.util.stream.Stream.of(one.join(), two.join()).sorted().toList();
	}

	private static int status(Call call) {
		try {
			return call.send().status;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> engineRestDelete(String user, String path) throws Exception {
		return CLIENT.send(request(path, user).DELETE().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> engineRestDeploy(String user, String key, String content) throws Exception {
		String file = key + ".bpmn";
		String boundary = "----foureyes" + key;
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\n"
				+ "Camunda Modeler\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file
				+ "\"; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--"
				+ boundary + "--\r\n";
		return CLIENT.send(request("/engine-rest/engine/" + engine.getName() + "/deployment/create", user)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(multipart))
			.build(), HttpResponse.BodyHandlers.ofString());
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

	private Response post(String path, String user, Object body) throws Exception {
		var response = CLIENT.send(request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	private Response put(String path, String user, Object body) throws Exception {
		var response = CLIENT.send(request(path, user).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), json);
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json, application/xml")
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

}
