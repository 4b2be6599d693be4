package dev.lodestar.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.complaint.CustomerConfirmations;
import dev.lodestar.insight.KpiService;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.LeadPipeline;
import dev.lodestar.lead.LeadSteps;
import dev.lodestar.lead.NewLead;
import dev.lodestar.notification.NotificationService;
import dev.lodestar.rollout.StandaloneTrainingWaves;
import dev.lodestar.system.EngineClock;
import dev.lodestar.worklist.WorklistService;

/**
 * "Six months in Lodestar": about 40 employees in four departments, four training waves at
 * different dates, several hundred leads and complaints worked through the real processes, so
 * the cockpit shows trends, a gap between trained and untrained people and a bottleneck (the
 * sales managers' discount approval).
 *
 * <p>Once only ({@code crm_insight_marker}), while the application starts, before the web server
 * opens ({@link DemoSeeding}): each case (and each wave) moves the application's one clock
 * ({@link EngineClock#travelTo}) to its day and forward through its steps, so the engine records
 * every step at its intended time; nothing else reads the clock meanwhile. A case's clock only
 * moves forward, and a case's timers are fired only at or after the latest time the case has
 * seen, so no step ends before it starts. Outcome events are drained before the clock moves on,
 * so they land on their day. Cases are only started where they can end before today, so no timer
 * of a seeded case fires later at real time. About half of the customers answer the resolution
 * e-mail's confirmation link ({@link DemoCustomers}): most confirm with a score, some reject and
 * the complaint reopens. The waves' deadlines lie three weeks after their start, inside the
 * seeded months, so people who never took their training are overdue. Its own switches:
 * {@code lodestar.demo.history.enabled} (off in tests) and {@code lodestar.demo.history.days}.
 */
@Component
@Order(DemoHistory.ORDER)
@ConditionalOnExpression("${lodestar.demo.enabled:false} and ${lodestar.demo.history.enabled:true}")
class DemoHistory implements DemoData {

	/** After the day's story (users, sales, complaints, rollout), before this month's KPI review. */
	static final int ORDER = 800;

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	static final Set<String> SALES_REP = Set.of(Roles.SALES_REP, Roles.EMPLOYEE);
	static final Set<String> SALES_MANAGER = Set.of(Roles.SALES_MANAGER, Roles.EMPLOYEE);
	static final Set<String> SERVICE_AGENT = Set.of(Roles.SERVICE_AGENT, Roles.EMPLOYEE);

	private final int days;
	private final DemoHistoryStatus status;
	private final Clock clock;
	private final IdentityService identity;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final WorklistService worklist;
	private final ManagementService management;
	private final LeadCapture capture;
	private final LeadPipeline pipeline;
	private final LeadSteps steps;
	private final ComplaintService complaints;
	private final StandaloneTrainingWaves waves;
	private final KpiService kpis;
	private final ProcessEngineConfigurationImpl engine;
	private final DemoCustomers customers;
	private final Executor listeners;

	private final Random random = new Random(42);
	private final Map<String, String> departments = new LinkedHashMap<>();
	private final Map<String, Instant> trainedAt = new HashMap<>();
	private final Set<String> seededInstances = new HashSet<>();
	/** The latest time each seeded case has seen: its timers never fire before it. */
	private final Map<String, Instant> seenAt = new HashMap<>();
	/** The instances of the case (or wave) being worked. */
	private final Set<String> current = new HashSet<>();
	/** The real time when seeding began: a case that would reach it stays open. */
	private Instant realNow;

	DemoHistory(@Value("${lodestar.demo.history.days:182}") int days, DemoHistoryStatus status, Clock clock,
			IdentityService identity, RuntimeService runtime, TaskService tasks, ManagementService management,
			LeadCapture capture, LeadPipeline pipeline, LeadSteps steps, ComplaintService complaints, StandaloneTrainingWaves waves, KpiService kpis,
			ProcessEngineConfigurationImpl engine, WorklistService worklist, NotificationService mail,
			CustomerConfirmations confirmations, @Qualifier("applicationTaskExecutor") Executor listeners) {
		this.days = days;
		this.worklist = worklist;
		this.customers = new DemoCustomers(mail, confirmations);
		this.listeners = listeners;
		this.status = status;
		this.clock = clock;
		this.identity = identity;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.capture = capture;
		this.pipeline = pipeline;
		this.steps = steps;
		this.complaints = complaints;
		this.waves = waves;
		this.kpis = kpis;
		this.engine = engine;
	}

