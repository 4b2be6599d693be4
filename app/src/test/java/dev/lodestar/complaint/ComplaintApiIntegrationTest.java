package dev.lodestar.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.calendar.BusinessCalendar;
import dev.lodestar.worklist.CaseContextProvider;

/** The complaint API as agents, managers and outsiders use it, on the whole application. */
@LodestarIntegrationTest
class ComplaintApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Complaints complaints;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	List<CaseContextProvider> caseContexts;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void anAgentRecordsAComplaintAndItsProcessStartsWithBusinessHourSlaTimers() throws Exception {
		String email = unique() + "@example.com";
		HttpResponse<String> created = send("POST", "/api/complaints", "carol", """
				{"customerName": "Mei Chen", "customerEmail": "%s", "customerPhone": "+86 21 5555 %s",
				 "channel": "PHONE", "category": "DELIVERY", "description": "The wardrobe was delivered without doors."}
				""".formatted(email, digits()));

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		long id = body.get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/complaints/" + id);
		assertThat(body.get("status").asText()).isEqualTo("OPEN");
		assertThat(body.get("severity").asText()).isEqualTo("MEDIUM");
		assertThat(body.get("customerId").isNumber()).isTrue();

		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(Long.toString(id))
			.singleResult();
		assertThat(instance).isNotNull();
		Task first = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(first.getTaskDefinitionKey()).isEqualTo(ComplaintToResolution.TASK_RESPOND);
		assertThat(taskService.getIdentityLinksForTask(first.getId())).anyMatch(l -> "service-agent".equals(l.getGroupId()));

