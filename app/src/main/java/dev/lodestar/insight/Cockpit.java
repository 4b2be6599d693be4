package dev.lodestar.insight;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.Dates;
import dev.lodestar.rollout.RolloutOverview;
import dev.lodestar.rollout.TrainingProgress;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessTexts;

/**
 * What the cockpit shows, read from the snapshots ({@code crm_kpi_daily}, {@code crm_kpi_step})
 * and the rollout's overview; never from whole history lists.
 */
@Service
@Transactional(readOnly = true)
public class Cockpit {

	private final JdbcTemplate jdbc;
	private final KpiTargets targets;
	private final InsightSettings settings;
	private final RolloutOverview rollout;
	private final RepositoryService repository;
	private final MessageSource messages;
	private final People people;
	private final ProcessTexts processTexts;
	private final TrainingProgress training;
	private final KpiSnapshotJob job;
	private final Dates dates;

	Cockpit(JdbcTemplate jdbc, KpiTargets targets, InsightSettings settings, RolloutOverview rollout,
			RepositoryService repository, MessageSource messages, People people, ProcessTexts processTexts,
			TrainingProgress training, KpiSnapshotJob job, Dates dates) {
		this.dates = dates;
		this.training = training;
		this.job = job;
		this.processTexts = processTexts;
		this.jdbc = jdbc;
		this.targets = targets;
		this.settings = settings;
		this.rollout = rollout;
		this.repository = repository;
		this.messages = messages;
		this.people = people;
	}

	/** The window that ends today (the engine's day): from..to, both included. */
	public Window window(LocalDate from, LocalDate to) {
		LocalDate end = to != null ? to : KpiSnapshotJob.today();
		LocalDate start = from != null ? from : end.minusDays(settings.window().toDays() - 1);
		if (start.isAfter(end)) {
			throw new InvalidInputException("from", "must not be after to");
		}
		return new Window(start, end);
	}

	public record Window(LocalDate from, LocalDate to) {
	}

	/**
	 * One KPI over a window and slice.
	 *
	 * @param cases how many cases (tasks, instances, outcomes, people) the figure is computed from:
	 * exactly what its drill-down lists
	 * @param computedAt when the figure was computed: now for a window that ends today (its
	 * days before today from the snapshots, today counted live), else when the snapshot of its
	 * days was written
	 * @param live whether today is counted live (the drill-down is live as well)
	 */
	public record Figure(String code, String layer, String name, String definition, String unit, Double value,
			double target, boolean higherIsBetter, Boolean onTarget, long cases, double numerator, double denominator,
			String drill, Instant computedAt, boolean live) {
	}

	/**
	 * Every KPI over the window, for one slice ("all"/"all", "department"/"sales", "cohort"/"trained"...).
	 * The days before today come from the snapshots; today, when the window holds it, is counted
	 * now by the snapshot job's own rules, so a figure and its (live) drill-down count the same cases.
	 */
	public List<Figure> figures(Window w, String sliceKind, String sliceValue, Locale locale) {
		LocalDate today = KpiSnapshotJob.today();
		boolean live = !w.to().isBefore(today);
		LocalDate storedTo = live ? today.minusDays(1) : w.to();
		var sums = new HashMap<String, double[]>();
		var last = new HashMap<String, double[]>();
		Instant[] computedAt = { null };
		if (!storedTo.isBefore(w.from())) {
			jdbc.query("select kpi_code, sum(numerator), sum(denominator) from crm_kpi_daily where snapshot_day >= ? and snapshot_day <= ?"
					+ " and slice_kind = ? and slice_value = ? group by kpi_code",
					rs -> {
						sums.put(rs.getString(1), new double[] { rs.getDouble(2), rs.getDouble(3) });
					}, Date.valueOf(w.from()), Date.valueOf(storedTo), sliceKind, sliceValue);
			jdbc.query("select d.kpi_code, d.numerator, d.denominator from crm_kpi_daily d where d.slice_kind = ? and d.slice_value = ?"
					+ " and d.snapshot_day = (select max(x.snapshot_day) from crm_kpi_daily x where x.kpi_code = d.kpi_code and x.slice_kind = d.slice_kind"
					+ " and x.slice_value = d.slice_value and x.snapshot_day >= ? and x.snapshot_day <= ?)", rs -> {
						last.put(rs.getString(1), new double[] { rs.getDouble(2), rs.getDouble(3) });
					}, sliceKind, sliceValue, Date.valueOf(w.from()), Date.valueOf(storedTo));
			var at = jdbc.queryForObject("select max(computed_at) from crm_kpi_daily where snapshot_day >= ? and snapshot_day <= ?",
					java.sql.Timestamp.class, Date.valueOf(w.from()), Date.valueOf(storedTo));
			computedAt[0] = at == null ? null : at.toInstant();
		}
		if (live) {
			// today as it stands: the snapshot job's rules, computed now
			for (var row : job.computeDay(today, people.members(), training.participants())) {
				if (row.sliceKind().equals(sliceKind) && row.sliceValue().equals(sliceValue)) {
					sums.computeIfAbsent(row.kpi(), k -> new double[2]);
					sums.get(row.kpi())[0] += row.numerator();
					sums.get(row.kpi())[1] += row.denominator();
					last.put(row.kpi(), new double[] { row.numerator(), row.denominator() });
				}
			}
			computedAt[0] = dev.lodestar.system.EngineClock.INSTANCE.instant();
		}
		var t = targets.all();
		var figures = new ArrayList<Figure>();
		for (Kpi k : Kpi.values()) {
			double[] v = (k.rollup() == Kpi.Rollup.LAST ? last : sums).getOrDefault(k.name(), new double[2]);
			figures.add(figure(k, v[0], v[1], t.get(k), locale, w, sliceKind, sliceValue, computedAt[0], live));
		}
		return figures;
	}