	@Override
	public void seed() {
		if (DemoCases.standAside(engine) || status.state() != null || !status.claim()) {
			return;
		}
		long started = System.nanoTime();
		realNow = clock.instant();
		try {
			staff();
			LocalDate today = LocalDate.ofInstant(realNow, ZoneOffset.UTC);
			LocalDate first = today.minusDays(days);
			int leadsStarted = 0;
			int complaintsStarted = 0;
			for (int d = 0; d < days; d++) {
				LocalDate day = first.plusDays(d);
				int[] counts = day(day, d);
				leadsStarted += counts[0];
				complaintsStarted += counts[1];
				if (d % 10 == 0) {
					String detail = "day " + (d + 1) + " of " + days + ": " + leadsStarted + " leads, " + complaintsStarted
							+ " complaints";
					status.progress("RUNNING", detail);
					log.info("Demo history: {}", detail);
				}
			}
			EngineClock.backToNow();
			status.progress("RUNNING", "computing the KPI snapshots");
			kpis.snapshot(first, today);
			status.progress("DONE", leadsStarted + " leads, " + complaintsStarted + " complaints over " + days + " days");
			log.info("Demo history written in {} s: {} leads, {} complaints over {} days",
					Duration.ofNanos(System.nanoTime() - started).toSeconds(), leadsStarted, complaintsStarted, days);
		}
		catch (RuntimeException ex) {
			log.warn("Demo history stopped: {}", ex.toString(), ex);
			EngineClock.backToNow();
			status.progress("FAILED", ex.toString().substring(0, Math.min(900, ex.toString().length())));
		}
		finally {
			EngineClock.backToNow();
		}
	}

	// ------------------------------------------------------------------ people

	private void staff() {
		departments.put("alice", "sales");
		departments.put("bob", "sales");
		departments.put("carol", "service");
		departments.put("dave", "service");
		departments.put("erin", "management");
		departments.put("frank", "operations");
		departments.put("henry", "operations");
		departments.put("grace", "operations");
		departments.put("admin", "operations");
		for (int i = 1; i <= 12; i++) {
			person(String.format("sales.%02d", i), "sales", i == 1 ? Roles.SALES_MANAGER : Roles.SALES_REP);
			person(String.format("service.%02d", i), "service", i == 1 ? Roles.SERVICE_MANAGER : Roles.SERVICE_AGENT);
		}
		for (int i = 1; i <= 5; i++) {
			person(String.format("operations.%02d", i), "operations", i == 5 ? Roles.TRAINER : Roles.PROJECT_TEAM);
		}
		for (int i = 1; i <= 3; i++) {
			person(String.format("management.%02d", i), "management", Roles.EXECUTIVE);
		}
		departments.forEach((id, department) -> {
			if (identity.createUserQuery().userId(id).count() > 0) {
				identity.setUserInfo(id, KpiService.DEPARTMENT_INFO, department);
			}
		});
		log.info("Demo history: {} employees in 4 departments", departments.size());
	}