		// DELIVERY by PHONE: 4 business hours to respond; warning at 75%
		Date received = Date.from(Instant.parse(body.get("receivedAt").asText()));
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId())
			.activityId(ComplaintToResolution.TIMER_RESPONSE_BREACHED).singleResult().getDuedate())
			.isCloseTo(calendar.deadline(received, 4), 1000);
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId())
			.activityId(ComplaintToResolution.TIMER_RESPONSE_WARNING).singleResult().getDuedate())
			.isCloseTo(calendar.warning(received, 4), 1000);
		assertThat(first.getDueDate()).isCloseTo(calendar.deadline(received, 4), 1000);

		// the same caller again: the same customer, not a second one
		HttpResponse<String> again = send("POST", "/api/complaints", "carol", """
				{"customerName": "Mei Chen", "customerEmail": "%s", "channel": "EMAIL", "category": "BILLING",
				 "description": "And I was charged twice."}
				""".formatted(email.toUpperCase()));
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(json.readTree(again.body()).get("customerId").asLong()).isEqualTo(body.get("customerId").asLong());

		HttpResponse<String> read = send("GET", "/api/complaints/" + id, "dave", null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json.readTree(read.body()).get("description").asText()).contains("without doors");
	}

	@Test
	void aFourThousandCharacterComplaintAndFirstResponseNoteAreStoredWhole() throws Exception {
		// what the form lets carol type, in several lines and two scripts: kept to the last character
		String description = longText("The cushion tore on the second day.\n沙发垫第二天就破了。", 4000);
		String note = longText("Called back, she wants a new cushion.\n已回电，客户希望更换。", 4000);
		HttpResponse<String> created = send("POST", "/api/complaints", "carol", json.writeValueAsString(java.util.Map.of(
				"customerName", "Mei Chen", "customerPhone", "+86 21 5555 " + digits(), "channel", "PHONE",
				"category", "PRODUCT_DEFECT", "description", description)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();
		long customerId = json.readTree(created.body()).get("customerId").asLong();
		String instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(Long.toString(id))
			.singleResult()
			.getId();
		Task respond = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(send("POST", "/api/tasks/" + respond.getId() + "/claim", "carol", null).statusCode()).isLessThan(300);

		HttpResponse<String> completed = send("POST", "/api/tasks/" + respond.getId() + "/complete", "carol",
				json.writeValueAsString(java.util.Map.of("contactNote", note)));

		assertThat(completed.statusCode()).as(completed.body()).isLessThan(300);
		Complaint stored = complaints.findById(id).orElseThrow();
		assertThat(stored.getDescription()).isEqualTo(description);
		assertThat(stored.getFirstResponseNote()).isEqualTo(note);
		assertThat(json.readTree(send("GET", "/api/complaints/" + id, "carol", null).body()).get("description").asText())
			.isEqualTo(description);
		String interactions = send("GET", "/api/customers/" + customerId + "/interactions", "carol", null).body();
		assertThat(interactions).contains(json.writeValueAsString(note).replace("\"", ""));
		// one character more is refused with the field named, not cut and not a 500
		HttpResponse<String> tooLong = send("POST", "/api/complaints", "carol", json.writeValueAsString(java.util.Map.of(
				"customerName", "Mei Chen", "customerPhone", "+86 21 5555 " + digits(), "channel", "PHONE",
				"category", "PRODUCT_DEFECT", "description", description + "x")));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(fields(tooLong)).containsExactly("description");
	}

	private static String longText(String line, int length) {
		var text = new StringBuilder();
		while (text.length() < length) {
			text.append(line).append('\n');
		}
		return text.substring(0, length - 1) + "。"; // no trailing space: an agent's note is kept stripped
	}

	@Test
	void invalidInputIsRefusedFieldByFieldAndNothingIsWrittenOrStarted() throws Exception {
		long complaintsBefore = complaints.count();
		long instancesBefore = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY).count();

		HttpResponse<String> refused = send("POST", "/api/complaints", "carol", """
				{"customerName": " ", "customerEmail": "not-an-address", "channel": "PIGEON",
				 "description": "", "receivedAt": "2999-01-01T00:00:00Z"}
				""");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertThat(fields(refused)).contains("customerName", "customerEmail", "channel", "category", "description",
				"receivedAt");

		HttpResponse<String> unknownCustomer = send("POST", "/api/complaints", "carol", """
				{"customerName": "Nobody", "customerPhone": "+49 30 999999", "channel": "WEB", "category": "SERVICE",
				 "description": "Rude staff.", "customerId": 987654321}
				""");
		assertThat(unknownCustomer.statusCode()).isEqualTo(400);
		assertThat(fields(unknownCustomer)).containsExactly("customerId");

		HttpResponse<String> noWayToReply = send("POST", "/api/complaints", "carol", """
				{"customerName": "Anonymous", "channel": "WEB", "category": "SERVICE", "description": "Rude staff."}
				""");
		assertThat(noWayToReply.statusCode()).isEqualTo(400);
		assertThat(fields(noWayToReply)).containsExactly("customerEmail");

		assertThat(complaints.count()).isEqualTo(complaintsBefore);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.count()).isEqualTo(instancesBefore);
	}

	@Test
	void aSalesRepCanNeitherSeeNorActOnComplaintsOrTheirTasks() throws Exception {
		long id = register("alice-test-" + unique() + "@example.com");
		Task task = taskService.createTaskQuery().processDefinitionKey(ComplaintToResolution.PROCESS_KEY).processInstanceBusinessKey(Long.toString(id)).singleResult();

		assertThat(send("POST", "/api/complaints", "alice", """
				{"customerName": "X", "customerPhone": "+49 30 1111111", "channel": "WEB", "category": "SERVICE", "description": "x"}
				""").statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/complaints/" + id, "alice", null).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/complaints", "alice", null).statusCode()).isEqualTo(403);

		String engine = "/engine-rest/engine/" + processEngine.getName();
		HttpResponse<String> tasks = send("GET", engine + "/task?processDefinitionKey=complaint-to-resolution", "alice", null);
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(json.readTree(tasks.body())).isEmpty();
		HttpResponse<String> carolsTasks = send("GET",
				engine + "/task?processDefinitionKey=complaint-to-resolution&processInstanceBusinessKey=" + id, "carol", null);
		assertThat(json.readTree(carolsTasks.body())).hasSize(1);

		assertThat(send("POST", engine + "/task/" + task.getId() + "/claim", "alice", "{\"userId\": \"alice\"}")
			.statusCode()).isIn(403, 404);
		assertThat(send("POST", engine + "/task/" + task.getId() + "/complete", "alice", "{}").statusCode()).isIn(403, 404);
		Task unchanged = taskService.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(unchanged).isNotNull();
		assertThat(unchanged.getAssignee()).isNull();

		assertThat(caseContexts.stream().filter(p -> p.supports(ComplaintToResolution.PROCESS_KEY)).findFirst().orElseThrow()
			.describe(ComplaintToResolution.PROCESS_KEY, Long.toString(id), "alice")).isEmpty();
	}

	@Test
	void theTaskPageShowsTheComplaintWithTheCustomersInteractions() throws Exception {
		long id = register("context-" + unique() + "@example.com");
		CaseContextProvider provider = caseContexts.stream()
			.filter(p -> p.supports(ComplaintToResolution.PROCESS_KEY))
			.findFirst()
			.orElseThrow();

		var context = provider.describe(ComplaintToResolution.PROCESS_KEY, Long.toString(id), "carol").orElseThrow();
		assertThat(context.kind()).isEqualTo("case.kind.complaint");
		assertThat(context.customerId()).isNotNull();
		assertThat(context.facts()).extracting(f -> f.label()).contains("case.complaint.status", "case.complaint.complaint", "case.complaint.severity",
				"case.complaint.firstResponseDue");
		assertThat(context.interactions()).anyMatch(i -> i.summary().contains("Complaint #" + id));
	}

	@Test
	void theCallCentreLooksACallerUpByPhoneAndSeesTheir360ViewWithComplaints() throws Exception {
		String phone = "+44 20 7946 " + digits();
		HttpResponse<String> created = send("POST", "/api/complaints", "carol", """
				{"customerName": "Oliver Brown", "customerPhone": "%s", "channel": "PHONE", "category": "PRODUCT_DEFECT",
				 "description": "The lamp flickers."}
				""".formatted(phone));
		long id = json.readTree(created.body()).get("id").asLong();

		HttpResponse<String> lookup = send("GET", "/api/complaints/intake?phone=" + phone.replace(" ", "").replace("+", "%2B"),
				"carol", null);
		assertThat(lookup.statusCode()).isEqualTo(200);
		JsonNode found = json.readTree(lookup.body());
		assertThat(found.get("known").asBoolean()).isTrue();
		assertThat(found.at("/customer/customer/name").asText()).isEqualTo("Oliver Brown");
		assertThat(found.get("openComplaints")).anyMatch(c -> c.get("id").asLong() == id);
		JsonNode section = null;
		for (JsonNode s : found.at("/customer/sections")) {
			if ("complaints".equals(s.get("key").asText())) {
				section = s;
			}
		}
		assertThat(section).isNotNull();
		assertThat(section.get("entries").get(0).get("openTasks")).isNotEmpty();

		JsonNode unknown = json.readTree(send("GET", "/api/complaints/intake?email=nobody-" + unique() + "@example.com",
				"carol", null).body());
		assertThat(unknown.get("known").asBoolean()).isFalse();
		assertThat(send("GET", "/api/complaints/intake", "carol", null).statusCode()).isEqualTo(400);
	}

	@Test
	void articlesAreDraftedByAgentsPublishedByManagersAndFoundByWordsOfTitleAndBody() throws Exception {
		String word = "zq" + digits();
		HttpResponse<String> drafted = send("POST", "/api/knowledge/articles", "carol", """
				{"title": "Wobbly %s legs", "body": "Tighten the hex bolts under the seat; send a replacement if stripped.",
				 "tags": ["furniture"], "category": "PRODUCT_DEFECT"}
				""".formatted(word));
		assertThat(drafted.statusCode()).isEqualTo(201);
		long id = json.readTree(drafted.body()).get("id").asLong();
		assertThat(json.readTree(drafted.body()).get("status").asText()).isEqualTo("DRAFT");

		assertThat(json.readTree(send("GET", "/api/knowledge/articles?q=" + word, "alice", null).body())).isEmpty();
		assertThat(json.readTree(send("GET", "/api/knowledge/articles?q=" + word, "carol", null).body())).hasSize(1);
		assertThat(send("POST", "/api/knowledge/articles/" + id + "/publish", "carol", null).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/knowledge/articles", "alice", "{\"title\":\"t\",\"body\":\"b\"}").statusCode())
			.isEqualTo(403);

		HttpResponse<String> published = send("POST", "/api/knowledge/articles/" + id + "/publish", "dave", null);
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(json.readTree(published.body()).get("publishedBy").asText()).isEqualTo("dave");
		assertThat(send("POST", "/api/knowledge/articles/" + id + "/publish", "dave", null).statusCode()).isEqualTo(409);

		// every word must start a word of title or body, in any case
		assertThat(ids(send("GET", "/api/knowledge/articles?q=" + word.toUpperCase() + "+HEX+bol", "alice", null))).containsExactly(id);
		assertThat(ids(send("GET", "/api/knowledge/articles?q=" + word + "+sofa", "alice", null))).isEmpty();

		HttpResponse<String> invalid = send("POST", "/api/knowledge/articles", "carol", "{\"title\": \"\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(fields(invalid)).contains("title", "body");
	}

	private long register(String email) throws Exception {
		HttpResponse<String> created = send("POST", "/api/complaints", "carol", """
				{"customerName": "Test Customer", "customerEmail": "%s", "channel": "WEB", "category": "SERVICE",
				 "description": "Nobody answered my e-mails."}
				""".formatted(email));
		assertThat(created.statusCode()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asLong();
	}

	private List<String> fields(HttpResponse<String> response) throws Exception {
		var result = new java.util.ArrayList<String>();
		json.readTree(response.body()).get("errors").forEach(e -> result.add(e.get("field").asText()));
		return result;
	}

	private List<Long> ids(HttpResponse<String> response) throws Exception {
		var result = new java.util.ArrayList<Long>();
		json.readTree(response.body()).forEach(a -> result.add(a.get("id").asLong()));
		return result;
	}

	private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 10);
	}

	private static String digits() {
		return String.valueOf(1000 + (int) (Math.random() * 9000));
	}

}