	private Figure figure(Kpi k, double num, double den, double target, Locale locale, Window w, String sliceKind,
			String sliceValue, Instant computedAt, boolean live) {
		Double value = k.value(num, den);
		long cases = Math.round(k.cases().countedByNumerator() ? num : den);
		// a figure kept for everybody only has no list per slice: no link that would be refused
		String drill = !"all".equals(sliceKind) && k.cases().everybodyOnly() ? null
				: "/insight/cases?kpi=" + k.name() + "&from=" + w.from() + "&to=" + w.to()
						+ ("all".equals(sliceKind) ? "" : "&slice=" + sliceKind + ":" + sliceValue);
		return new Figure(k.name(), k.layer().name(), name(k, locale), definition(k, locale), unit(k, locale), value,
				target, k.higherIsBetter(), k.meets(value, target), cases, num, den, drill, computedAt, live);
	}

	String name(Kpi k, Locale locale) {
		return messages.getMessage("insight.kpi." + k.name() + ".name", null, k.title(), locale);
	}

	String definition(Kpi k, Locale locale) {
		return messages.getMessage("insight.kpi." + k.name() + ".definition", null, "", locale);
	}

	String unit(Kpi k, Locale locale) {
		return messages.getMessage("insight.unit." + k.unit().replaceAll("[^a-z%]", ""), null, k.unit(), locale);
	}

	/**
	 * One point of a series: the week (its Monday) and the figure.
	 *
	 * @param partial whether the week is not over (or the window or the snapshots end inside it):
	 * its figure covers only its first days
	 */
	public record Point(LocalDate week, Double value, long cases, boolean partial) {
	}

