package dev.lodestar.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.calendar.BusinessCalendar;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.complaint.ComplaintToResolution;
import dev.lodestar.complaint.CustomerTier;
import dev.lodestar.knowledge.KnowledgeBase;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;

/**
 * "A day in Lodestar" for the service desk: carol has complaints on time, at the warning point,
 * breached (escalated to dave), and one resolved that waits for the customer; dave has an
 * article draft to publish. Everything goes through the real process: complaints are received
 * (some earlier today or this week, as a voicemail or a letter would be), tasks are completed as
 * carol, and timers that are due are executed. Runs once: a restart finds the demo complaints
 * and adds nothing. {@code lodestar.demo.complaint=false} switches it off.
 */
@Component
@Order(120)
@ConditionalOnExpression("${lodestar.demo.enabled:false} and ${lodestar.demo.complaint:true}")
class ComplaintDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(ComplaintDemoData.class);

	static final String MARKER_EMAIL = "mei.chen@customers.lodestar.example";

	/** The demo's service agent, who works the demo complaints through the one door for task work. */
	private static final Caller CAROL = new Caller("carol", List.of(Roles.SERVICE_AGENT, Roles.EMPLOYEE));

	private final ComplaintService complaintService;
	private final TaskService taskService;
	private final WorklistService worklist;
	private final ManagementService managementService;
	private final IdentityService identityService;
	private final BusinessCalendar calendar;
	private final KnowledgeBase knowledgeBase;
	private final Clock clock;
	private final org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration;

	ComplaintDemoData(ComplaintService complaintService, TaskService taskService,
			ManagementService managementService, IdentityService identityService, BusinessCalendar calendar,
			KnowledgeBase knowledgeBase, Clock clock,
			org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration,
			WorklistService worklist) {
		this.engineConfiguration = engineConfiguration;
		this.worklist = worklist;
		this.complaintService = complaintService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.identityService = identityService;
		this.calendar = calendar;
		this.knowledgeBase = knowledgeBase;
		this.clock = clock;
	}

	@Override
	public void seed() {
		if (DemoCases.standAside(engineConfiguration)) {
			return;
		}
		if (!complaintService.search(null, MARKER_EMAIL, null, null, 1).isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		articles();

		// on time: received just now, carol has it
		Complaint onTime = receive("Mei Chen", MARKER_EMAIL, "+86 21 5555 0101", "PRODUCT_DEFECT", CustomerTier.GOLD,
				"WEB", "The new sofa's left cushion seam split after two days.", now);
		claim(onTime);

		// warning: a delivery complaint by e-mail (8 business hours to respond), past 75% of its target
		// and still an hour or more before the breach, so that a newcomer sees the warning state
		Instant warningStart = startWhere(8, start -> !calendar.warning(start, 8).after(Date.from(now))
				&& calendar.deadline(start, 8).after(Date.from(now.plus(Duration.ofMinutes(60)))), now);
		Complaint atWarning = receive("Lukas Weber", "lukas.weber@customers.lodestar.example", "+49 30 5550 1234",
				"DELIVERY", CustomerTier.STANDARD, "EMAIL",
				"The wardrobe was promised for Tuesday and has not arrived; nobody answers the phone.", warningStart);
		claim(atWarning);
		fireDueTimers(atWarning);

		// breached: a billing complaint (8 business hours) whose first response is late; dave was told
		Instant breachedStart = startWhere(8,
				start -> calendar.deadline(start, 8).before(Date.from(now.minus(Duration.ofHours(1)))), now);
		Complaint breached = receive("Amara Okafor", "amara.okafor@customers.lodestar.example", "+44 20 7946 0321",
				"BILLING", CustomerTier.STANDARD, "EMAIL", "I was charged twice for the dining table.", breachedStart);
		claim(breached);
		fireDueTimers(breached);

		// resolved: carol answered, proposed a resolution; the customer has the link and has not answered yet
		Complaint resolved = receive("Sofia Rossi", "sofia.rossi@customers.lodestar.example", "+39 02 5550 7788",
				"SERVICE", CustomerTier.STANDARD, "STORE",
				"The store staff could not tell me when my order would be ready.", now.minus(Duration.ofHours(2)));
		asCarol(() -> {
			complete(resolved, ComplaintToResolution.TASK_RESPOND, Map.of("contactNote",
					"Called Ms Rossi back, apologised, checked the order: ready on Friday."));
			complete(resolved, ComplaintToResolution.TASK_INVESTIGATE, Map.of("resolution",
					"Your order is ready for pick-up on Friday; the store will call you the day before.",
					"compensation", 0));
		});
		log.info("Demo complaints in place: #{} on time, #{} at warning, #{} breached, #{} awaiting confirmation",
				onTime.getId(), atWarning.getId(), breached.getId(), resolved.getId());
	}

	private void articles() {
		var published = knowledgeBase.draft(new KnowledgeBase.ArticleText("Damaged delivery: what to offer",
				"Ask for a photo of the damage and the delivery note. Offer a replacement part first; if the "
						+ "item is unusable, arrange collection and a new delivery within five working days.",
				List.of("delivery", "damage"), "DELIVERY"), null, "carol");
		knowledgeBase.publish(published.getId(), "dave");
		// dave's own article: the one the intake screen suggests when Amara Okafor calls about billing again
		var billing = knowledgeBase.draft(new KnowledgeBase.ArticleText("Double charge on a card payment",
				"Check the payment provider's report for **two captures** of the same amount.\n\n"
						+ "1. Refund the second capture at once.\n"
						+ "2. Tell the customer the refund shows within three to five banking days.\n"
						+ "3. Log the call on the customer, so that the next agent sees it.",
				List.of("billing", "refund"), "BILLING"), null, "dave");
		knowledgeBase.publish(billing.getId(), "dave");
		knowledgeBase.draft(new KnowledgeBase.ArticleText("Split cushion seams on sofas",
				"Seams that split within the first month are a manufacturing defect: send a replacement cover "
						+ "and report the batch number to quality.",
				List.of("sofa", "defect"), "PRODUCT_DEFECT"), null, "carol");
	}

	private Complaint receive(String name, String email, String phone, String category, CustomerTier tier,
			String channel, String description, Instant receivedAt) {
		Instant now = clock.instant();
		return complaintService.register(new ComplaintIntake(name, email, phone, channel, category, description, null,
				receivedAt.isAfter(now) ? now : receivedAt), tier, "carol");
	}

	/** The latest start (10-minute steps back from now, at most 20 days) whose targets fit the story. */
	private Instant startWhere(int hours, Predicate<Date> fits, Instant now) {
		Instant start = now;
		Instant earliest = now.minus(Duration.ofDays(20));
		while (start.isAfter(earliest)) {
			if (fits.test(Date.from(start))) {
				return start;
			}
			start = start.minus(Duration.ofMinutes(10));
		}
		return earliest;
	}

	private void claim(Complaint complaint) {
		worklist.claim(CAROL, task(complaint).getId());
	}

	private void fireDueTimers(Complaint complaint) {
		Date now = Date.from(clock.instant());
		managementService.createJobQuery()
			.processInstanceId(task(complaint).getProcessInstanceId())
			.timers()
			.duedateLowerThan(now)
			.orderByJobDuedate()
			.asc()
			.list()
			.forEach(job -> managementService.executeJob(job.getId()));
	}

	private void complete(Complaint complaint, String taskKey, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(complaint.getId().toString())
			.taskDefinitionKey(taskKey)
			.singleResult();
		worklist.complete(CAROL, task.getId(), variables, java.util.Locale.ENGLISH);
	}

	private Task task(Complaint complaint) {
		return taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(complaint.getId().toString())
			.taskDefinitionKey(ComplaintToResolution.TASK_RESPOND)
			.singleResult();
	}

	private void asCarol(Runnable work) {
		identityService.setAuthentication("carol", List.of(Roles.SERVICE_AGENT, Roles.EMPLOYEE));
		try {
			work.run();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
