package dev.lodestar.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.activity.ActivityService;
import dev.lodestar.activity.ActivityType;
import dev.lodestar.activity.NewActivity;
import dev.lodestar.system.FormValues;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.lead.LeadProcess;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.LeadPipeline;
import dev.lodestar.lead.LeadSteps;
import dev.lodestar.lead.NewLead;
import dev.lodestar.system.EngineClock;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;

/**
 * The sales part of the demo (the README's "Tour of the pages"), made through the real process:
 * leads waiting for alice's qualification, one of them a likely duplicate of the existing
 * customer Globex; a lead alice claimed and let become overdue; a proposal waiting for bob's
 * discount approval; a lead that fell back to the queue (bob was told); a won deal awaiting
 * service's welcome call and a lost one; alice's planned calls, meetings and to-dos (one overdue,
 * one bob planned for her, one done on Globex's timeline). Where the story needs time to have passed, the
 * engine's clock is set back while the case starts, and due timers are executed.
 * Idempotent: nothing happens when the demo leads exist. {@code lodestar.demo.sales=false}
 * switches it off on its own. All in one transaction: it is created entirely or not at all.
 */
@Component
@Order(110)
@ConditionalOnExpression("${lodestar.demo.enabled:false} and ${lodestar.demo.sales:true}")
class SalesDemoData implements DemoData {

	static final String MARKER_COMPANY = "Northwind Traders";

	private static final Logger log = LoggerFactory.getLogger(SalesDemoData.class);
	private static final Set<String> REP = Set.of("sales-rep", "employee");

	private final LeadCapture capture;
	private final LeadPipeline pipeline;
	private final LeadSteps steps;
	private final CustomerService customers;
	private final TaskService taskService;
	private final WorklistService worklist;
	private final ManagementService managementService;
	private final TransactionTemplate transaction;
	private final ProcessEngineConfigurationImpl engineConfiguration;
	private final Clock clock;
	private final ActivityService activities;

	SalesDemoData(LeadCapture capture, LeadPipeline pipeline, LeadSteps steps, CustomerService customers, TaskService taskService,
			ManagementService managementService, TransactionTemplate transaction,
			ProcessEngineConfigurationImpl engineConfiguration, WorklistService worklist, Clock clock,
			ActivityService activities) {
		this.activities = activities;
		this.clock = clock;
		this.worklist = worklist;
		this.capture = capture;
		this.pipeline = pipeline;
		this.steps = steps;
		this.customers = customers;
		this.taskService = taskService;
		this.managementService = managementService;
		this.transaction = transaction;
		this.engineConfiguration = engineConfiguration;
	}