	/** Weekly series per slice value of one slice kind, for every KPI: {kpi: {slice: [points]}}. */
	public Map<String, Map<String, List<Point>>> weekly(Window w, String sliceKind) {
		LocalDate from = w.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var acc = new TreeMap<String, Map<String, TreeMap<LocalDate, double[]>>>();
		jdbc.query("select kpi_code, slice_value, snapshot_day, numerator, denominator from crm_kpi_daily where snapshot_day >= ? and snapshot_day <= ?"
				+ " and slice_kind = ? order by snapshot_day", rs -> {
					Kpi k;
					try {
						k = Kpi.valueOf(rs.getString(1));
					}
					catch (IllegalArgumentException retired) {
						return;
					}
					LocalDate week = rs.getDate(3).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
					var cell = acc.computeIfAbsent(k.name(), x -> new TreeMap<>())
						.computeIfAbsent(rs.getString(2), x -> new TreeMap<>())
						.computeIfAbsent(week, x -> new double[2]);
					if (k.rollup() == Kpi.Rollup.LAST) { // the week's last day stands for the week
						cell[0] = rs.getDouble(4);
						cell[1] = rs.getDouble(5);
					}
					else {
						cell[0] += rs.getDouble(4);
						cell[1] += rs.getDouble(5);
					}
				}, Date.valueOf(from), Date.valueOf(w.to()), sliceKind);
		// the last day the snapshots cover: yesterday at the latest (today is not over)
		LocalDate yesterday = KpiSnapshotJob.today().minusDays(1);
		LocalDate lastDay = w.to().isBefore(yesterday) ? w.to() : yesterday;
		var out = new LinkedHashMap<String, Map<String, List<Point>>>();
		for (Kpi k : Kpi.values()) {
			var bySlice = new TreeMap<String, List<Point>>();
			acc.getOrDefault(k.name(), Map.of()).forEach((slice, weeks) -> {
				var points = new ArrayList<Point>();
				weeks.forEach((week, v) -> points.add(new Point(week, k.value(v[0], v[1]),
						Math.round(k.cases().countedByNumerator() ? v[0] : v[1]), week.plusDays(6).isAfter(lastDay))));
				bySlice.put(slice, points);
			});
			out.put(k.name(), bySlice);
		}
		return out;
	}

	// ------------------------------------------------------------------ heatmap

	public record Heatmap(String processKey, String name, LocalDate day, String bpmnXml, List<StepFigure> steps,
			List<StepFigure> slowest) {
	}

	/** One element's time: instances that passed it, mean and p90 time spent, share of all time spent. */
	public record StepFigure(String activityId, String name, String type, long instances, long passes, double meanMs,
			double p90Ms, double sharePercent) {
	}

	/** A process that has a heatmap: its key and its name in the reader's language. */
	public record HeatmapProcess(String key, String name) {
	}

	/** Processes that have a heatmap. */
	public List<HeatmapProcess> heatmapProcesses(Locale locale) {
		return jdbc.queryForList("select distinct process_key from crm_kpi_step order by process_key", String.class)
			.stream()
			.map(key -> {
				var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
					.singleResult();
				String name = definition == null || definition.getName() == null ? key : definition.getName();
				return new HeatmapProcess(key, processTexts.processName(key, name, locale));
			})
			.toList();
	}

