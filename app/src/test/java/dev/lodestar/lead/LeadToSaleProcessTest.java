package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.notification.NotificationService;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;

/**
 * Walks every path of processes/lead-to-sale.bpmn through the real engine, services and
 * database; {@link ProcessCoverageVerifier} then checks that every flow node and sequence flow
 * was covered.
 */
@ExtendWith(ProcessCoverageVerifier.class)
@LodestarIntegrationTest
@Import(ProcessEngineCoverageConfiguration.class)
class LeadToSaleProcessTest {

	private static final Set<String> REP = Set.of("sales-rep", "employee");
	private static final Set<String> MANAGER = Set.of("sales-manager", "employee");
	private static final Set<String> AGENT = Set.of("service-agent", "employee");

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	dev.lodestar.lead.LeadCapture capture;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadSteps steps;

	@Autowired
	CustomerService customers;

	@Autowired
	NotificationService notifications;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void setUp() {
		init(processEngine);
	}

	@AfterEach
	void tearDown() {
		reset();
	}

	@Test
	void aNewLeadIsMatchedRoutedAndQueuedForTheSalesReps() {
		var lead = capture("WEB", "EMEA", null, null, "ada." + tag + "@alpha.example");
		ProcessInstance pi = instance(lead.id());

		assertThat(pi).hasPassed(LeadProcess.MATCH_CUSTOMER, LeadProcess.ROUTE_LEAD)
			.hasNotPassed(LeadProcess.REVIEW_DUPLICATE)
			.isWaitingAt(LeadProcess.QUALIFY_LEAD);
		assertThat(pi).task().hasCandidateGroup("sales-rep");
		assertThat(pi).variables().containsEntry(LeadProcess.PRIORITY, "MEDIUM").containsEntry(LeadProcess.FOLLOW_UP_DAYS, 3);
		var view = pipeline.get(lead.id());
		assertThat(view.stage()).isEqualTo(LeadStage.QUALIFYING);
		assertThat(view.customerId()).isNotNull();
		assertThat(view.openTasks().get(0).formKey()).isEqualTo("lead-qualify");
		assertThat(task(pi).getPriority()).as("a MEDIUM lead's task").isEqualTo(50);
	}

	@Test
	void aKeyAccountIsRoutedToTheSalesManagers() {
		var lead = capture("WEB", "APAC", null, "250000", null);
		assertThat(instance(lead.id())).isWaitingAt(LeadProcess.QUALIFY_LEAD).task().hasCandidateGroup("sales-manager");
		assertThat(pipeline.get(lead.id()).priority()).isEqualTo("HIGH");
		assertThat(pipeline.get(lead.id()).queue()).isEqualTo("sales-manager");
		assertThat(task(instance(lead.id())).getPriority()).as("a HIGH lead's task comes first").isEqualTo(80);
	}

