package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerService;

@LodestarIntegrationTest
class LeadApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	CustomerService customers;

	@Autowired
	Leads leads;

	@Autowired
	LeadCaseContext caseContext;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private ApiClient api() {
		return new ApiClient(port);
	}

	@Test
	void aRepPostsALeadAndItsCaseWaitsInTheSalesRepQueueWithAForm() throws Exception {
		var response = api().post("alice", "/api/leads", """
				{"company":"Acorn %s Ltd","contactName":"Mia Wong","email":"mia.%s@acorn.example","phone":"+44 20 7946 1234",
				 "source":"WEB","region":"EMEA","notes":"Asked for a demo"}""".formatted(tag, tag));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		long id = response.json().at("/id").asLong();
		assertThat(response.location()).endsWith("/api/leads/" + id);
		assertThat(response.json().at("/company").asText()).isEqualTo("Acorn " + tag + " Ltd");
		assertThat(response.json().at("/stage").asText()).isEqualTo("QUALIFYING");

		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(id))
			.singleResult();
		assertThat(instance).isNotNull();
		var task = taskService.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo(LeadProcess.QUALIFY_LEAD);
		assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "sales-rep".equals(l.getGroupId()));
		assertThat(task.getCamundaFormRef().getKey()).isEqualTo("lead-qualify");
		try (var form = formService.getDeployedTaskForm(task.getId())) {
			assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\": \"lead-qualify\"");
		}
		assertThat(api().get("bob", "/api/leads/" + id).json().at("/openTasks/0/formKey").asText()).isEqualTo("lead-qualify");
		var found = api().get("alice", "/api/leads?q=acorn%20" + tag).json();
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.at("/0/id").asLong()).isEqualTo(id);
	}

	@Test
	void invalidInputIsAProblemNamingEachFieldAndLeavesNothingBehind() {
		long leadsBefore = leads.count();
		long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(LeadProcess.KEY).count();

		var response = api().post("alice", "/api/leads", """
				{"contactName":"Nobody","email":"not-an-email","source":"CARRIER_PIGEON","region":"EMEA"}""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().at("/errors").findValuesAsText("field")).containsExactlyInAnyOrder("company", "email",
				"source");
		assertThat(leads.count()).isEqualTo(leadsBefore);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LeadProcess.KEY).count())
			.isEqualTo(instancesBefore);
	}

	@Test
	void refusalsNameTheFieldAndSayWhatIsExpectedInTheReadersLanguage() {
		String body = """
				{"company":" ","source":"web","region":"NA","segment":"HUGE","estimatedValue":"50,00"}""";

		var english = api().post("alice", "/api/leads?lang=en", body);
		var chinese = api().post("alice", "/api/leads?lang=zh-CN", body);

		assertThat(english.status()).as(english.body()).isEqualTo(400);
		assertThat(english.contentType()).startsWith("application/problem+json");
		assertThat(english.json().at("/errors").findValuesAsText("field")).containsExactly("company", "estimatedValue",
				"segment");
		assertThat(message(english, "company")).isEqualTo("is required");
		assertThat(message(english, "estimatedValue")).contains("a number, such as 50,000");
		assertThat(message(english, "segment")).isEqualTo("must be one of ENTERPRISE, SMB, CONSUMER, UNKNOWN");
		assertThat(chinese.status()).isEqualTo(400);
		assertThat(message(chinese, "company")).isEqualTo("为必填项");
		assertThat(message(chinese, "estimatedValue")).startsWith("必须是数字").contains("50,000");
		assertThat(message(chinese, "segment")).isEqualTo("必须是以下之一：ENTERPRISE, SMB, CONSUMER, UNKNOWN");
	}

	@Test
	void anAmountIsReadAsWrittenAndOneTooLargeForItsColumnIsRefused() {
		var written = api().post("alice", "/api/leads", """
				{"company":"Written %s","source":"WEB","region":"NA","estimatedValue":"50,000"}""".formatted(tag));
		assertThat(written.status()).as(written.body()).isEqualTo(201);
		assertThat(written.json().at("/estimatedValue").decimalValue()).isEqualByComparingTo("50000");
		var number = api().post("alice", "/api/leads", """
				{"company":"Number %s","source":"WEB","region":"NA","estimatedValue":30000.5}""".formatted(tag));
		assertThat(number.json().at("/estimatedValue").decimalValue()).isEqualByComparingTo("30000.5");

		var tooLarge = api().post("alice", "/api/leads", """
				{"company":"Large %s","source":"WEB","region":"NA","estimatedValue":"10,000,000,000,000"}""".formatted(tag));
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(message(tooLarge, "estimatedValue")).isEqualTo("must be at most 9999999999999.99");
	}

	@Test
	void theImportTemplateNamesEveryColumnAndImportsAsItIs() {
		var template = api().get("alice", "/api/leads/import/template");

		assertThat(template.status()).isEqualTo(200);
		assertThat(template.contentType()).startsWith("text/csv");
		var lines = template.body().replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).isEqualTo(String.join(",", LeadImport.COLUMNS));
		assertThat(lines).hasSize(2);
		String csv = template.body()
			.replace("Acme Ltd", "Template " + tag)
			.replace("ann.lee@example.com", "ann." + tag + "@template.example");
		var report = api().postBody("alice", "/api/leads/import", "text/csv", csv);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json().at("/created").asInt()).as(report.body()).isEqualTo(1);
		var lead = api().get("alice", "/api/leads/" + report.json().at("/results/0/leadId").asLong()).json();
		assertThat(lead.at("/estimatedValue").decimalValue()).isEqualByComparingTo("50000");
		assertThat(lead.at("/segment").asText()).isEqualTo("ENTERPRISE");
		assertThat(api().get("carol", "/api/leads/import/template").status()).isEqualTo(403);
	}

	private static String message(ApiClient.Response response, String field) {
		for (var error : response.json().at("/errors")) {
			if (field.equals(error.at("/field").asText())) {
				return error.at("/message").asText();
			}
		}
		return null;
	}

	@Test
	void aLeadWithTheEmailOrPhoneOfAnExistingCustomerIsLinkedToIt() {
		var existing = customers.createOrLink(CustomerDraft.company("Delta " + tag + " AG", "Rui", "rui." + tag + "@delta.example",
				"+49 89 " + tag.hashCode() % 100000 + "77", "EMEA"), "bob");
		var byEmail = api().post("alice", "/api/leads", """
				{"company":"Delta Logistics %s","contactName":"Rui","email":"RUI.%s@delta.example","source":"EMAIL","region":"EMEA"}"""
			.formatted(tag, tag));
		var byPhone = api().post("alice", "/api/leads", """
				{"company":"Delta Group","phone":"0049 89 %s77","source":"PHONE","region":"EMEA"}"""
			.formatted(tag.hashCode() % 100000));

		assertThat(byEmail.json().at("/customerId").asLong()).isEqualTo(existing.customer().id());
		assertThat(byPhone.json().at("/customerId").asLong()).isEqualTo(existing.customer().id());
		assertThat(customers.search("delta", 50)).filteredOn(c -> c.name().contains(tag)).hasSize(1);
		var view = api().get("alice", "/api/customers/" + existing.customer().id() + "/view");
		assertThat(view.json().at("/sections/0/key").asText()).isEqualTo("leads");
		assertThat(view.json().at("/sections/0/entries").size()).isEqualTo(2);
		assertThat(view.json().at("/sections/0/entries/0/openTasks/0/name").asText()).isEqualTo("Qualify lead (BANT)");
	}

	/** Repeated: the two requests interleave differently each time. */
	@RepeatedTest(5)
	void twoManagersApprovingTheSameDiscountAtOnceGetOneSuccessAndOneConflict() throws Exception {
		String secondManager = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
		var user = identityService.newUser(secondManager);
		user.setPassword(secondManager);
		identityService.saveUser(user);
		identityService.createMembership(secondManager, "sales-manager");
		long id = leadAwaitingDiscountApproval();

		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<ApiClient.Response>> answers = new ArrayList<>();
			for (String manager : List.of("bob", secondManager)) {
				answers.add(pool.submit(() -> {
					start.await();
					return api().post(manager, "/api/leads/" + id + "/discount-decision", "{\"approved\":true}");
				}));
			}
			start.countDown();
			var statuses = new ArrayList<Integer>();
			for (var answer : answers) {
				statuses.add(answer.get().status());
			}
			assertThat(statuses).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(api().get("bob", "/api/leads/" + id).json().at("/opportunity/stage").asText()).isEqualTo("NEGOTIATION");
	}

	@Test
	void aServiceAgentCannotSeeOrWorkSalesTasksAndARepCannotApproveDiscounts() {
		long id = leadAwaitingDiscountApproval();
		assertThat(api().get("carol", "/api/leads/" + id).status()).isEqualTo(403);
		assertThat(api().post("carol", "/api/leads", "{\"company\":\"X\",\"source\":\"WEB\",\"region\":\"NA\"}").status())
			.isEqualTo(403);
		assertThat(api().post("carol", "/api/leads/" + id + "/discount-decision", "{\"approved\":true}").status())
			.isEqualTo(403);
		assertThat(api().post("alice", "/api/leads/" + id + "/discount-decision", "{\"approved\":true}").status())
			.isEqualTo(403);

		String engine = "/engine-rest/engine/" + processEngine.getName();
		var asCarol = api().get("carol", engine + "/task?processInstanceBusinessKey=" + id);
		assertThat(asCarol.status()).isEqualTo(200);
		assertThat(asCarol.json().size()).isZero();
		var asBob = api().get("bob", engine + "/task?processInstanceBusinessKey=" + id);
		assertThat(asBob.json().size()).isEqualTo(1);
		String taskId = asBob.json().at("/0/id").asText();
		assertThat(api().post("carol", engine + "/task/" + taskId + "/complete", "{}").status()).isIn(403, 404);
		assertThat(api().post("alice", engine + "/task/" + taskId + "/complete", "{}").status()).isIn(403, 404);
		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(caseContext.describe(LeadProcess.KEY, String.valueOf(id), "grace")).isEmpty();
		assertThat(caseContext.describe(LeadProcess.KEY, String.valueOf(id), "bob"))
			.hasValueSatisfying(c -> assertThat(c.facts()).anyMatch(f -> f.label().equals("case.lead.discountPercent")));
	}

	@Test
	void proposalWithoutAmountOrFollowUpIsRefusedWithTheReason() {
		long id = capture("WEB", "NA");
		qualify(id);
		var response = api().post("alice", "/api/leads/" + id + "/proposal", "{\"discountPercent\":5}");
		assertThat(response.status()).isEqualTo(400);
		// the form's own constraints answer first, naming every field it requires (the one door)
		assertThat(response.json().at("/errors").findValuesAsText("field")).containsExactlyInAnyOrder("amount",
				"decisionMaker", "nextFollowUp");
		assertThat(response.json().at("/errors").findValuesAsText("message")).contains("is required");
		assertThat(api().get("alice", "/api/leads/" + id).json().at("/openTasks/0/taskDefinitionKey").asText())
			.isEqualTo(LeadProcess.PREPARE_PROPOSAL);
		assertThat(api().post("bob", "/api/leads/" + id + "/qualification", "{\"qualified\":true}").status())
			.isEqualTo(409);
	}

	@Test
	void interactionsLoggedOnALeadLandOnItsCustomer() {
		long id = capture("EVENT", "APAC");
		var logged = api().post("alice", "/api/leads/" + id + "/interactions", """
				{"type":"CALL","summary":"Discussed pricing","outcome":"send proposal"}""");
		assertThat(logged.status()).as(logged.body()).isEqualTo(201);
		long customerId = logged.json().at("/customerId").asLong();
		var log = api().get("carol", "/api/customers/" + customerId + "/interactions").json();
		assertThat(log.at("/0/summary").asText()).isEqualTo("Discussed pricing");
		assertThat(log.at("/0/subjectId").asText()).isEqualTo(String.valueOf(id));
		assertThat(log.at("/0/recordedBy").asText()).isEqualTo("alice");
	}

	@Test
	void csvImportReportsEachRow() {
		String csv = String.join("\r\n", "company,contactName,email,phone,source,region,notes",
				"\"Echo " + tag + ", Ltd\",Li Na,li." + tag + "@echo.example,,WEB,EMEA,\"said \"\"call me\"\"\"",
				"Foxtrot " + tag + ",Bo,bo@foxtrot.example,,FAX,EMEA,", ",Cy,not-an-email,,WEB,NA,") + "\r\n";
		var response = api().postBody("alice", "/api/leads/import", "text/csv", csv);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var report = response.json();
		assertThat(report.at("/rows").asInt()).isEqualTo(3);
		assertThat(report.at("/created").asInt()).isEqualTo(1);
		assertThat(report.at("/failed").asInt()).isEqualTo(2);
		assertThat(report.at("/results/0/status").asText()).isEqualTo("CREATED");
		long leadId = report.at("/results/0/leadId").asLong();
		var lead = api().get("alice", "/api/leads/" + leadId).json();
		assertThat(lead.at("/company").asText()).isEqualTo("Echo " + tag + ", Ltd");
		assertThat(lead.at("/notes").asText()).isEqualTo("said \"call me\"");
		assertThat(report.at("/results/1/errors").findValuesAsText("field")).containsExactly("source");
		assertThat(report.at("/results/2/errors").findValuesAsText("field")).containsExactlyInAnyOrder("company", "email");
		assertThat(api().get("alice", "/api/leads?q=foxtrot%20" + tag).json().size()).isZero();
	}

	@Test
	void theStageRulesHoldWhenATaskIsCompletedInCamundaTasklist() {
		long id = capture("WEB", "EMEA");
		String engine = "/engine-rest/engine/" + processEngine.getName();
		String taskId = api().get("alice", engine + "/task?processInstanceBusinessKey=" + id).json().at("/0/id").asText();
		assertThat(api().post("alice", engine + "/task/" + taskId + "/claim", "{\"userId\":\"alice\"}").status())
			.isEqualTo(204);

		var refused = api().post("alice", engine + "/task/" + taskId + "/complete", """
				{"variables":{"qualified":{"value":true},"budget":{"value":"20k"}}}""");
		assertThat(refused.status()).isGreaterThanOrEqualTo(400);
		assertThat(refused.body()).contains("BANT: authority");
		assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

		var completed = api().post("alice", engine + "/task/" + taskId + "/complete", """
				{"variables":{"qualified":{"value":true},"budget":{"value":"20k"},"decisionMaker":{"value":"CTO"},
				 "need":{"value":"faster quotes"},"timeline":{"value":"spring"}}}""");
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
		var lead = api().get("alice", "/api/leads/" + id).json();
		assertThat(lead.at("/stage").asText()).isEqualTo("QUALIFIED");
		assertThat(lead.at("/owner").asText()).isEqualTo("alice");
		assertThat(lead.at("/opportunity/stage").asText()).isEqualTo("PROPOSAL");
	}

	private long capture(String source, String region) {
		var response = api().post("alice", "/api/leads", """
				{"company":"Lead %s %s","contactName":"Pat","source":"%s","region":"%s"}"""
			.formatted(tag, UUID.randomUUID().toString().substring(0, 6), source, region));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().at("/id").asLong();
	}

	private void qualify(long id) {
		var response = api().post("alice", "/api/leads/" + id + "/qualification", """
				{"qualified":true,"budget":"60k approved","decisionMaker":"COO Lee","need":"one customer view","timeline":"Q1"}""");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private long leadAwaitingDiscountApproval() {
		long id = capture("REFERRAL", "NA");
		qualify(id);
		var response = api().post("alice", "/api/leads/" + id + "/proposal", """
				{"amount":48000,"discountPercent":18,"decisionMaker":"COO Lee","nextFollowUp":"%s"}"""
			.formatted(Instant.now().plus(7, ChronoUnit.DAYS)));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().at("/opportunity/stage").asText()).isEqualTo("DISCOUNT_APPROVAL");
		return id;
	}

}
