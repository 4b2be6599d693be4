package dev.lodestar.insight;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

import dev.lodestar.access.Roles;
import dev.lodestar.rollout.TrainingProgress;

/**
 * Computes every {@link Kpi} from real work: the engine's history of {@code lead-to-sale} and
 * {@code complaint-to-resolution} (end events, durations, task due dates against completion
 * times, the {@code satisfactionScore} variable), the history of every task (adoption) and the
 * training records. Nobody types a figure in.
 */
@Service
public class KpiService {

	static final String LEAD_TO_SALE = "lead-to-sale";
	static final String COMPLAINT = "complaint-to-resolution";
	static final String END_WON = "End_CustomerOnboarded";
	static final Set<String> DECIDED_ENDS = Set.of(END_WON, "End_DealLost", "End_LeadDisqualified");
	static final String SATISFACTION = "satisfactionScore";
	/** The roles whose members are expected to work in Lodestar every week. */
	static final List<String> BUSINESS_ROLES = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER, Roles.EXECUTIVE, Roles.PROJECT_TEAM, Roles.TRAINER);

	private static final long DAY = 24L * 3600 * 1000;

	private final HistoryService historyService;
	private final IdentityService identityService;
	private final TrainingProgress training;
	private final InsightSettings settings;

	KpiService(HistoryService historyService, IdentityService identityService, TrainingProgress training,
			InsightSettings settings) {
		this.historyService = historyService;
		this.identityService = identityService;
		this.training = training;
		this.settings = settings;
	}

	/** Every KPI now, in the order of {@link Kpi}. */
	public List<KpiFigure> current() {
		// the engine's clock, so that history and "now" agree (and tests can move time)
		Date since = Date.from(ClockUtil.getCurrentTime().toInstant().minus(settings.window()));
		return compute(LEAD_TO_SALE, COMPLAINT, since);
	}

	/** The figures over the given processes since a point in time (tests use fixture processes). */
	List<KpiFigure> compute(String salesKey, String serviceKey, Date since) {
		var figures = new ArrayList<KpiFigure>();
		var sales = finished(salesKey, since);
		figures.add(conversion(sales));
		figures.add(cycleTime(sales));
		figures.add(onTime(Kpi.SERVICE_SLA_COMPLIANCE,
				historyService.createHistoricTaskInstanceQuery().processDefinitionKey(serviceKey).finished()
					.finishedAfter(since).list()));
		figures.add(satisfaction(serviceKey, since));
		figures.add(activeUsers(since));
		figures.add(onTime(Kpi.ADOPTION_TASKS_ON_TIME,
				historyService.createHistoricTaskInstanceQuery().finished().finishedAfter(since).list()));
		figures.add(trainingCompletion());
		return figures;
	}

	public KpiFigure current(Kpi kpi) {
		return current().get(kpi.ordinal());
	}

	private List<HistoricProcessInstance> finished(String key, Date since) {
		return historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(key)
			.finished()
			.finishedAfter(since)
			.list();
	}

	private KpiFigure conversion(List<HistoricProcessInstance> sales) {
		var decided = sales.stream().filter(p -> DECIDED_ENDS.contains(p.getEndActivityId())).toList();
		long won = decided.stream().filter(p -> END_WON.equals(p.getEndActivityId())).count();
		var byEnd = new TreeMap<>(decided.stream().collect(Collectors.groupingBy(HistoricProcessInstance::getEndActivityId, Collectors.counting())));
		return KpiFigure.of(Kpi.SALES_CONVERSION_RATE, decided.isEmpty() ? null : 100.0 * won / decided.size(),
				decided.size(), byEnd.toString());
	}

	private KpiFigure cycleTime(List<HistoricProcessInstance> sales) {
		var durations = sales.stream().filter(p -> p.getDurationInMillis() != null).mapToLong(HistoricProcessInstance::getDurationInMillis).toArray();
		Double days = durations.length == 0 ? null : java.util.Arrays.stream(durations).average().orElse(0) / DAY;
		return KpiFigure.of(Kpi.SALES_CYCLE_TIME, days, durations.length, null);
	}

	private KpiFigure onTime(Kpi kpi, List<HistoricTaskInstance> tasks) {
		var withSla = tasks.stream().filter(t -> t.getDueDate() != null && t.getEndTime() != null).toList();
		long onTime = withSla.stream().filter(t -> !t.getEndTime().after(t.getDueDate())).count();
		return KpiFigure.of(kpi, withSla.isEmpty() ? null : 100.0 * onTime / withSla.size(), withSla.size(),
				withSla.isEmpty() ? null : onTime + " on time, " + (withSla.size() - onTime) + " late");
	}

	private KpiFigure satisfaction(String serviceKey, Date since) {
		var scores = new ArrayList<Double>();
		for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
			.variableName(SATISFACTION)
			.list()) {
			if (serviceKey.equals(variable.getProcessDefinitionKey()) && variable.getValue() instanceof Number n
					&& (variable.getCreateTime() == null || !variable.getCreateTime().before(since))) {
				scores.add(n.doubleValue());
			}
		}
		Double average = scores.isEmpty() ? null : scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		return KpiFigure.of(Kpi.SERVICE_SATISFACTION, average, scores.size(), null);
	}

	private KpiFigure activeUsers(Date since) {
		Set<String> active = new HashSet<>();
		for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().finished().finishedAfter(since).list()) {
			if (task.getAssignee() != null) {
				active.add(task.getAssignee());
			}
		}
		Set<String> everybody = new HashSet<>();
		var perRole = new ArrayList<String>();
		for (String role : BUSINESS_ROLES) {
			var members = identityService.createUserQuery().memberOfGroup(role).list().stream().map(User::getId).toList();
			if (members.isEmpty()) {
				continue;
			}
			everybody.addAll(members);
			perRole.add(role + " " + members.stream().filter(active::contains).count() + "/" + members.size());
		}
		long activeMembers = everybody.stream().filter(active::contains).count();
		return KpiFigure.of(Kpi.ADOPTION_ACTIVE_USERS, everybody.isEmpty() ? null : 100.0 * activeMembers / everybody.size(),
				everybody.size(), String.join(", ", perRole));
	}

	private KpiFigure trainingCompletion() {
		var waves = training.waves();
		long invited = waves.stream().mapToLong(TrainingProgress.WaveProgress::invited).sum();
		long completed = waves.stream().mapToLong(TrainingProgress.WaveProgress::completed).sum();
		String detail = waves.stream()
			.filter(w -> w.invited() > 0)
			.map(w -> w.kind() + " " + w.completionPercent() + "%")
			.collect(Collectors.joining(", "));
		return KpiFigure.of(Kpi.TRAINING_COMPLETION, invited == 0 ? null : 100.0 * completed / invited, invited,
				detail.isEmpty() ? null : detail);
	}

	/** The definitions, for the dashboard. */
	public static List<Map<String, Object>> definitions() {
		return java.util.Arrays.stream(Kpi.values())
			.map(k -> Map.<String, Object>of("code", k.name(), "name", k.title(), "formula", k.formula(), "target",
					k.target(), "unit", k.unit(), "higherIsBetter", k.higherIsBetter()))
			.toList();
	}

}