	@Test
	void aDisqualifiedLeadEndsWithItsReason() {
		var lead = capture("EVENT", "APAC", null, null, null);
		ProcessInstance pi = instance(lead.id());
		assertThatThrownBy(() -> step(lead.id(), LeadProcess.QUALIFY_LEAD, "alice", REP, Map.of("qualified", false)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("disqualifyReason"));

		step(lead.id(), LeadProcess.QUALIFY_LEAD, "alice", REP, Map.of("qualified", false, "disqualifyReason", "Students"));

		assertThat(pi).isEnded().hasPassed(LeadProcess.END_LEAD_DISQUALIFIED);
		var view = pipeline.get(lead.id());
		assertThat(view.stage()).isEqualTo(LeadStage.DISQUALIFIED);
		assertThat(view.disqualifyReason()).isEqualTo("Students");
	}

	@Test
	void qualifyingNeedsAllFourBantAnswers() {
		var lead = capture("WEB", "NA", null, null, null);
		assertThatThrownBy(() -> step(lead.id(), LeadProcess.QUALIFY_LEAD, "alice", REP,
				Map.of("qualified", true, "budget", "50k")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactlyInAnyOrder("decisionMaker", "need", "timeline"));
		assertThat(instance(lead.id())).isWaitingAt(LeadProcess.QUALIFY_LEAD);
		assertThat(pipeline.get(lead.id()).stage()).isEqualTo(LeadStage.QUALIFYING);
	}

	@Test
	void aWonDealWithinTheDiscountLimitIsHandedOverForAWelcomeCall() {
		var lead = capture("REFERRAL", "EMEA", "SMB", "40000", null);
		qualify(lead.id(), "alice");
		ProcessInstance pi = instance(lead.id());
		assertThat(pi).hasPassed(LeadProcess.OPEN_OPPORTUNITY).isWaitingAt(LeadProcess.PREPARE_PROPOSAL).task().isAssignedTo("alice");

		assertThatThrownBy(() -> step(lead.id(), LeadProcess.PREPARE_PROPOSAL, "alice", REP, Map.of("discountPercent", 5)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactlyInAnyOrder("amount", "decisionMaker", "nextFollowUp"));

		propose(lead.id(), "alice", "40000", "5");
		assertThat(pi).hasPassed(LeadProcess.GATEWAY_DISCOUNT_NEEDS_APPROVAL)
			.hasNotPassed(LeadProcess.APPROVE_DISCOUNT)
			.isWaitingAt(LeadProcess.NEGOTIATE_DEAL);
		assertThat(pipeline.get(lead.id()).opportunity().stage()).isEqualTo(OpportunityStage.NEGOTIATION);

		step(lead.id(), LeadProcess.NEGOTIATE_DEAL, "alice", REP, Map.of("won", "true"));
		assertThat(pi).hasPassed(LeadProcess.HAND_OVER_CUSTOMER).isWaitingAt(LeadProcess.WELCOME_CALL)
			.task().hasCandidateGroup("service-agent");
		var won = pipeline.get(lead.id()).opportunity();
		assertThat(won.stage()).isEqualTo(OpportunityStage.WON);
		assertThat(won.finalAmount()).isEqualByComparingTo("38000");

		step(lead.id(), LeadProcess.WELCOME_CALL, "carol", AGENT, Map.of("welcomeNotes", "Onboarding call booked"));
		assertThat(pi).isEnded().hasPassed(LeadProcess.END_CUSTOMER_ONBOARDED);
		var log = customers.interactions(pipeline.get(lead.id()).customerId(), 10, "alice");
		assertThat(log).extracting(i -> i.summary()).contains("Onboarding call booked")
			.anyMatch(s -> s.startsWith("Deal won (lead #" + lead.id()));
	}

	@Test
	void aRejectedDiscountSendsTheProposalBackAndALostDealNeedsAReason() {
		var lead = capture("PARTNER", "LATAM", null, null, null);
		qualify(lead.id(), "alice");
		propose(lead.id(), "alice", "20000", "25");
		ProcessInstance pi = instance(lead.id());
		assertThat(pi).isWaitingAt(LeadProcess.APPROVE_DISCOUNT).task().hasCandidateGroup("sales-manager");
		assertThat(pipeline.get(lead.id()).opportunity().stage()).isEqualTo(OpportunityStage.DISCOUNT_APPROVAL);

		assertThatThrownBy(() -> step(lead.id(), LeadProcess.APPROVE_DISCOUNT, "bob", MANAGER,
				Map.of("discountApproved", false)))
			.isInstanceOf(InvalidInputException.class);
		step(lead.id(), LeadProcess.APPROVE_DISCOUNT, "bob", MANAGER,
				Map.of("discountApproved", false, "discountComment", "15 % at most"));
		assertThat(pi).isWaitingAt(LeadProcess.PREPARE_PROPOSAL).task().isAssignedTo("alice");
		assertThat(pipeline.get(lead.id()).opportunity().discountComment()).isEqualTo("15 % at most");

		propose(lead.id(), "alice", "20000", "10");
		assertThat(pi).isWaitingAt(LeadProcess.NEGOTIATE_DEAL);
		assertThatThrownBy(() -> step(lead.id(), LeadProcess.NEGOTIATE_DEAL, "alice", REP, Map.of("won", "false")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors().get(0).field()).isEqualTo("lostReason"));
		step(lead.id(), LeadProcess.NEGOTIATE_DEAL, "alice", REP, Map.of("won", "false", "lostReason", "Chose a competitor"));
		assertThat(pi).isEnded().hasPassed(LeadProcess.END_DEAL_LOST);
		assertThat(pipeline.get(lead.id()).opportunity().lostReason()).isEqualTo("Chose a competitor");
	}

	@Test
	void anApprovedDiscountGoesOnToNegotiation() {
		var lead = capture("WEB", "NA", "ENTERPRISE", null, null);
		qualify(lead.id(), "alice");
		propose(lead.id(), "alice", "90000", "20");
		step(lead.id(), LeadProcess.APPROVE_DISCOUNT, "bob", MANAGER, Map.of("discountApproved", true));
		assertThat(instance(lead.id())).hasPassed(LeadProcess.GATEWAY_DISCOUNT_APPROVED).isWaitingAt(LeadProcess.NEGOTIATE_DEAL);
		var opportunity = pipeline.get(lead.id()).opportunity();
		assertThat(opportunity.discountDecision()).isEqualTo("APPROVED");
		assertThat(opportunity.discountDecidedBy()).isEqualTo("bob");
	}

	@Test
	void aRepCannotCompleteTheManagersApprovalAndAFinishedStepIsAConflict() {
		var lead = capture("WEB", "NA", null, null, null);
		qualify(lead.id(), "alice");
		propose(lead.id(), "alice", "10000", "30");
		assertThatThrownBy(() -> step(lead.id(), LeadProcess.APPROVE_DISCOUNT, "alice", REP, Map.of("discountApproved", true)))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		step(lead.id(), LeadProcess.APPROVE_DISCOUNT, "bob", MANAGER, Map.of("discountApproved", true));
		assertThatThrownBy(() -> step(lead.id(), LeadProcess.APPROVE_DISCOUNT, "bob", MANAGER, Map.of("discountApproved", true)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anUntouchedLeadGoesBackToTheQueueAndTheManagersAreTold() {
		var lead = capture("WEB", "EMEA", null, null, null);
		ProcessInstance pi = instance(lead.id());
		var task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		taskService.claim(task.getId(), "alice");
		assertThat(pipeline.get(lead.id()).owner()).isEqualTo("alice");
		var due = task.getDueDate().toInstant();
		assertThat(due).isBetween(Instant.now().plus(3, ChronoUnit.DAYS).minusSeconds(120),
				Instant.now().plus(3, ChronoUnit.DAYS).plusSeconds(120));

		var timer = managementService.createJobQuery().processInstanceId(pi.getId())
			.activityId(LeadProcess.TIMER_LEAD_UNTOUCHED).singleResult();
		assertThat(timer.getDuedate().toInstant()).isAfter(due);
		managementService.executeJob(timer.getId());

		assertThat(pi).hasPassed(LeadProcess.RETURN_LEAD_TO_QUEUE).isWaitingAt(LeadProcess.QUALIFY_LEAD).task().isNotAssigned();
		var view = pipeline.get(lead.id());
		assertThat(view.owner()).isNull();
		assertThat(view.timesReturned()).isEqualTo(1);
		assertThat(notifications.recentFor("bob", 20)).anyMatch(n -> n.getSubject().contains("Lead #" + lead.id() + " "));
	}

	@Test
	void remindersFireOnTheProposalAndOnTheFollowUpDateWithoutStoppingTheWork() {
		var lead = capture("WEB", "EMEA", null, null, null);
		qualify(lead.id(), "alice");
		ProcessInstance pi = instance(lead.id());
		var proposalReminder = managementService.createJobQuery().processInstanceId(pi.getId())
			.activityId(LeadProcess.TIMER_PROPOSAL_REMINDER).singleResult();
		managementService.executeJob(proposalReminder.getId());
		assertThat(pi).hasPassed(LeadProcess.REMIND_PROPOSAL, LeadProcess.END_PROPOSAL_REMINDER_SENT)
			.isWaitingAt(LeadProcess.PREPARE_PROPOSAL);

		propose(lead.id(), "alice", "5000", "0");
		var task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		var followUp = pipeline.get(lead.id()).opportunity().nextFollowUp();
		assertThat(task.getDueDate().toInstant()).isEqualTo(followUp.truncatedTo(ChronoUnit.MILLIS));
		var followUpTimer = managementService.createJobQuery().processInstanceId(pi.getId())
			.activityId(LeadProcess.TIMER_FOLLOW_UP_DUE).singleResult();
		assertThat(followUpTimer.getDuedate().toInstant()).isEqualTo(followUp.truncatedTo(ChronoUnit.MILLIS));
		managementService.executeJob(followUpTimer.getId());

		assertThat(pi).hasPassed(LeadProcess.REMIND_FOLLOW_UP, LeadProcess.END_FOLLOW_UP_REMINDER_SENT)
			.isWaitingAt(LeadProcess.NEGOTIATE_DEAL);
		assertThat(notifications.recentFor("alice", 50)).filteredOn(n -> n.getSubject().contains("#" + lead.id() + " "))
			.hasSize(2);
	}

	@Test
	void aLikelyDuplicateIsMergedIntoTheExistingCustomerWhenTheRepSaysSo() {
		var existing = customers.createOrLink(CustomerDraft.company("Beacon " + tag + " GmbH", "Uma", null, null, "EMEA"),
				"alice");
		var lead = capture("Beacon " + tag + " Ltd", "WEB", "EMEA", null, null, null);
		ProcessInstance pi = instance(lead.id());
		assertThat(pi).isWaitingAt(LeadProcess.REVIEW_DUPLICATE).task().hasCandidateGroup("sales-rep");
		assertThat(pipeline.get(lead.id()).stage()).isEqualTo(LeadStage.DUPLICATE_REVIEW);
		assertThat(pipeline.get(lead.id()).duplicateOfId()).isEqualTo(existing.customer().id());

		step(lead.id(), LeadProcess.REVIEW_DUPLICATE, "alice", REP, Map.of("duplicateDecision", "MERGE"));

		assertThat(pi).hasPassed(LeadProcess.ROUTE_LEAD).isWaitingAt(LeadProcess.QUALIFY_LEAD);
		var view = pipeline.get(lead.id());
		assertThat(view.customerId()).isEqualTo(existing.customer().id());
		assertThat(view.duplicateOfId()).isNull();
		assertThat(view.stage()).isEqualTo(LeadStage.QUALIFYING);
		assertThat(customers.view(existing.customer().id(), "alice").sections())
			.anySatisfy(section -> assertThat(section.entries()).anyMatch(e -> e.id().equals(String.valueOf(lead.id()))));
	}

	@Test
	void aLikelyDuplicateStaysANewCustomerWhenTheRepSaysTheyDiffer() {
		var existing = customers.createOrLink(CustomerDraft.company("Cobalt " + tag, null, null, null, null), "alice");
		var lead = capture("Cobalt " + tag + " Inc.", "PHONE", "NA", null, null, null);
		step(lead.id(), LeadProcess.REVIEW_DUPLICATE, "alice", REP, Map.of("duplicateDecision", "DISTINCT"));
		var view = pipeline.get(lead.id());
		assertThat(view.customerId()).isNotEqualTo(existing.customer().id());
		assertThat(customers.possibleDuplicates(view.customerId())).isEmpty();
		assertThat(instance(lead.id())).isWaitingAt(LeadProcess.QUALIFY_LEAD);
	}

	// ---- helpers ----

	private LeadView capture(String source, String region, String segment, String value, String email) {
		return capture("Lead " + tag + " " + UUID.randomUUID().toString().substring(0, 6), source, region, segment, value,
				email);
	}

	private LeadView capture(String company, String source, String region, String segment, String value, String email) {
		return capture.capture(new NewLead(company, "Pat Doe", email, null, source, region, "from the process test", segment,
				value), "alice");
	}

	private ProcessInstance instance(long leadId) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.singleResult();
	}

	private void step(long leadId, String task, String user, Set<String> groups, Map<String, Object> variables) {
		steps.completeStep(leadId, task, user, groups, new HashMap<>(variables));
	}

	private void qualify(long leadId, String user) {
		step(leadId, LeadProcess.QUALIFY_LEAD, user, REP, Map.of("qualified", true, "budget", "approved", "decisionMaker",
				"CFO Kim", "need", "replace spreadsheets", "timeline", "this quarter"));
	}

	private void propose(long leadId, String user, String amount, String discount) {
		step(leadId, LeadProcess.PREPARE_PROPOSAL, user, REP, Map.of("amount", new java.math.BigDecimal(amount),
				"discountPercent", new java.math.BigDecimal(discount),
				"decisionMaker", "CFO Kim", "nextFollowUp", Instant.now().plus(5, ChronoUnit.DAYS).toString()));
	}

}