	@Override
	public void seed() {
		if (!pipeline.search(null, MARKER_COMPANY, 1).isEmpty() || DemoCases.standAside(engineConfiguration)) {
			return;
		}
		long started = System.nanoTime();
		try {
			transaction.executeWithoutResult(status -> createStory());
			log.info("Sales demo data created in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (RuntimeException e) {
			// demo data must never stop the application (or a test context whose engine is
			// instrumented, such as process-test coverage before its first test) from starting
			log.warn("Sales demo data not created (all of it rolled back): {}", e.toString());
		}
	}


	private void createStory() {
		var now = clock.instant();

		// an existing customer with history, and a new lead that looks like it
		var globex = customers.createOrLink(CustomerDraft.company("Globex Corporation", "Hank Scorpio",
				"hank@globex.example", "+1 555 0100 200", "NA"), "bob").customer();
		customers.logInteraction(globex.id(), new NewInteraction(InteractionType.MEETING, now.minus(40, ChronoUnit.DAYS),
				"bob", "Hank Scorpio", "Annual account review", "renewal likely", null, null));
		customers.logInteraction(globex.id(), new NewInteraction(InteractionType.CALL, now.minus(9, ChronoUnit.DAYS),
				"alice", "Hank Scorpio", "Asked about the new analytics module", "send brochure", null, null));

		// alice's queue: leads to qualify
		capture(MARKER_COMPANY, "Nancy Davolio", "nancy@northwind.example", "+44 20 7946 0011", "WEB", "EMEA", null,
				"Filled in the contact form: wants a demo");
		capture("Sakura Design", "Yuki Tanaka", "yuki@sakura.example", "+81 3 1234 5678", "EVENT", "APAC", "SMB",
				"Met at the Tokyo retail expo");
		capture("GLOBEX Corp.", "Mindy Simmons", "mindy@globex-europe.example", "+49 30 555 0199", "WEB", "EMEA", null,
				"Asks for a quote for the European branch");

		// alice claimed this one and let it become overdue (started 3.5 days ago; due after 3 days)
		long initech = inThePast(now.minus(84, ChronoUnit.HOURS), () -> capture("Initech", "Bill Lumbergh",
				"bill@initech.example", "+1 512 555 0134", "PHONE", "NA", null, "Called in about licences"));
		claim(initech, "alice");

		// nobody touched this one: the timer returned it to the queue and told bob
		long hooli = inThePast(now.minus(6, ChronoUnit.DAYS), () -> capture("Hooli", "Gavin Belson",
				"gavin@hooli.example", "+1 650 555 0142", "EMAIL", "NA", null, "E-mailed the sales address"));
		var untouched = managementService.createJobQuery()
			.processInstanceId(pipeline.get(hooli).processInstanceId())
			.activityId(LeadProcess.TIMER_LEAD_UNTOUCHED)
			.singleResult();
		managementService.executeJob(untouched.getId());

		// a proposal with 20 % discount waiting for bob's approval
		long umbrella = capture("Umbrella Retail", "Alice Marcus", "a.marcus@umbrella.example", "+44 161 555 0177",
				"REFERRAL", "EMEA", "SMB", "Referred by Globex");
		qualify(umbrella, "alice");
		propose(umbrella, "alice", "48000", "20", now.plus(5, ChronoUnit.DAYS));

		// a won deal (service's welcome call is next) and a lost one
		long stark = capture("Stark Industries", "Pepper Potts", "pepper@stark.example", "+1 212 555 0188", "PARTNER",
				"NA", "ENTERPRISE", "Partner introduction");
		qualify(stark, "alice");
		propose(stark, "alice", "120000", "5", now.plus(3, ChronoUnit.DAYS));
		step(stark, LeadProcess.NEGOTIATE_DEAL, "alice", REP, Map.of("won", "true"));

		long wayne = capture("Wayne Enterprises", "Lucius Fox", "lucius@wayne.example", "+1 201 555 0155", "WEB", "NA",
				null, "Downloaded the white paper");
		qualify(wayne, "alice");
		propose(wayne, "alice", "60000", "10", now.plus(2, ChronoUnit.DAYS));
		step(wayne, LeadProcess.NEGOTIATE_DEAL, "alice", REP, Map.of("won", "false", "lostReason", "Built it in-house"));

		planActivities(globex.id(), initech, umbrella, hooli);
	}

	/**
	 * alice's planned calls, meetings and to-dos (My work's "My activities"): one overdue, two ahead,
	 * one bob planned for her, one done (on Globex's timeline); and bob's own call.
	 */
	private void planActivities(long globex, long initech, long umbrella, long hooli) {
		var alice = new Caller("alice", List.of("sales-rep", "employee"));
		var bob = new Caller("bob", List.of("sales-manager", "employee"));
		Instant now = clock.instant();
		Instant tomorrowMorning = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.DAYS);
		activities.plan(new NewActivity("lead", initech, ActivityType.CALL, "Call Bill Lumbergh about the budget",
				"He asked to be called before the board meeting", now.minus(3, ChronoUnit.HOURS), null), alice);
		activities.plan(new NewActivity("lead", umbrella, ActivityType.MEETING, "Walk Alice Marcus through the proposal",
				null, tomorrowMorning, null), alice);
		activities.plan(new NewActivity("customer", globex, ActivityType.TODO, "Send Hank the analytics brochure",
				null, now.plus(2, ChronoUnit.DAYS), null), alice);
		activities.plan(new NewActivity("lead", hooli, ActivityType.CALL, "Call Gavin Belson back: the lead waits for an owner",
				"Planned by bob for alice", tomorrowMorning.plus(3, ChronoUnit.HOURS), "alice"), bob);
		var done = activities.plan(new NewActivity("customer", globex, ActivityType.CALL, "Check Hank received the renewal offer",
				null, now.minus(2, ChronoUnit.HOURS), null), alice);
		activities.done(done.id(), "He did; decision next week", alice);
		activities.plan(new NewActivity("customer", globex, ActivityType.MEETING, "Quarterly review with Globex", null,
				now.plus(7, ChronoUnit.DAYS), null), bob);
	}

	private long capture(String company, String contact, String email, String phone, String source, String region,
			String segment, String notes) {
		return capture.capture(new NewLead(company, contact, email, phone, source, region, notes, segment, null), "alice")
			.id();
	}

	private long inThePast(Instant when, java.util.function.LongSupplier work) {
		EngineClock.travelTo(when);
		try {
			return work.getAsLong();
		}
		finally {
			EngineClock.backToNow();
		}
	}

	private void claim(long leadId, String user) {
		var task = taskService.createTaskQuery().processDefinitionKey(LeadProcess.KEY).processInstanceBusinessKey(String.valueOf(leadId)).singleResult();
		worklist.claim(new Caller(user, List.copyOf(REP)), task.getId());
	}

	private void qualify(long leadId, String user) {
		step(leadId, LeadProcess.QUALIFY_LEAD, user, REP, Map.of("qualified", true, "budget", "approved for this year",
				"decisionMaker", "the CFO", "need", "one view of every customer", "timeline", "this quarter"));
	}

	private void propose(long leadId, String user, String amount, String discount, Instant followUp) {
		step(leadId, LeadProcess.PREPARE_PROPOSAL, user, REP, Map.of("amount", FormValues.decimal("amount", amount),
				"discountPercent", FormValues.decimal("discountPercent", discount),
				"decisionMaker", "the CFO", "proposalSummary", "Licences, onboarding and training", "nextFollowUp",
				followUp.toString()));
	}

	private void step(long leadId, String task, String user, Set<String> groups, Map<String, Object> variables) {
		steps.completeStep(leadId, task, user, groups, new HashMap<>(variables));
	}

}
