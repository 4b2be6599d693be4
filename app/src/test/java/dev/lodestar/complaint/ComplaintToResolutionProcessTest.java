package dev.lodestar.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.lodestar.calendar.BusinessCalendar;
import dev.lodestar.knowledge.KnowledgeBase;

/**
 * Walks every path of {@code complaint-to-resolution} on the real engine, database and an SMTP
 * server (GreenMail): each classification outcome, both SLA timers on both targets, approval
 * needed or not, approved or sent back, confirmed, rejected and reopened, closed without reply.
 * The coverage report must show every flow node and sequence flow (the build fails otherwise).
 */
// No demo data here: the coverage plugin refuses process work before the test class starts, and
// other modules' demo runners start processes at start-up. The test makes the two users it needs.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lodestar.demo.enabled=false")
@ActiveProfiles("test")
@Import({ ProcessEngineCoverageConfiguration.class, ComplaintToResolutionProcessTest.FullCoverage.class })
class ComplaintToResolutionProcessTest {

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	@TestConfiguration
	static class FullCoverage {

		@Bean
		@Primary
		ProcessEngineCoverageProperties complaintCoverage() {
			return ProcessEngineCoverageProperties.Companion.builder()
				.assertClassCoverageAtLeast(1.0)
				.excludeProcessDefinitionKeys("notify-smoke", "lead-to-sale", "crm-rollout", "stakeholder-assessment",
						"training-wave", "kpi-review")
				.build();
		}

	}

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ComplaintService complaintService;

	@Autowired
	Complaints complaints;

	@Autowired
	ConfirmationTokens tokens;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	CustomerConfirmations confirmations;

	@Autowired
	KnowledgeBase knowledgeBase;

	@Autowired
	ComplaintCaseContext caseContext;