	private void person(String id, String department, String role) {
		departments.put(id, department);
		if (identity.createUserQuery().userId(id).count() == 0) {
			var user = identity.newUser(id);
			String[] name = DemoNames.employee(id);
			user.setFirstName(name[0]);
			user.setLastName(name[1]);
			user.setEmail(id + "@lodestar.example");
			user.setPassword(id);
			identity.saveUser(user);
		}
		for (String group : List.of(role, Roles.EMPLOYEE)) {
			if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
				identity.createMembership(id, group);
			}
		}
	}

	private List<String> members(Predicate<String> department, String role) {
		return departments.keySet().stream().filter(id -> department.test(departments.get(id)))
			.filter(id -> identity.createUserQuery().userId(id).memberOfGroup(role).count() > 0).toList();
	}

	private boolean trained(String user) {
		Instant at = trainedAt.get(user);
		return at != null && !at.isAfter(clock.instant());
	}

	// ------------------------------------------------------------------ one simulated day

	/** Waves on their days, then the day's new leads and complaints, each worked to its end. */
	private int[] day(LocalDate day, int index) {
		switch (index) {
			case 5 -> travel(at(day, 8, 0), () -> wave(day, "EXECUTIVES", List.of(Roles.EXECUTIVE), 1.0));
			case 20 -> travel(at(day, 8, 0), () -> wave(day, "PROJECT_TEAM",
					List.of(Roles.PROJECT_TEAM, Roles.SALES_MANAGER, Roles.SERVICE_MANAGER), 1.0));
			case 60 -> travel(at(day, 8, 0), () -> wave(day, "END_USERS", List.of(Roles.SALES_REP, Roles.SERVICE_AGENT), 0.6));
			case 110 -> travel(at(day, 8, 0), () -> wave(day, "ALL_STAFF", List.of(Roles.EMPLOYEE), 0.5));
			default -> {
			}
		}
		int[] counts = { 0, 0 };
		if (day.getDayOfWeek().getValue() >= 6) {
			return counts; // weekends off
		}
		var reps = members(d -> d.equals("sales"), Roles.SALES_REP);
		var agents = members(d -> d.equals("service"), Roles.SERVICE_AGENT);
		int newLeads = 1 + random.nextInt(3);
		for (int i = 0; i < newLeads; i++) {
			String rep = reps.get(random.nextInt(reps.size()));
			if (travel(at(day, 8, 0), () -> lead(day, rep, index))) {
				counts[0]++;
			}
		}
		int newComplaints = 1 + random.nextInt(2);
		for (int i = 0; i < newComplaints; i++) {
			String agent = agents.get(random.nextInt(agents.size()));
			if (travel(at(day, 8, 0), () -> complaint(day, agent, index))) {
				counts[1]++;
			}
		}
		return counts;
	}

	private boolean wave(LocalDate day, String kind, List<String> audience, double share) {
		try {
			// the deadline lies in the simulated past by today: who never took the wave is overdue
			String pi = waves.start(kind, audience, at(day.plusDays(21), 17, 0).toInstant());
			seen(pi);
			move(at(day, 9, 0));
			Task plan = single(pi, "Task_PlanSessions");
			if (plan != null) {
				complete(plan, "grace", Map.of("sessionTitle", kind, "sessionStartsAt",
						at(day.plusDays(2), 9, 0).toInstant().toString(), "sessionLocation", "Training room 2 and online"));
			}
			var attend = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_AttendAndCheckKnowledge").list();
			int done = 0;
			// who takes it, and when: in the order of time, so the wave's clock only moves forward
			var taken = new ArrayList<Map.Entry<Date, Task>>();
			for (Task check : attend) {
				if (random.nextDouble() >= share || check.getAssignee() == null) {
					continue; // never took it: still open
				}
				taken.add(Map.entry(at(day.plusDays(2 + random.nextInt(12)), 10 + random.nextInt(6), 0), check));
			}
			taken.sort(Map.Entry.comparingByKey());
			for (var entry : taken) {
				Task check = entry.getValue();
				move(entry.getKey());
				String participant = check.getAssignee();
				// the participant's task declares no answers: the trainer records the result next
				complete(check, participant, Map.of());
				for (Task record : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_RecordAttendanceAndScore").list()) {
					if (participant.equals(tasks.getVariable(record.getId(), "participant"))) {
						complete(record, "grace", Map.of("attended", true, "score", 60 + random.nextInt(40)));
						trainedAt.put(participant, clock.instant());
						done++;
					}
				}
				drain();
			}
			log.info("Demo history: wave {} started on {}, {} of {} completed", kind, day, done, attend.size());
			return true;
		}
		catch (RuntimeException ex) {
			log.info("Demo history: wave {} skipped: {}", kind, ex.toString());
			return false;
		}
	}

	/** A lead from capture to its end; trained reps are faster and win more; discount approval is the bottleneck. */
	private boolean lead(LocalDate day, String rep, int index) {
		try {
			move(at(day, 9 + random.nextInt(7), random.nextInt(60)));
			int n = random.nextInt(1_000_000);
			var company = DemoNames.company(n);
			boolean zh = company.chinese();
			String source = pick("WEB", "EVENT", "REFERRAL", "PHONE", "EMAIL");
			String region = pick("EMEA", "NA", "APAC");
			long id = capture.capture(new NewLead(company.name(), company.contact(), company.email(), null, source,
					zh ? "APAC" : region, zh ? "希望了解报价" : "Asked for a quote", null, null), rep).id();
			seen(pipeline.get(id).processInstanceId());
			boolean trained = trained(rep);
			later(trained ? 2 + random.nextInt(6) : 12 + random.nextInt(40));
			if (random.nextDouble() < 0.25) {
				steps.completeStep(id, "Task_QualifyLead", rep, SALES_REP, new HashMap<>(Map.of("qualified", false,
						"disqualifyReason", zh ? "今年没有预算" : "No budget this year")));
				drain();
				return true;
			}
			steps.completeStep(id, "Task_QualifyLead", rep, SALES_REP, new HashMap<>(Map.of("qualified", true, "budget",
					zh ? "已批准" : "approved", "decisionMaker", zh ? "财务总监" : "the CFO", "need",
					zh ? "统一的客户视图" : "one view of the customer", "timeline", zh ? "本季度" : "this quarter")));
			later(24 + random.nextInt(48));
			boolean bigDiscount = random.nextDouble() < 0.45;
			int amount = 10_000 + random.nextInt(90) * 1000;
			steps.completeStep(id, "Task_PrepareProposal", rep, SALES_REP, new HashMap<>(Map.of("amount", amount,
					"discountPercent", bigDiscount ? 15 : 5, "decisionMaker", zh ? "财务总监" : "the CFO", "proposalSummary",
					zh ? "许可证和上线服务" : "Licences and onboarding",
					"nextFollowUp", clock.instant().plus(Duration.ofDays(7)).toString())));
			if (bigDiscount) {
				later(48 + random.nextInt(96)); // the managers' queue: the bottleneck
				String manager = random.nextBoolean() ? "bob" : "sales.01";
				steps.completeStep(id, "Task_ApproveDiscount", manager, SALES_MANAGER, new HashMap<>(Map.of("discountApproved",
						true, "discountComment", zh ? "同意" : "ok")));
			}
			later(24 + random.nextInt(trained ? 48 : 120));
			double chance = (trained ? 0.45 : 0.22) + 0.1 * index / days;
			boolean won = random.nextDouble() < chance;
			steps.completeStep(id, "Task_NegotiateDeal", rep, SALES_REP, new HashMap<>(won
					? Map.of("won", "true", "finalAmount", amount)
					: Map.of("won", "false", "lostReason", zh ? "选择了竞争对手" : "Chose a competitor")));
			drain();
			if (won) {
				later(12 + random.nextInt(24));
				var agents = members(d -> d.equals("service"), Roles.SERVICE_AGENT);
				steps.completeStep(id, "Task_WelcomeCall", agents.get(random.nextInt(agents.size())), SERVICE_AGENT,
						new HashMap<>(Map.of("welcomeNotes", zh ? "已完成欢迎回访" : "Welcome call done")));
			}
			return true;
		}
		catch (StillOpen open) {
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Demo history: a lead on {} stopped: {}", day, ex.toString());
			return false;
		}
	}

	/** A complaint from intake to its close: trained agents answer within the service level more often. */
	private boolean complaint(LocalDate day, String agent, int index) {
		try {
			Instant received = at(day, 8 + random.nextInt(9), random.nextInt(60)).toInstant();
			move(Date.from(received));
			int n = random.nextInt(1_000_000);
			var customer = DemoNames.customer(n);
			boolean zh = customer.chinese();
			String email = customer.email();
			var complaint = complaints.register(new ComplaintIntake(customer.name(), email,
					null, pick("PHONE", "EMAIL", "WEB", "STORE"), pick("PRODUCT_DEFECT", "DELIVERY", "BILLING", "SERVICE"),
					// received now, on the engine's clock, which stands at the simulated day
					zh ? "订单送达时已损坏。" : "The order arrived damaged.", null, null), agent);
			String pi = runtime.createProcessInstanceQuery().processDefinitionKey("complaint-to-resolution")
				.processInstanceBusinessKey(complaint.getId().toString()).singleResult().getId();
			seen(pi);
			boolean trained = trained(agent);
			later(trained ? 1 + random.nextInt(5) : 3 + random.nextInt(16));
			work(pi, "Task_RespondToCustomer", agent, Map.of("contactNote", zh ? "已回电客户" : "Called the customer back"));
			later(trained ? 6 + random.nextInt(30) : 20 + random.nextInt(60));
			work(pi, "Task_Investigate", agent, Map.of("resolution", zh ? "已寄出替换品" : "Replacement sent", "compensation", 0));
			drain();
			if (random.nextDouble() < 0.5) {
				// the customer answers the resolution e-mail within its window: trained agents' customers are happier
				later(2 + random.nextInt(46));
				boolean rejects = random.nextDouble() < (trained ? 0.08 : 0.25);
				int score = rejects ? 1 + random.nextInt(2) : trained ? 4 + random.nextInt(2) : 3 + random.nextInt(2);
				try {
					customers.answer(email, !rejects, score, rejects ? (zh ? "替换品有同样的问题。" : "The replacement has the same fault.") : null);
				}
				catch (RuntimeException refused) {
					log.debug("Demo history: complaint #{}'s customer could not answer: {}", complaint.getId(), refused.toString());
				}
				drain();
			}
			// the rest let the confirmation window pass; service levels that ran out fire on their day
			for (int step = 0; step < 12 && runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0; step++) {
				later(24);
				work(pi, "Task_ReviewEscalation", random.nextBoolean() ? "dave" : "service.01",
						Map.of("escalationNote", zh ? "已辅导客服" : "Coached the agent"));
				work(pi, "Task_CaptureArticle", agent, Map.of("articleTitle",
						zh ? "损坏订单的替换流程" : "Replacing a damaged order", "articleBody",
						zh ? "核实损坏情况，寄出替换品并告知客户。" : "Check the damage, send a replacement and tell the customer."));
				work(pi, "Task_RespondToCustomer", agent, Map.of("contactNote", zh ? "已回电客户" : "Called the customer back"));
				work(pi, "Task_Investigate", agent, Map.of("resolution", zh ? "已寄出替换品" : "Replacement sent", "compensation", 0));
			}
			drain();
			return true;
		}
		catch (StillOpen open) {
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Demo history: a complaint on {} stopped: {}", day, ex.toString());
			return false;
		}
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * Moves the engine's clock forward by some hours and fires the seeded cases' timers that fell
	 * due; a case whose next step would lie in the real future stays open where it is (today's work).
	 */
	private void later(int hours) {
		var to = Date.from(clock.instant().plus(Duration.ofHours(hours)));
		if (to.toInstant().isAfter(realNow.minus(Duration.ofHours(2)))) {
			throw new StillOpen();
		}
		move(to);
	}

	/** The case goes on in real time from here. */
	private static final class StillOpen extends RuntimeException {

		StillOpen() {
			super("open today", null, false, false);
		}

	}

	/**
	 * Runs one case (or wave) with the clock at {@code at}; the case moves it forward from there. The
	 * case's instances remember the latest time they saw.
	 */
	private boolean travel(Date at, java.util.function.BooleanSupplier work) {
		current.clear();
		EngineClock.travelTo(at.toInstant());
		try {
			return work.getAsBoolean();
		}
		finally {
			Instant end = clock.instant();
			current.forEach(pi -> seenAt.merge(pi, end, (a, b) -> a.isAfter(b) ? a : b));
			current.clear();
		}
	}

	/** A seeded instance of the case being worked. */
	private void seen(String processInstanceId) {
		seededInstances.add(processInstanceId);
		current.add(processInstanceId);
	}

	/**
	 * Moves the clock to {@code to} and fires the seeded timers due by then, of this case and of
	 * earlier cases whose latest step lies before {@code to} (a case's time never runs backwards).
	 */
	private void move(Date to) {
		EngineClock.travelTo(to.toInstant());
		for (int round = 0; round < 5; round++) {
			var due = new ArrayList<org.camunda.bpm.engine.runtime.Job>();
			for (var jobRow : management.createJobQuery().timers().duedateLowerThan(to).list()) {
				String pi = jobRow.getProcessInstanceId();
				Instant seen = seenAt.get(pi);
				if (seededInstances.contains(pi) && (current.contains(pi) || seen == null || !to.toInstant().isBefore(seen))) {
					due.add(jobRow);
				}
			}
			if (due.isEmpty()) {
				return;
			}
			for (var j : due) {
				try {
					management.executeJob(j.getId());
					if (!current.contains(j.getProcessInstanceId())) {
						seenAt.merge(j.getProcessInstanceId(), to.toInstant(), (a, b) -> a.isAfter(b) ? a : b);
					}
				}
				catch (RuntimeException ex) {
					log.debug("Demo history: timer {} failed: {}", j.getId(), ex.toString());
				}
			}
			drain();
		}
	}

	private void work(String pi, String taskKey, String user, Map<String, Object> variables) {
		Task task = single(pi, taskKey);
		if (task == null) {
			return;
		}
		complete(task, user, variables);
	}

	/** Every completion through the worklist's one door, as the user whose work it is (claims on the way). */
	private void complete(Task task, String user, Map<String, Object> variables) {
		worklist.complete(worklist.as(user), task.getId(), new HashMap<>(variables), Locale.ENGLISH);
	}

	private Task single(String pi, String taskKey) {
		var list = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).list();
		return list.isEmpty() ? null : list.get(0);
	}

	/**
	 * Waits until the asynchronous event listeners (insight's outcomes among them) are done, so they
	 * record the simulated time, not the next case's.
	 */
	private void drain() {
		if (!(listeners instanceof ThreadPoolTaskExecutor pool)) {
			return;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline
				&& (pool.getActiveCount() > 0 || !pool.getThreadPoolExecutor().getQueue().isEmpty())) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private String pick(String... values) {
		return values[random.nextInt(values.length)];
	}

	private static Date at(LocalDate day, int hour, int minute) {
		return Date.from(day.atTime(hour, minute).toInstant(ZoneOffset.UTC));
	}

}
