package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;

/**
 * A lead a sales rep captures herself is hers, and her first task too; a manager who reassigns
 * one of its tasks moves the lead's owner only when he says so.
 */
@LodestarIntegrationTest
class LeadOwnershipIntegrationTest {

	private static final Set<String> REP = Set.of("sales-rep", "employee");

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	LeadCapture capture;

	@Autowired
	LeadSteps steps;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String rep = "rep-" + tag;

	private ApiClient api;

	@BeforeEach
	void anotherRep() {
		api = new ApiClient(port);
		var user = identityService.newUser(rep);
		user.setPassword(rep);
		identityService.saveUser(user);
		identityService.createMembership(rep, "sales-rep");
	}

	@AfterEach
	void noOtherRep() {
		identityService.deleteUser(rep);
	}

	@Test
	void aLeadARepCapturesIsHersAndHerFirstTaskIsAssignedToHer() {
		long own = post("alice", "Own " + tag);
		long managers = post("bob", "Managers " + tag);
		long queued = capture.capture(new NewLead("Imported " + tag, null, null, null, "IMPORT", "EMEA", null, null, null),
				"alice").id();

		assertThat(owner(own)).isEqualTo("alice");
		Task first = openTask(own);
		assertThat(first.getTaskDefinitionKey()).isEqualTo(LeadProcess.QUALIFY_LEAD);
		assertThat(first.getAssignee()).isEqualTo("alice");
		assertThat(taskService.getIdentityLinksForTask(first.getId())).anyMatch(l -> "sales-rep".equals(l.getGroupId()));
		// a manager's lead, an import, a mail or a web form go to the queue without an owner, as before
		assertThat(owner(managers)).isNull();
		assertThat(openTask(managers).getAssignee()).isNull();
		assertThat(owner(queued)).isNull();
		assertThat(openTask(queued).getAssignee()).isNull();
	}

	@Test
	void aKeyAccountARepCapturesIsHersButIsQualifiedByTheManagers() {
		var created = api.post("alice", "/api/leads", """
				{"company":"Key %s","source":"WEB","region":"EMEA","estimatedValue":"250,000"}""".formatted(tag));
		long id = created.json().at("/id").asLong();

		assertThat(owner(id)).isEqualTo("alice");
		Task qualify = openTask(id);
		assertThat(taskService.getIdentityLinksForTask(qualify.getId()))
			.anyMatch(l -> "sales-manager".equals(l.getGroupId()));
		assertThat(qualify.getAssignee()).isNull();
	}

	@Test
	void aManagerWhoReassignsATaskLeavesTheLeadWithItsOwner() {
		long id = post("alice", "Keep " + tag);
		String taskId = openTask(id).getId();
		assertThat(api.get("bob", "/api/tasks/" + taskId).json().at("/caseOwner/userId").asText()).isEqualTo("alice");

		var reassigned = api.put("bob", "/api/tasks/" + taskId + "/assignee", """
				{"userId":"%s"}""".formatted(rep));

		assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
		assertThat(openTask(id).getAssignee()).isEqualTo(rep);
		assertThat(owner(id)).isEqualTo("alice");
		// the rep who qualifies it does not take it either: the proposal is the owner's
		qualify(id, rep);
		assertThat(owner(id)).isEqualTo("alice");
		Task proposal = openTask(id);
		assertThat(proposal.getTaskDefinitionKey()).isEqualTo(LeadProcess.PREPARE_PROPOSAL);
		assertThat(proposal.getAssignee()).isEqualTo("alice");
	}

	@Test
	void whenTheManagerSaysSoTheNewAssigneeOwnsTheLeadAndItsLaterSteps() {
		long id = post("alice", "Move " + tag);
		String taskId = openTask(id).getId();

		var reassigned = api.put("bob", "/api/tasks/" + taskId + "/assignee", """
				{"userId":"%s","makeOwner":true}""".formatted(rep));

		assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
		assertThat(owner(id)).isEqualTo(rep);
		assertThat(api.get("bob", "/api/tasks/" + taskId).json().at("/caseOwner/userId").asText()).isEqualTo(rep);
		qualify(id, rep);
		Task proposal = openTask(id);
		assertThat(proposal.getAssignee()).isEqualTo(rep);

		// later steps too: the deal moves with the lead
		var back = api.put("bob", "/api/tasks/" + proposal.getId() + "/assignee", """
				{"userId":"alice","makeOwner":true}""");
		assertThat(back.status()).as(back.body()).isEqualTo(204);
		var lead = api.get("bob", "/api/leads/" + id).json();
		assertThat(lead.at("/owner").asText()).isEqualTo("alice");
		assertThat(lead.at("/opportunity/owner").asText()).isEqualTo("alice");
		assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.singleResult()
			.getId(), LeadProcess.OWNER)).isEqualTo("alice");
	}

	@Test
	void aRepWhoClaimsALeadNobodyOwnsOwnsItButAReassignmentDoesNot() {
		long claimed = post("bob", "Claimed " + tag);
		long handed = post("bob", "Handed " + tag);

		assertThat(api.post(rep, "/api/tasks/" + openTask(claimed).getId() + "/claim", null).status()).isEqualTo(204);
		assertThat(api.put("bob", "/api/tasks/" + openTask(handed).getId() + "/assignee", """
				{"userId":"%s","makeOwner":false}""".formatted(rep)).status()).isEqualTo(204);

		assertThat(owner(claimed)).isEqualTo(rep);
		assertThat(owner(handed)).isNull();
		assertThat(openTask(handed).getAssignee()).isEqualTo(rep);
	}

	@Test
	void askingToMakeAnOwnerIsForManagersOnlyAndNamesTheField() {
		long id = post("alice", "Refused " + tag);
		String taskId = openTask(id).getId();

		assertThat(api.put("alice", "/api/tasks/" + taskId + "/assignee", """
				{"userId":"%s","makeOwner":true}""".formatted(rep)).status()).isEqualTo(403);
		var notAMember = api.put("bob", "/api/tasks/" + taskId + "/assignee", """
				{"userId":"carol","makeOwner":true}""");
		assertThat(notAMember.status()).isEqualTo(400);
		assertThat(notAMember.json().at("/errors/0/field").asText()).isEqualTo("userId");
		assertThat(owner(id)).isEqualTo("alice");
		assertThat(openTask(id).getAssignee()).isEqualTo("alice");
	}

	private long post(String user, String company) {
		var created = api.post(user, "/api/leads", """
				{"company":"%s","source":"WEB","region":"EMEA"}""".formatted(company));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().at("/id").asLong();
	}

	private String owner(long leadId) {
		var owner = api.get("bob", "/api/leads/" + leadId).json().at("/owner");
		return owner.isMissingNode() || owner.isNull() ? null : owner.asText();
	}

	private Task openTask(long leadId) {
		return taskService.createTaskQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.singleResult();
	}

	private void qualify(long leadId, String user) {
		steps.completeStep(leadId, LeadProcess.QUALIFY_LEAD, user, REP, new HashMap<>(Map.of("qualified", true, "budget",
				"approved", "decisionMaker", "CFO Kim", "need", "replace spreadsheets", "timeline", "this quarter")));
	}

}
