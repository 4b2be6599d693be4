package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;

/** Writes check the subject's rule: an interaction about a case needs the right to see that case. */
@LodestarIntegrationTest
class InteractionSubjectIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CustomerService customers;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private ApiClient api() {
		return new ApiClient(port);
	}

	@Test
	void aSalesRepCannotAttachAnInteractionToAComplaintSheMayNotSeeAndAnAgentCan() {
		var complaint = api().post("carol", "/api/complaints", """
				{"customerName": "Mei %s", "customerEmail": "mei.%s@example.com", "channel": "PHONE",
				 "category": "DELIVERY", "description": "The wardrobe came without doors."}""".formatted(tag, tag));
		assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
		long complaintId = complaint.json().at("/id").asLong();
		long customerId = complaint.json().at("/customerId").asLong();
		long before = countAbout(customerId, "complaint", complaintId);

		var byAlice = api().post("alice", "/api/customers/" + customerId + "/interactions", """
				{"type":"NOTE","summary":"planted by sales","subjectType":"complaint","subjectId":"%d"}""".formatted(complaintId));
		assertThat(byAlice.status()).as(byAlice.body()).isEqualTo(403);
		assertThat(byAlice.contentType()).startsWith("application/problem+json");
		assertThat(countAbout(customerId, "complaint", complaintId)).as("nothing written").isEqualTo(before);

		var byCarol = api().post("carol", "/api/customers/" + customerId + "/interactions", """
				{"type":"CALL","summary":"called back","subjectType":"complaint","subjectId":"%d"}""".formatted(complaintId));
		assertThat(byCarol.status()).as(byCarol.body()).isEqualTo(201);
		assertThat(countAbout(customerId, "complaint", complaintId)).isEqualTo(before + 1);

		// a complaint that does not exist, and one of another customer
		var missing = api().post("carol", "/api/customers/" + customerId + "/interactions",
				"{\"type\":\"NOTE\",\"summary\":\"x\",\"subjectType\":\"complaint\",\"subjectId\":\"987654321\"}");
		assertThat(missing.status()).as(missing.body()).isEqualTo(404);
		var other = api().post("carol", "/api/customers", """
				{"name":"Other %s","contactName":"O","email":"o.%s@other.example"}""".formatted(tag, tag));
		long otherId = other.json().at("/customer/id").asLong();
		var elsewhere = api().post("carol", "/api/customers/" + otherId + "/interactions", """
				{"type":"NOTE","summary":"x","subjectType":"complaint","subjectId":"%d"}""".formatted(complaintId));
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(400);
		assertThat(elsewhere.json().at("/errors").findValuesAsText("field")).containsExactly("subjectId");
	}

	@Test
	void anAgentCannotAttachAnInteractionToALeadAndTheLeadsRepCan() {
		var lead = api().post("alice", "/api/leads", """
				{"company":"Quill %s Ltd","contactName":"Ana","email":"ana.%s@quill.example","source":"WEB","region":"EMEA"}"""
			.formatted(tag, tag));
		assertThat(lead.status()).as(lead.body()).isEqualTo(201);
		long leadId = lead.json().at("/id").asLong();
		long customerId = lead.json().at("/customerId").asLong();
		String body = "{\"type\":\"NOTE\",\"summary\":\"about the lead\",\"subjectType\":\"lead\",\"subjectId\":\"" + leadId + "\"}";

		assertThat(api().post("carol", "/api/customers/" + customerId + "/interactions", body).status()).isEqualTo(403);
		assertThat(api().post("alice", "/api/customers/" + customerId + "/interactions", body).status()).isEqualTo(201);
		assertThat(api().post("alice", "/api/customers/" + customerId + "/interactions",
				"{\"type\":\"NOTE\",\"summary\":\"x\",\"subjectType\":\"lead\",\"subjectId\":\"987654321\"}").status())
			.isEqualTo(404);
	}

	@Test
	void aSubjectTypeNoModuleOwnsOrAHalfSubjectIsRefusedNamingTheField() {
		var created = api().post("alice", "/api/customers", """
				{"name":"Half %s","contactName":"H","email":"h.%s@half.example"}""".formatted(tag, tag));
		long id = created.json().at("/customer/id").asLong();
		var unknown = api().post("alice", "/api/customers/" + id + "/interactions",
				"{\"type\":\"NOTE\",\"summary\":\"x\",\"subjectType\":\"rollout\",\"subjectId\":\"1\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().at("/errors").findValuesAsText("field")).containsExactly("subjectType");
		var half = api().post("alice", "/api/customers/" + id + "/interactions",
				"{\"type\":\"NOTE\",\"summary\":\"x\",\"subjectType\":\"complaint\"}");
		assertThat(half.status()).isEqualTo(400);
		assertThat(half.json().at("/errors").findValuesAsText("field")).containsExactly("subjectId");
		// no subject at all: a plain note, as before
		assertThat(api().post("alice", "/api/customers/" + id + "/interactions", "{\"type\":\"NOTE\",\"summary\":\"x\"}")
			.status()).isEqualTo(201);
	}

	@Test
	void aCommentOnAComplaintsTaskThroughTheEngineApiNeedsTheRightToSeeTheTask() {
		var complaint = api().post("carol", "/api/complaints", """
				{"customerName": "Noor %s", "customerEmail": "noor.%s@example.com", "channel": "EMAIL",
				 "category": "BILLING", "description": "Charged twice."}""".formatted(tag, tag));
		assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
		var task = taskService.createTaskQuery().taskCandidateGroup("service-agent")
			.processInstanceBusinessKey(complaint.json().at("/id").asText()).list().get(0);
		// each test context has an engine of its own name
		String path = "/engine-rest/engine/" + engine.getName() + "/task/" + task.getId() + "/comment/create";

		// Camunda's REST looks the task up with alice's authorizations first (400, no such task for
		// her); TaskNotesGuard refuses the same comment on every other path into the engine (403)
		var byAlice = api().post("alice", path, "{\"message\": \"planted by sales\"}");
		assertThat(byAlice.status()).as(byAlice.body()).isIn(400, 403);
		assertThat(taskService.getTaskComments(task.getId())).isEmpty();
		// the engine's own API with alice's authentication: Camunda would add both without a check
		identityService.setAuthentication("alice", java.util.List.of("sales-rep"));
		try {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> taskService.createComment(task.getId(), task.getProcessInstanceId(), "x"))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> taskService.createAttachment("note", task.getId(), null, "n", "d", "http://x.example"))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			identityService.clearAuthentication();
		}
		assertThat(taskService.getTaskComments(task.getId())).isEmpty();
		assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();
		// the service agent, a candidate of the task, may (Camunda's REST would also want her to read
		// the process history, which agents do not: the engine's API shows the guard lets her through)
		identityService.setAuthentication("carol", java.util.List.of("service-agent"));
		try {
			taskService.createComment(task.getId(), task.getProcessInstanceId(), "called the customer");
		}
		finally {
			identityService.clearAuthentication();
		}
		assertThat(taskService.getTaskComments(task.getId())).hasSize(1);
	}

	private long countAbout(long customerId, String type, long id) {
		return customers.interactionsAbout(type, String.valueOf(id), 100).size();
	}

}