	/**
	 * The process's diagram with the time per element over the window (steps that ended inside
	 * it, from the engine's activity history in one aggregate query); names of process and steps
	 * in the reader's language.
	 */
	public Heatmap heatmap(String processKey, Window w, Locale locale) {
		var definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
			.singleResult();
		if (definition == null) {
			throw new NotFoundException("Process", processKey);
		}
		String xml;
		try (var in = repository.getProcessModel(definition.getId())) {
			xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		var steps = new ArrayList<StepFigure>();
		var rows = new ArrayList<>(job.steps(processKey, KpiSnapshotJob.start(w.from()), KpiSnapshotJob.start(w.to().plusDays(1))));
		rows.sort(Comparator.comparingDouble(KpiSnapshotJob.Step::totalMs).reversed());
		double[] shares = shares(rows.stream().mapToDouble(KpiSnapshotJob.Step::totalMs).toArray());
		int index = 0;
		for (var r : rows) {
			steps.add(new StepFigure(r.activityId(),
					r.name() == null ? null : processTexts.stepName(processKey, r.activityId(), r.name(), locale), r.type(),
					r.instances(), r.passes(), r.meanMs(), r.p90Ms(), shares[index++]));
		}
		var slowest = steps.stream()
			.filter(s -> s.type() != null && s.type().toLowerCase(Locale.ROOT).contains("task"))
			.filter(s -> s.meanMs() >= 1000) // a step that takes no time (under a second) is not among the slowest
			.sorted(Comparator.comparingDouble(StepFigure::meanMs).reversed())
			.limit(3)
			.toList();
		return new Heatmap(processKey, processTexts.processName(processKey, definition.getName(), locale), w.to(), xml, steps,
				slowest);
	}

	/**
	 * Each step's share of all time spent, in tenths of a percent that add up to exactly 100 %
	 * (largest remainder): rounding each share alone can miss 100 by a few tenths.
	 */
	static double[] shares(double[] totals) {
		double sum = java.util.Arrays.stream(totals).map(t -> Math.max(0, t)).sum();
		double[] shares = new double[totals.length];
		if (sum <= 0) {
			return shares;
		}
		long[] tenths = new long[totals.length];
		Integer[] order = new Integer[totals.length];
		long given = 0;
		for (int i = 0; i < totals.length; i++) {
			double exact = 1000.0 * Math.max(0, totals[i]) / sum;
			tenths[i] = (long) Math.floor(exact);
			given += tenths[i];
			order[i] = i;
		}
		java.util.Arrays.sort(order, Comparator.comparingDouble(
				(Integer i) -> 1000.0 * Math.max(0, totals[i]) / sum - tenths[i]).reversed());
		for (int k = 0; given < 1000 && k < order.length; k++, given++) {
			tenths[order[k]]++;
		}
		for (int i = 0; i < totals.length; i++) {
			shares[i] = tenths[i] / 10.0;
		}
		return shares;
	}

	// ------------------------------------------------------------------ rollout and training

	/** The latest rollout as it stands, every phase (the lights judge the phases at a moment themselves). */
	public RolloutOverview.Programme programme() {
		return rollout.latest();
	}

	/**
	 * The latest rollout as the window saw it: the phases planned or running inside it, the gate
	 * decisions taken in it, the stakeholders' scores and the barrier points open at its end, the
	 * issues open at some time in it; the gate's reasons in the reader's language.
	 */
	public RolloutOverview.Programme programme(Window w, Locale locale) {
		Instant start = KpiSnapshotJob.start(w.from()).toInstant();
		Instant end = endOf(w);
		var p = rollout.latest(live(w) ? null : end);
		if (p == null) {
			return null;
		}
		var phases = p.phases().stream()
			.filter(x -> overlaps(x.plannedStart(), x.plannedEnd(), start, end)
					|| (x.actualStart() != null && overlaps(x.actualStart(), x.actualEnd(), start, end)))
			.toList();
		var gates = p.gates().stream()
			.filter(g -> !g.evaluatedAt().isBefore(start) && g.evaluatedAt().isBefore(end))
			.map(g -> new RolloutOverview.GateRow(g.evaluatedAt(), g.inputs(), g.outputs().stream()
				.map(o -> {
					var shown = new LinkedHashMap<String, Object>();
					o.forEach((k, v) -> shown.put(k, v instanceof String text ? processTexts.value(text, locale) : v));
					return (java.util.Map<String, Object>) shown;
				})
				.toList(), g.go()))
			.toList();
		var barriers = p.barriers().stream()
			.filter(b -> b.openedAt() == null || b.openedAt().isBefore(end))
			.filter(b -> b.closedAt() == null || !b.closedAt().isBefore(end))
			.toList();
		var issues = p.issues().stream()
			.filter(i -> overlaps(i.openedAt(), i.closedAt(), start, end))
			.toList();
		return new RolloutOverview.Programme(p.id(), p.name(), p.status(), phases, gates, p.stakeholders(), barriers, issues);
	}

	/** Whether [from, to) (to open when null, from unknown when null) meets [start, end). */
	private static boolean overlaps(Instant from, Instant to, Instant start, Instant end) {
		return (from == null || from.isBefore(end)) && (to == null || !to.isBefore(start));
	}

	/** The instant the window ends: the start of the day after its last day. */
	static Instant endOf(Window w) {
		return KpiSnapshotJob.start(w.to().plusDays(1)).toInstant();
	}

	/** Whether the window reaches today: then state sections show the state as it is now. */
	static boolean live(Window w) {
		return !w.to().isBefore(KpiSnapshotJob.today());
	}

	/** Training per wave and per department, scores, and who is overdue. */
	public record Training(List<Group> waves, List<Group> departments, List<Score> scores, List<Overdue> overdue) {
	}

	/**
	 * One wave (key = its id) or one department (key = its id): the audience, how many of it
	 * passed the knowledge check, attended a session, are overdue; as the rollout module states them.
	 */
	public record Group(String key, String name, long invited, long completed, double percent, Double meanScore,
			Long rolloutId, LocalDate deadline, long attended, long overdue) {
	}

	/** @param wave the wave's id, as the key of its {@link Group} */
	public record Score(String wave, String participant, int score, int passScore) {
	}

	public record Overdue(String participant, String department, String wave, LocalDate deadline, Long waveId) {
	}

	/**
	 * Training, with waves and departments named in the reader's language: every figure from
	 * the rollout module's {@link TrainingProgress} (audience, attendance, checks, overdue), only
	 * grouped here by department.
	 */
	public Training training(Window window, Locale locale) {
		var members = people.members();
		var waveFigures = new LinkedHashMap<Long, TrainingProgress.WaveProgress>();
		training.waves().stream().sorted(Comparator.comparing(TrainingProgress.WaveProgress::waveId))
			.forEach(w -> waveFigures.put(w.waveId(), w));
		var participants = training.participants();
		if (!live(window)) {
			Instant end = endOf(window);
			// the audience and its passes as they stood at the window's end, by the rollout module's rules
			participants = participants.stream().filter(r -> r.invitedBy(end)).map(r -> r.asOf(end)).toList();
			var byWaveThen = new HashMap<Long, List<TrainingProgress.ParticipantStatus>>();
			participants.forEach(r -> byWaveThen.computeIfAbsent(r.waveId(), k -> new ArrayList<>()).add(r));
			waveFigures.replaceAll((id, w) -> w.of(byWaveThen.getOrDefault(id, List.of())));
		}
		var byWave = new LinkedHashMap<Long, List<TrainingProgress.ParticipantStatus>>();
		var departments = new TreeMap<String, List<TrainingProgress.ParticipantStatus>>();
		var scores = new ArrayList<Score>();
		var overdue = new ArrayList<Overdue>();
		for (var r : participants) {
			byWave.computeIfAbsent(r.waveId(), k -> new ArrayList<>()).add(r);
			var p = members.get(r.participant());
			String dept = p == null ? "other" : p.department();
			departments.computeIfAbsent(dept, k -> new ArrayList<>()).add(r);
			if (r.score() != null) {
				scores.add(new Score(String.valueOf(r.waveId()), r.participant(), r.score(), r.passScore()));
			}
			if (r.overdue()) {
				overdue.add(new Overdue(r.participant(), departmentName(dept, locale),
						waveLabel(waveFigures.get(r.waveId()), locale), day(r.deadline()), r.waveId()));
			}
		}
		var waveGroups = new ArrayList<Group>();
		waveFigures.forEach((id, w) -> {
			var rows = byWave.getOrDefault(id, List.of());
			if (w.invited() > 0) {
				waveGroups.add(new Group(String.valueOf(id), waveLabel(w, locale), w.invited(), w.completed(),
						w.completionPercent(), meanScore(rows), w.rolloutId(), day(w.deadline()), w.attended(), w.overdue()));
			}
		});
		var deptGroups = new ArrayList<Group>();
		departments.forEach((k, rows) -> {
			long passed = rows.stream().filter(TrainingProgress.ParticipantStatus::passed).count();
			deptGroups.add(new Group(k, departmentName(k, locale), rows.size(), passed,
					Math.round(1000.0 * passed / rows.size()) / 10.0, meanScore(rows), null, null,
					rows.stream().filter(TrainingProgress.ParticipantStatus::attended).count(),
					rows.stream().filter(TrainingProgress.ParticipantStatus::overdue).count()));
		});
		return new Training(waveGroups, deptGroups, scores, overdue);
	}

	/** A wave's name in the reader's language with its deadline: two waves of one kind stay apart. */
	private String waveLabel(TrainingProgress.WaveProgress w, Locale locale) {
		String name = messages.getMessage("rollout.wave." + w.kind(), null, w.name(), locale);
		if (w.deadline() == null) {
			return name;
		}
		String due = dates.date(day(w.deadline()), locale);
		return messages.getMessage("insight.training.waveLabel", new Object[] { name, due }, name + " · " + due, locale);
	}

	private static LocalDate day(Instant at) {
		return at == null ? null : LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
	}

	private String departmentName(String id, Locale locale) {
		return messages.getMessage("insight.department." + id, null, id, locale);
	}

	private static Double meanScore(List<TrainingProgress.ParticipantStatus> rows) {
		var scored = rows.stream().filter(r -> r.score() != null).mapToInt(TrainingProgress.ParticipantStatus::score).toArray();
		return scored.length == 0 ? null : Math.round(10.0 * java.util.Arrays.stream(scored).average().orElse(0)) / 10.0;
	}

	/** Whether the snapshot tables hold anything yet. */
	public boolean hasSnapshots() {
		return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from crm_kpi_daily", Boolean.class));
	}

}