	@Autowired
	dev.lodestar.customer.CustomerService customerService;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startMailServer() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopMailServer() {
		smtp.stop();
	}

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(processEngine);
		user("carol", "service-agent");
		user("dave", "service-manager");
	}

	private void user(String id, String group) {
		if (identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		var user = identityService.newUser(id);
		user.setFirstName(id);
		user.setEmail(id + "@lodestar.example");
		user.setPassword(id);
		identityService.saveUser(user);
		identityService.createMembership(id, group);
	}

	@AfterEach
	void tearDown() {
		BpmnAwareTests.reset();
	}

	static Stream<Arguments> classificationOutcomes() {
		return Stream.of(
				Arguments.of("SAFETY", CustomerTier.PLATINUM, "WEB", "CRITICAL", 1, 8, "safety", "service-manager"),
				Arguments.of("BILLING", CustomerTier.PLATINUM, "EMAIL", "HIGH", 2, 16, "priority", "service-agent"),
				Arguments.of("PRODUCT_DEFECT", CustomerTier.GOLD, "WEB", "HIGH", 4, 24, "quality", "service-agent"),
				Arguments.of("PRODUCT_DEFECT", CustomerTier.STANDARD, "PHONE", "MEDIUM", 8, 40, "quality", "service-agent"),
				Arguments.of("DELIVERY", CustomerTier.GOLD, "STORE", "MEDIUM", 4, 24, "logistics", "service-agent"),
				Arguments.of("DELIVERY", CustomerTier.STANDARD, "EMAIL", "MEDIUM", 8, 32, "logistics", "service-agent"),
				Arguments.of("BILLING", CustomerTier.GOLD, "PHONE", "LOW", 8, 40, "billing", "service-agent"),
				Arguments.of("SERVICE", CustomerTier.STANDARD, "WEB", "LOW", 16, 40, "general", "service-agent"));
	}

	@ParameterizedTest(name = "{0} / {1} / {2} -> {3}, {4}h / {5}h, {6}")
	@MethodSource("classificationOutcomes")
	void classifiesAndSetsBusinessHourTimersFromTheDecision(String category, CustomerTier tier, String channel,
			String severity, int responseHours, int resolutionHours, String queue, String role) {
		Complaint complaint = register(category, tier, channel, uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);

		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_RESPOND)
			.variables()
			.containsEntry("severity", severity)
			.containsEntry("queue", queue)
			.containsEntry("handlingRole", role);
		assertThat(workOf(pi)).hasCandidateGroup(role);
		assertThat(workOf(pi).getPriority()).as("priority from severity " + severity)
			.isEqualTo(Map.of("CRITICAL", 90, "HIGH", 70, "MEDIUM", 50, "LOW", 30).get(severity));
		Date receivedAt = Date.from(complaint.getReceivedAt());
		Date due = calendar.deadline(receivedAt, responseHours);
		Date warning = calendar.warning(receivedAt, responseHours);
		assertThat(workOf(pi).getDueDate()).isCloseTo(due, 1000);
		assertThat(workOf(pi).getFollowUpDate()).isCloseTo(warning, 1000);
		assertThat(timer(pi, ComplaintToResolution.TIMER_RESPONSE_WARNING).getDuedate()).isCloseTo(warning, 1000);
		assertThat(timer(pi, ComplaintToResolution.TIMER_RESPONSE_BREACHED).getDuedate()).isCloseTo(due, 1000);

		Complaint classified = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(classified.getSeverity()).isEqualTo(severity);
		assertThat(classified.getResponseTargetHours()).isEqualTo(responseHours);
		assertThat(classified.getResolutionTargetHours()).isEqualTo(resolutionHours);
		assertThat(classified.getResolutionDueAt()).isCloseTo(calendar.deadline(receivedAt, resolutionHours).toInstant(),
				within1s());
		runtimeService.deleteProcessInstance(pi.getId(), "classification checked");
	}

	@Test
	void acknowledgesResolvesAndClosesWhenTheCustomerConfirmsThroughTheLink() throws Exception {
		String email = uniqueEmail();
		Complaint complaint = register("DELIVERY", CustomerTier.STANDARD, "EMAIL", email);
		ProcessInstance pi = instanceOf(complaint);

		MimeMessage acknowledgement = awaitMail(email, "received your complaint");
		assertThat(GreenMailUtil.getBody(acknowledgement)).contains("#" + complaint.getId()).contains("contact you by");

		respond(pi);
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		assertThat(workOf(pi)).hasCandidateGroup("service-agent");
		assertThat(workOf(pi).getDueDate()).isCloseTo(
				calendar.deadline(Date.from(complaint.getReceivedAt()), 32), 1000);
		investigate(pi, "A new sofa leg is on its way.", 0);

		assertThat(pi).hasPassed(ComplaintToResolution.TASK_RESOLVE).isWaitingAt(ComplaintToResolution.GATEWAY_AWAIT_CUSTOMER);
		MimeMessage resolution = awaitMail(email, "please confirm");
		String body = GreenMailUtil.getBody(resolution).replace("=\r\n", "").replace("=3D", "=");
		assertThat(body).contains("A new sofa leg is on its way.");
		// the mail points at the configured public address; this test's server listens elsewhere
		String link = confirmLinkIn(body).replaceFirst("^http://[^/]+", "http://localhost:" + port);

		var browser = new Browser(port);
		HttpResponse<String> page = browser.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Is your complaint resolved?").contains("A new sofa leg is on its way.");
		HttpResponse<String> answered = browser.post(link, Map.of("decision", "confirm", "satisfaction", "4"));
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("Thank you");

		assertThat(pi).hasPassed(ComplaintToResolution.GATEWAY_CUSTOMER_CONFIRMED)
			.isWaitingAt(ComplaintToResolution.TASK_CAPTURE_ARTICLE);
		Complaint confirmed = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(confirmed.getCustomerReply()).isEqualTo(CustomerReply.CONFIRMED);
		assertThat(confirmed.getSatisfaction()).isEqualTo(4);

		// the same link again: refused, and nothing changes
		HttpResponse<String> again = new Browser(port).post(link, Map.of("decision", "reject"));
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("already used");
		assertThat(complaints.findById(complaint.getId()).orElseThrow().getCustomerReply()).isEqualTo(CustomerReply.CONFIRMED);
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_CAPTURE_ARTICLE);

		String title = "Wobbly sofa leg " + UUID.randomUUID();
		taskService.complete(workOf(pi).getId(), Map.of("articleTitle", title, "articleBody",
				"Customers report a loose leg after delivery. Send a replacement leg with fitting instructions."));
		assertThat(pi).hasPassed(ComplaintToResolution.TASK_DRAFT_ARTICLE, ComplaintToResolution.TASK_CLOSE)
			.isEnded()
			.hasPassed(ComplaintToResolution.END_CLOSED);
		assertThat(complaints.findById(complaint.getId()).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(knowledgeBase.hasArticleFromComplaint(complaint.getId())).isTrue();
		assertThat(knowledgeBase.search(title, true, 5)).extracting(a -> a.getTitle()).contains(title);
	}

	@Test
	void compensationAboveTheThresholdNeedsAManagersApproval() {
		Complaint complaint = register("PRODUCT_DEFECT", CustomerTier.STANDARD, "WEB", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		investigate(pi, "Refund of the cushion cover.", 250);

		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_APPROVE_COMPENSATION);
		assertThat(workOf(pi)).hasCandidateGroup("service-manager");
		// the approver sees exactly what is approved: beside the form, and in the form's read-only fields
		var context = caseContext.describe(ComplaintToResolution.PROCESS_KEY, complaint.getId().toString(), "dave")
			.orElseThrow();
		assertThat(context.facts()).contains(new dev.lodestar.worklist.CaseContext.Fact("case.complaint.proposedResolution",
				"Refund of the cushion cover."), new dev.lodestar.worklist.CaseContext.Fact("case.complaint.compensationToApprove", "250.00 CNY"));
		assertThat(context.link()).isEqualTo("/complaints/" + complaint.getId());
		taskService.complete(workOf(pi).getId(), Map.of("compensationApproved", true, "approvalNote", "fair"));

		assertThat(pi).hasPassed(ComplaintToResolution.TASK_RESOLVE).isWaitingAt(ComplaintToResolution.GATEWAY_AWAIT_CUSTOMER);
		Complaint resolved = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(resolved.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
		assertThat(resolved.getCompensation()).isEqualByComparingTo("250");
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void aRejectedCompensationGoesBackToTheAgent() {
		Complaint complaint = register("PRODUCT_DEFECT", CustomerTier.STANDARD, "WEB", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		investigate(pi, "Full refund.", 900);
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_APPROVE_COMPENSATION);
		taskService.claim(workOf(pi).getId(), "dave");
		taskService.complete(workOf(pi).getId(), Map.of("compensationApproved", false, "approvalNote", "too much"));

		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		// carol's rework shows who rejected and why
		assertThat(caseContext.describe(ComplaintToResolution.PROCESS_KEY, complaint.getId().toString(), "carol")
			.orElseThrow()
			.facts()).contains(new dev.lodestar.worklist.CaseContext.Fact("case.complaint.compensationRejected",
					"dave: too much"));
		assertThat(complaints.findById(complaint.getId()).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.OPEN);
		investigate(pi, "Partial refund.", 80);
		assertThat(pi).hasPassed(ComplaintToResolution.TASK_RESOLVE);
		assertThat(complaints.findById(complaint.getId()).orElseThrow().getCompensation()).isEqualByComparingTo("80");
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void aCustomerWithoutEmailIsCalledWithTheResolutionAndTheirConfirmationClosesTheCase() {
		Complaint complaint = registerByPhoneOnly("DELIVERY");
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		investigate(pi, "A new cushion is on its way.", 0);

		assertThat(pi).hasPassed(ComplaintToResolution.TASK_RESOLVE, ComplaintToResolution.GATEWAY_REPLY_CHANNEL)
			.isWaitingAt(ComplaintToResolution.TASK_CALL_WITH_RESOLUTION);
		assertThat(workOf(pi)).hasCandidateGroup("service-agent");
		assertThat(tokens.count()).as("no link is issued for a customer without e-mail").isEqualTo(tokensBefore);
		taskService.complete(workOf(pi).getId(), Map.of("customerConfirmed", true, "satisfactionScore", 5));

		assertThat(pi).hasPassed(ComplaintToResolution.GATEWAY_CUSTOMER_CONFIRMED)
			.isWaitingAt(ComplaintToResolution.TASK_CAPTURE_ARTICLE);
		Complaint answered = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(answered.getCustomerReply()).isEqualTo(CustomerReply.CONFIRMED);
		assertThat(answered.getSatisfaction()).isEqualTo(5);
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void aCustomerWithoutEmailWhoRejectsOnThePhoneReopensTheCase() {
		Complaint complaint = registerByPhoneOnly("BILLING");
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		investigate(pi, "We corrected the invoice.", 0);
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_CALL_WITH_RESOLUTION);

		taskService.complete(workOf(pi).getId(), Map.of("customerConfirmed", false, "customerComment", "Still charged twice"));

		assertThat(pi).hasPassed(ComplaintToResolution.TASK_REOPEN).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		Complaint reopened = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(reopened.getStatus()).isEqualTo(ComplaintStatus.OPEN);
		assertThat(reopened.getCustomerComment()).isEqualTo("Still charged twice");
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	private long tokensBefore;

	private Complaint registerByPhoneOnly(String category) {
		tokensBefore = tokens.count();
		return complaintService.register(new ComplaintIntake("Phone Customer " + UUID.randomUUID().toString().substring(0, 8),
				null, "+86 21 5555 " + (1000 + new java.util.Random().nextInt(9000)), "PHONE", category,
				"Process test complaint " + UUID.randomUUID(), null, null), CustomerTier.STANDARD, "carol");
	}

	@Test
	void aRejectedResolutionReopensTheComplaintWithAFreshResolutionTarget() {
		Complaint complaint = register("BILLING", CustomerTier.STANDARD, "EMAIL", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		investigate(pi, "We corrected the invoice.", 0);

		Instant firstResolutionDue = complaints.findById(complaint.getId()).orElseThrow().getResolutionDueAt();
		String token = latestTokenFor(complaint);
		assertThat(confirmations.answer(token, false, 1, "still wrong").getCustomerReply()).isEqualTo(CustomerReply.REJECTED);

		assertThat(pi).hasPassed(ComplaintToResolution.TASK_REOPEN).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		Complaint reopened = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(reopened.getStatus()).isEqualTo(ComplaintStatus.OPEN);
		assertThat(reopened.getReopenCount()).isEqualTo(1);
		assertThat(reopened.getResolutionDueAt()).isAfterOrEqualTo(firstResolutionDue);
		Date restart = (Date) runtimeService.getVariable(pi.getId(), ComplaintToResolution.VAR_RESOLUTION_CLOCK_START);
		assertThat(timer(pi, ComplaintToResolution.TIMER_RESOLUTION_BREACHED).getDuedate())
			.isCloseTo(calendar.deadline(restart, 40), 1000);

		investigate(pi, "We refunded the double charge.", 0);
		String second = latestTokenFor(complaint);
		assertThat(second).isNotEqualTo(token);
		confirmations.answer(second, true, 5, null);
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_CAPTURE_ARTICLE);
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void closesOnItsOwnWhenTheCustomerDoesNotReplyAndThenRefusesTheLink() throws Exception {
		Complaint complaint = register("SERVICE", CustomerTier.STANDARD, "WEB", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		investigate(pi, "We apologised and retrained the courier.", 0);
		String token = latestTokenFor(complaint);

		Job noReply = timer(pi, ComplaintToResolution.TIMER_NO_REPLY);
		assertThat(noReply.getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(7))), 60_000);
		execute(noReply);

		assertThat(pi).hasPassed(ComplaintToResolution.TASK_RECORD_NO_REPLY).isWaitingAt(ComplaintToResolution.TASK_CAPTURE_ARTICLE);
		taskService.complete(workOf(pi).getId(), Map.of("articleTitle", "Courier manners", "articleBody", "Apologise."));
		assertThat(pi).isEnded().hasPassed(ComplaintToResolution.END_CLOSED);
		Complaint closed = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(closed.getCustomerReply()).isEqualTo(CustomerReply.NO_REPLY);

		// the link outlived the case: the customer is told so, and nothing changes
		var browser = new Browser(port);
		String link = "http://localhost:" + port + ConfirmationPageController.PATH + token;
		assertThat(browser.get(link).body()).contains("This link has expired");
		HttpResponse<String> late = browser.post(link, Map.of("decision", "reject"));
		assertThat(late.statusCode()).isEqualTo(410);
		assertThat(late.body()).contains("expired");
		Complaint unchanged = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(unchanged.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(unchanged.getCustomerReply()).isEqualTo(CustomerReply.NO_REPLY);
	}

	@Test
	void anExpiredLinkIsRefusedWithAClearPageAndChangesNothing() throws Exception {
		Complaint complaint = register("SERVICE", CustomerTier.STANDARD, "WEB", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		investigate(pi, "Done.", 0);
		String expired = "expired-" + UUID.randomUUID();
		tokens.save(new ConfirmationToken(complaint.getId(), CustomerConfirmations.hash(expired),
				Instant.now().minus(Duration.ofDays(8)), Instant.now().minus(Duration.ofDays(1))));

		var browser = new Browser(port);
		String link = "http://localhost:" + port + ConfirmationPageController.PATH + expired;
		HttpResponse<String> page = browser.get(link);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("This link has expired").doesNotContain("Yes, it is resolved");
		HttpResponse<String> answer = browser.post(link, Map.of("decision", "confirm"));
		assertThat(answer.statusCode()).isEqualTo(410);
		assertThat(complaints.findById(complaint.getId()).orElseThrow().getCustomerReply()).isNull();
		assertThat(pi).isWaitingAt(ComplaintToResolution.GATEWAY_AWAIT_CUSTOMER);

		HttpResponse<String> unknown = browser.get("http://localhost:" + port + ConfirmationPageController.PATH + "nonsense");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("not valid");
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void warnsTheOwnerAndEscalatesToTheManagerWhenTheFirstResponseIsLate() throws Exception {
		Complaint complaint = register("DELIVERY", CustomerTier.STANDARD, "PHONE", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		taskService.claim(workOf(pi).getId(), "carol");

		execute(timer(pi, ComplaintToResolution.TIMER_RESPONSE_WARNING));
		assertThat(pi).hasPassed(ComplaintToResolution.TASK_WARN_RESPONSE).isWaitingAt(ComplaintToResolution.TASK_RESPOND);
		MimeMessage warning = awaitMail("carol@lodestar.example", "Due soon: first response of complaint #" + complaint.getId());
		assertThat(GreenMailUtil.getBody(warning)).contains("escalated");

		execute(timer(pi, ComplaintToResolution.TIMER_RESPONSE_BREACHED));
		assertThat(pi).hasPassed(ComplaintToResolution.TASK_ESCALATE_RESPONSE)
			.isWaitingAt(ComplaintToResolution.TASK_RESPOND, ComplaintToResolution.TASK_REVIEW_ESCALATION);
		MimeMessage escalation = awaitMail("dave@lodestar.example", "SLA breached: complaint #" + complaint.getId());
		assertThat(GreenMailUtil.getBody(escalation)).contains("first response").contains(complaint.getCustomerName());
		// the link in the mail lands on the complaint's page, not on the API
		assertThat(GreenMailUtil.getBody(escalation).replace("=\r\n", "").replace("=3D", "="))
			.contains("/complaints/" + complaint.getId()).doesNotContain("/api/complaints");
		assertThat(recipientsOf("SLA breached: complaint #" + complaint.getId())).doesNotContain("carol@lodestar.example");
		assertThat(complaints.findById(complaint.getId()).orElseThrow().getEscalationCount()).isEqualTo(1);

		var review = taskService.createTaskQuery().processInstanceId(pi.getId())
			.taskDefinitionKey(ComplaintToResolution.TASK_REVIEW_ESCALATION).singleResult();
		assertThat(review).hasCandidateGroup("service-manager");
		taskService.complete(review.getId(), Map.of("escalationNote", "Took it over myself."));
		assertThat(pi).hasPassed("End_EscalationReviewed").isWaitingAt(ComplaintToResolution.TASK_RESPOND);
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void warnsTheQueueAndEscalatesWhenTheResolutionIsLate() throws Exception {
		Complaint complaint = register("PRODUCT_DEFECT", CustomerTier.STANDARD, "WEB", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);

		execute(timer(pi, ComplaintToResolution.TIMER_RESOLUTION_WARNING));
		assertThat(pi).hasPassed(ComplaintToResolution.TASK_WARN_RESOLUTION, "End_ResolutionWarned")
			.isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		awaitMail("carol@lodestar.example", "Due soon: resolution of complaint #" + complaint.getId());

		execute(timer(pi, ComplaintToResolution.TIMER_RESOLUTION_BREACHED));
		assertThat(pi).hasPassed(ComplaintToResolution.TASK_ESCALATE_RESOLUTION)
			.isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE, ComplaintToResolution.TASK_REVIEW_ESCALATION);
		MimeMessage escalation = awaitMail("dave@lodestar.example", "SLA breached: complaint #" + complaint.getId());
		assertThat(escalation.getSubject()).contains("resolution");
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void theInvestigationGoesBackToTheAgentWhoGaveTheFirstResponseAndTheNoteStaysWithTheCase() {
		Complaint complaint = register("DELIVERY", CustomerTier.STANDARD, "PHONE", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		var respond = workOf(pi);
		taskService.claim(respond.getId(), "carol");
		taskService.complete(respond.getId(), Map.of("contactNote", "Promised a new delivery date by tomorrow."));

		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE)
			.variables()
			.containsEntry(ComplaintToResolution.VAR_FIRST_RESPONDER, "carol");
		assertThat(workOf(pi)).isAssignedTo("carol");
		// the queue stays the fallback: the role is still a candidate
		assertThat(taskService.getIdentityLinksForTask(workOf(pi).getId()))
			.anyMatch(link -> "candidate".equals(link.getType()) && "service-agent".equals(link.getGroupId()));
		assertThat(workOf(pi).getPriority()).isEqualTo(50);
		Complaint responded = complaints.findById(complaint.getId()).orElseThrow();
		assertThat(responded.getFirstResponseNote()).isEqualTo("Promised a new delivery date by tomorrow.");
		assertThat(responded.getFirstResponseBy()).isEqualTo("carol");
		assertThat(customerService.interactions(responded.getCustomerId(), 10, "carol"))
			.anyMatch(i -> i.summary().equals("First response to complaint #" + complaint.getId()
					+ ": Promised a new delivery date by tomorrow.") && i.recordedBy().equals("carol"));
		assertThat(caseContext.describe(ComplaintToResolution.PROCESS_KEY, complaint.getId().toString(), "carol")
			.orElseThrow()
			.facts()).contains(new dev.lodestar.worklist.CaseContext.Fact("case.complaint.firstResponse",
					"Promised a new delivery date by tomorrow. (carol)"));

		// sent back by the manager: the same agent again
		taskService.complete(workOf(pi).getId(), Map.of("resolution", "Full refund.", "compensation", 900));
		assertThat(workOf(pi).getPriority()).isEqualTo(50);
		taskService.complete(workOf(pi).getId(), Map.of("compensationApproved", false, "approvalNote", "too much"));
		assertThat(workOf(pi)).isAssignedTo("carol");
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Test
	void anSlaBreachReviewIsMoreUrgentThanTheCasesOwnTasks() {
		Complaint complaint = register("DELIVERY", CustomerTier.STANDARD, "PHONE", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		execute(timer(pi, ComplaintToResolution.TIMER_RESPONSE_BREACHED));
		var review = taskService.createTaskQuery().processInstanceId(pi.getId())
			.taskDefinitionKey(ComplaintToResolution.TASK_REVIEW_ESCALATION).singleResult();
		assertThat(review.getPriority()).isEqualTo(70).isGreaterThan(workOf(pi).getPriority());
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	@Autowired
	ComplaintMailbox mailbox;

	@Autowired
	ComplaintSlaClock slaClock;

	@Test
	void threeDaysWaitingForTheCustomerCauseNoBreachAndTheClockRunsOnWithTheTimeThatWasLeft() throws Exception {
		// Monday 10:00 (a working day and three more after it), in the working calendar's zone
		java.time.LocalDate day = java.time.LocalDate.now(calendar.zone()).plusWeeks(1)
			.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
		while (!(calendar.isWorkingDay(day) && calendar.isWorkingDay(day.plusDays(3)))) {
			day = day.plusWeeks(1);
		}
		Instant monday = day.atTime(10, 0).atZone(calendar.zone()).toInstant();
		try {
			org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(monday));
			// safety: 8 business hours to resolve, long gone after three days
			Complaint complaint = register("SAFETY", CustomerTier.STANDARD, "WEB", uniqueEmail());
			ProcessInstance pi = instanceOf(complaint);
			respond(pi);
			Date breachBefore = timer(pi, ComplaintToResolution.TIMER_RESOLUTION_BREACHED).getDuedate();
			assertThat(breachBefore).isEqualTo(calendar.deadline(Date.from(monday), 8));

			// an hour later carol asks the customer: 7 business hours are left
			org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(monday.plus(Duration.ofHours(1))));
			slaClock.askCustomer(complaint.getId(), "Which batch number is on the label?", "carol");
			assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_AWAIT_CUSTOMER_ANSWER);
			assertThat(timer(pi, ComplaintToResolution.TIMER_RESOLUTION_BREACHED).getDuedate()).isEqualTo(ComplaintSlaClock.STOPPED);
			assertThat(slaClock.isWaiting(complaint.getId())).isTrue();

			// three days later the customer's mail comes in: no timer of the resolution was due meanwhile
			Instant thursday = monday.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
			org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(thursday));
			assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().active().list()).isEmpty();
			mailbox.addReply(complaint.getId(), new InboundMail(complaint.getCustomerEmail(), "Customer",
					"Re: [" + ComplaintMailbox.reference(complaint.getId()) + "] batch", "It says B-2291.", "<b2291@example.com>",
					List.of(), List.of(), thursday), "mail");

			assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE)
				.hasPassed(ComplaintToResolution.TASK_AWAIT_CUSTOMER_ANSWER)
				.hasNotPassed(ComplaintToResolution.TASK_ESCALATE_RESOLUTION, ComplaintToResolution.TASK_WARN_RESOLUTION);
			Duration paused = slaClock.pausedTime(complaint.getId(), monday);
			assertThat(paused).isEqualTo(calendar.between(monday.plus(Duration.ofHours(1)), thursday));
			Date breachAfter = timer(pi, ComplaintToResolution.TIMER_RESOLUTION_BREACHED).getDuedate();
			// the 7 business hours left at the pause, counted from the reply
			assertThat(breachAfter).isEqualTo(Date.from(calendar.plus(thursday, Duration.ofHours(7))))
				.isEqualTo(Date.from(calendar.plus(breachBefore.toInstant(), paused)));
			assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().active().list()).isEmpty();
			assertThat(workOf(pi).getDueDate()).isEqualTo(breachAfter);
			assertThat(complaints.findById(complaint.getId()).orElseThrow().getResolutionDueAt()).isEqualTo(breachAfter.toInstant());

			// the pause and the resume are in the case's history, with who and why
			List<SlaPause> pauses = slaClock.pauses(complaint.getId());
			assertThat(pauses).singleElement().satisfies(p -> {
				assertThat(p.getPausedBy()).isEqualTo("carol");
				assertThat(p.getPauseNote()).isEqualTo("Which batch number is on the label?");
				assertThat(p.getPausedAt()).isEqualTo(monday.plus(Duration.ofHours(1)));
				assertThat(p.getResumedAt()).isEqualTo(thursday);
				assertThat(p.getResumedHow()).isEqualTo(SlaPause.Resumed.MAIL);
				assertThat(p.getResumedBy()).isEqualTo("customer");
			});
			assertThat(slaClock.isWaiting(complaint.getId())).isFalse();
			var browser = new Browser(port);
			browser.post("http://localhost:" + port + "/login", Map.of("username", "carol", "password", "carol"));
			String page = browser.get("http://localhost:" + port + "/complaints/" + complaint.getId()).body();
			assertThat(page).contains("id=\"complaint-sla-pauses\"", "Clock stopped by", "Which batch number is on the label?",
					"Clock running again: the customer answered by mail");
			String zh = browser.get("http://localhost:" + port + "/complaints/" + complaint.getId() + "?lang=zh-CN").body();
			assertThat(zh).contains("计时由", "Which batch number is on the label?", "计时恢复：客户已通过邮件答复");

			// carol resolves an hour after the reply: the cockpit's SLA compliance (a completed
			// complaint task with a due date, on time when it ended by it) counts it on time
			org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(thursday.plus(Duration.ofHours(1))));
			investigate(pi, "Batch B-2291 recalled: replaced.", 0);
			Map<String, Object> done = jdbc.queryForMap("select ID_, END_TIME_, DUE_DATE_ from ACT_HI_TASKINST"
					+ " where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = ? and DELETE_REASON_ = 'completed'", pi.getId(),
					ComplaintToResolution.TASK_INVESTIGATE);
			java.sql.Timestamp end = (java.sql.Timestamp) done.get("END_TIME_");
			java.sql.Timestamp due = (java.sql.Timestamp) done.get("DUE_DATE_");
			assertThat(end.after(due)).as("on time by the cockpit's rule").isFalse();
			assertThat(end.toInstant()).as("late without the pause").isAfter(breachBefore.toInstant());
			// and the cockpit's own drill-down of its SLA compliance, as erin reads it, says so
			user("erin", "executive");
			String endDay = end.toInstant().atZone(calendar.zone()).toLocalDate().toString();
			var cockpitCases = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/insight/cases?kpi=SERVICE_SLA_COMPLIANCE&from="
						+ endDay + "&to=" + endDay))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("erin:erin".getBytes()))
				.header("Accept", "application/json")
				.header("Accept-Language", "en")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(cockpitCases.statusCode()).as(cockpitCases.body()).isEqualTo(200);
			var row = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cockpitCases.body()).path("cases");
			String taskId = (String) done.get("ID_");
			assertThat(row.findParents("id").stream().filter(c -> taskId.equals(c.path("id").asText())).toList())
				.as("the investigation in the cockpit's SLA cases").singleElement()
				.satisfies(c -> assertThat(c.path("value").asText()).isEqualTo("on time"));
			runtimeService.deleteProcessInstance(pi.getId(), "path checked");
		}
		finally {
			org.camunda.bpm.engine.impl.util.ClockUtil.reset();
		}
	}

	@Test
	void aCustomerWhoDoesNotAnswerInFiveDaysSendsTheCaseBackToTheAgentAndAnAgentCanResumeByHand() {
		Complaint complaint = register("PRODUCT_DEFECT", CustomerTier.STANDARD, "WEB", uniqueEmail());
		ProcessInstance pi = instanceOf(complaint);
		respond(pi);
		slaClock.askCustomer(complaint.getId(), "Can you send a photo?", "carol");
		execute(timer(pi, ComplaintToResolution.TIMER_CUSTOMER_SILENT));
		assertThat(pi).hasPassed(ComplaintToResolution.TIMER_CUSTOMER_SILENT)
			.isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		assertThat(slaClock.pauses(complaint.getId())).singleElement()
			.satisfies(p -> assertThat(p.getResumedHow()).isEqualTo(SlaPause.Resumed.TIMEOUT));

		slaClock.askCustomer(complaint.getId(), "Still there?", "carol");
		slaClock.resumeByHand(complaint.getId(), "The customer called back.", "carol");
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		assertThat(slaClock.pauses(complaint.getId())).hasSize(2).last()
			.satisfies(p -> assertThat(p.getResumedHow()).isEqualTo(SlaPause.Resumed.AGENT));
		// a case that does not wait cannot be resumed, and a mail just stays on the thread
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> slaClock.resumeByHand(complaint.getId(), "again", "carol"))
			.isInstanceOf(dev.lodestar.system.ConflictException.class);
		assertThat(slaClock.customerWrote(complaint.getId(), "Re: photo")).isFalse();
		runtimeService.deleteProcessInstance(pi.getId(), "path checked");
	}

	// --- helpers

	private Complaint register(String category, CustomerTier tier, String channel, String email) {
		return complaintService.register(new ComplaintIntake("Test Customer " + UUID.randomUUID().toString().substring(0, 8),
				email, "+49 30 1234567", channel, category, "Process test complaint " + UUID.randomUUID(), null, null),
				tier, "carol");
	}

	private ProcessInstance instanceOf(Complaint complaint) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(complaint.getId().toString())
			.singleResult();
	}

	private void respond(ProcessInstance pi) {
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_RESPOND);
		taskService.complete(workOf(pi).getId(), Map.of("contactNote", "Called the customer."));
	}

	private void investigate(ProcessInstance pi, String resolution, Number compensation) {
		assertThat(pi).isWaitingAt(ComplaintToResolution.TASK_INVESTIGATE);
		taskService.complete(workOf(pi).getId(), Map.of("resolution", resolution, "compensation", compensation));
	}

	private org.camunda.bpm.engine.task.Task workOf(ProcessInstance pi) {
		return taskService.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskDefinitionKeyIn(ComplaintToResolution.TASK_RESPOND, ComplaintToResolution.TASK_INVESTIGATE,
					ComplaintToResolution.TASK_APPROVE_COMPENSATION, ComplaintToResolution.TASK_CAPTURE_ARTICLE,
					ComplaintToResolution.TASK_CALL_WITH_RESOLUTION)
			.singleResult();
	}

	private Job timer(ProcessInstance pi, String activityId) {
		return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
	}

	private String latestTokenFor(Complaint complaint) {
		String body = jdbc.queryForObject(
				"select body_text from crm_notification where kind = 'complaint-resolved' and recipient_email = ? order by id desc fetch first 1 rows only",
				String.class, complaint.getCustomerEmail());
		String link = confirmLinkIn(body);
		return link.substring(link.lastIndexOf('/') + 1);
	}

	private static String confirmLinkIn(String body) {
		Matcher matcher = Pattern.compile("(http://\\S+/public/complaints/confirmation/[A-Za-z0-9_-]+)").matcher(body);
		assertThat(matcher.find()).as("a confirmation link in %s", body).isTrue();
		return matcher.group(1);
	}

	private static String uniqueEmail() {
		return "customer-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
	}

	private static MimeMessage awaitMail(String address, String subjectPart) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().contains(subjectPart)
						&& Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElse(null), m -> m != null);
	}

	private static List<String> recipientsOf(String subjectPart) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().contains(subjectPart);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).flatMap(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).map(Object::toString);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static org.assertj.core.data.TemporalUnitOffset within1s() {
		return new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.SECONDS);
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A customer's browser: keeps cookies and sends the page's CSRF token with the form. */
	static final class Browser {

		private final int port;

		Browser(int port) {
			this.port = port;
		}

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();

		HttpResponse<String> get(String url) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Posts a form as a browser would, with the CSRF token any page of the site hands out. */
		HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
			String pageWithForm = get("http://localhost:" + port + "/login").body();
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pageWithForm);
			StringBuilder form = new StringBuilder();
			if (csrf.find()) {
				form.append("_csrf=").append(URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
			}
			fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
				.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			return client.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
