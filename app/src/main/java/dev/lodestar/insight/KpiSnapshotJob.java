package dev.lodestar.insight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.rollout.TrainingProgress;
import dev.lodestar.system.EngineClock;

/**
 * Writes the cockpit's read model: one row per KPI, day and slice ({@code crm_kpi_daily}) and the
 * time spent per BPMN element ({@code crm_kpi_step}), from count/aggregate queries over the
 * engine's history tables, the outcomes other modules announced and the training records. Days
 * are UTC days of the engine's clock.
 *
 * <p>Safe on two nodes without a lock: a day is rewritten as a whole (delete + insert in one
 * transaction) and the unique key (kpi, day, slice) refuses a second writer, whose transaction
 * then rolls back having lost nothing; both would have written the same figures.
 */
@Component
class KpiSnapshotJob {

	static final String LEAD_TO_SALE = "lead-to-sale";
	static final String COMPLAINT = "complaint-to-resolution";
	static final String ALL = "all";

	private static final Logger log = LoggerFactory.getLogger(KpiSnapshotJob.class);
	private static final long DAY_MS = 24L * 3600 * 1000;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final People people;
	private final TrainingProgress training;
	private final InsightSettings settings;

	KpiSnapshotJob(JdbcTemplate jdbc, TransactionTemplate tx, People people, TrainingProgress training,
			InsightSettings settings) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.people = people;
		this.training = training;
		this.settings = settings;
	}

	@Scheduled(initialDelayString = "PT10S", fixedDelayString = "${lodestar.insight.snapshot-interval:PT15M}")
	void scheduled() {
		if (settings.snapshotsScheduled()) {
			try {
				refresh();
			}
			catch (RuntimeException ex) {
				log.warn("KPI snapshot run failed; the next run tries again", ex);
			}
		}
	}

	/** The engine's today. */
	static LocalDate today() {
		return LocalDate.ofInstant(EngineClock.INSTANCE.instant(), ZoneOffset.UTC);
	}

	/** Computes every day since the last one written (that one again: it was partial), at most the backfill. */
	void refresh() {
		LocalDate today = today();
		LocalDate earliest = today.minusDays(settings.backfill().toDays());
		Date last = jdbc.queryForObject("select max(snapshot_day) from crm_kpi_daily where snapshot_day <= ?", Date.class, Date.valueOf(today));
		LocalDate from = last == null || last.toLocalDate().isBefore(earliest) ? earliest : last.toLocalDate();
		refresh(from, today);
	}

	/** Computes the days from..to (both included) and the heatmap as of {@code to}. */
	void refresh(LocalDate from, LocalDate to) {
		long started = System.nanoTime();
		var members = people.members();
		var training = this.training.participants();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			writeDay(d, computeDay(d, members, training));
		}
		writeSteps(to);
		log.info("KPI snapshots {}..{} written in {} ms", from, to, (System.nanoTime() - started) / 1_000_000);
	}

	// ------------------------------------------------------------------ one day

	record Row(String kpi, String sliceKind, String sliceValue, double numerator, double denominator) {
	}

	/** Numerator and denominator per slice of one KPI. */
	static final class Tally {

		final Map<String, double[]> slices = new LinkedHashMap<>();

		Tally(Map<String, People.Person> members) {
			add(ALL + ":" + ALL, 0, 0);
			for (var p : members.values()) {
				p.roles().forEach(r -> add("role:" + r, 0, 0));
				add("department:" + p.department(), 0, 0);
			}
			add("cohort:trained", 0, 0);
			add("cohort:untrained", 0, 0);
		}

		void add(String slice, double num, double den) {
			var v = slices.computeIfAbsent(slice, k -> new double[2]);
			v[0] += num;
			v[1] += den;
		}

		void person(People.Person p, boolean trained, double num, double den) {
			add(ALL + ":" + ALL, num, den);
			if (p == null) {
				return;
			}
			p.roles().forEach(r -> add("role:" + r, num, den));
			add("department:" + p.department(), num, den);
			add(trained ? "cohort:trained" : "cohort:untrained", num, den);
		}

	}

	List<Row> computeDay(LocalDate day, Map<String, People.Person> members, List<TrainingProgress.ParticipantStatus> training) {
		Timestamp t0 = start(day);
		Timestamp t1 = start(day.plusDays(1));
		Set<String> trained = trainedBy(t1);
		var tallies = new LinkedHashMap<Kpi, Tally>();
		for (Kpi k : Kpi.values()) {
			tallies.put(k, new Tally(members));
		}

		// usage: tasks per person and on time, per assignee and process
		Map<String, Long> done = new HashMap<>();
		jdbc.query("select ASSIGNEE_, PROC_DEF_KEY_, count(*), sum(case when DUE_DATE_ is not null then 1 else 0 end),"
				+ " sum(case when DUE_DATE_ is not null and END_TIME_ <= DUE_DATE_ then 1 else 0 end)"
				+ " from ACT_HI_TASKINST where END_TIME_ >= ? and END_TIME_ < ? and DELETE_REASON_ = 'completed'"
				+ " group by ASSIGNEE_, PROC_DEF_KEY_", rs -> {
					String who = rs.getString(1);
					String key = rs.getString(2);
					long n = rs.getLong(3);
					long due = rs.getLong(4);
					long onTime = rs.getLong(5);
					var p = who == null ? null : members.get(who);
					boolean t = who != null && trained.contains(who);
					if (who != null) {
						done.merge(who, n, Long::sum);
					}
					tallies.get(Kpi.ADOPTION_TASKS_ON_TIME).person(p, t, onTime, due);
					if (COMPLAINT.equals(key)) {
						tallies.get(Kpi.SERVICE_SLA_COMPLIANCE).person(p, t, onTime, due);
					}
					if (p == null) {
						tallies.get(Kpi.ADOPTION_TASKS_PER_PERSON).add(ALL + ":" + ALL, n, 0);
					}
				}, t0, t1);
		Set<String> active = new HashSet<>(jdbc.queryForList("select distinct ASSIGNEE_ from ACT_HI_TASKINST"
				+ " where END_TIME_ >= ? and END_TIME_ < ? and DELETE_REASON_ = 'completed' and ASSIGNEE_ is not null",
				String.class, start(day.minusDays(6)), t1));
		for (var p : members.values()) {
			boolean t = trained.contains(p.id());
			tallies.get(Kpi.ADOPTION_ACTIVE_USERS).person(p, t, active.contains(p.id()) ? 1 : 0, 1);
			tallies.get(Kpi.ADOPTION_TASKS_PER_PERSON).person(p, t, done.getOrDefault(p.id(), 0L), 1);
		}

		// performance from the outcomes other modules announced
		jdbc.query("select kind, actor, count(*), sum(amount) from crm_kpi_outcome where occurred_at >= ? and occurred_at < ?"
				+ " group by kind, actor", rs -> {
					String kind = rs.getString(1);
					String who = rs.getString(2);
					long n = rs.getLong(3);
					double sum = rs.getDouble(4);
					var p = who == null ? null : members.get(who);
					boolean t = who != null && trained.contains(who);
					switch (kind) {
						case OutcomeListener.LEAD_WON -> tallies.get(Kpi.SALES_CONVERSION_RATE).person(p, t, n, n);
						case OutcomeListener.LEAD_LOST -> tallies.get(Kpi.SALES_CONVERSION_RATE).person(p, t, 0, n);
						case OutcomeListener.COMPLAINT_RESOLVED -> tallies.get(Kpi.SERVICE_REOPEN_RATE).person(p, t, 0, n);
						case OutcomeListener.COMPLAINT_REOPENED -> tallies.get(Kpi.SERVICE_REOPEN_RATE).person(p, t, n, 0);
						case OutcomeListener.SATISFACTION -> tallies.get(Kpi.SERVICE_SATISFACTION).person(p, t, sum, n);
						default -> {
						}
					}
				}, t0, t1);

		// sales cycle time: lead-to-sale instances that ended today, by who started them
		jdbc.query("select START_USER_ID_, count(*), sum(DURATION_) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ?"
				+ " and END_TIME_ >= ? and END_TIME_ < ? and DURATION_ is not null group by START_USER_ID_", rs -> {
					String who = rs.getString(1);
					tallies.get(Kpi.SALES_CYCLE_TIME).person(who == null ? null : members.get(who),
							who != null && trained.contains(who), rs.getDouble(3) / DAY_MS, rs.getLong(2));
				}, LEAD_TO_SALE, t0, t1);

		// first response: a complaint's first completed task, when that fell on this day
		jdbc.query("select p.START_TIME_, min(t.END_TIME_) from ACT_HI_PROCINST p join ACT_HI_TASKINST t on t.PROC_INST_ID_ = p.ID_"
				+ " where p.PROC_DEF_KEY_ = ? and p.START_TIME_ >= ? and p.START_TIME_ < ? and t.DELETE_REASON_ = 'completed'"
				+ " group by p.ID_, p.START_TIME_ having min(t.END_TIME_) >= ? and min(t.END_TIME_) < ?", rs -> {
					double hours = (rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 3_600_000.0;
					tallies.get(Kpi.SERVICE_FIRST_RESPONSE).add(ALL + ":" + ALL, hours, 1);
				}, COMPLAINT, start(day.minusDays(30)), t1, t0, t1);

		// data quality as of the end of the day: open cases with a due next step, idle cases
		String open = "p.PROC_DEF_KEY_ in (?, ?) and p.START_TIME_ < ? and (p.END_TIME_ is null or p.END_TIME_ >= ?)";
		long openCases = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST p where " + open, Long.class,
				LEAD_TO_SALE, COMPLAINT, t1, t1);
		long withNext = jdbc.queryForObject("select count(distinct p.ID_) from ACT_HI_PROCINST p join ACT_HI_TASKINST t"
				+ " on t.PROC_INST_ID_ = p.ID_ where " + open + " and t.START_TIME_ < ? and (t.END_TIME_ is null or t.END_TIME_ >= ?)"
				+ " and t.DUE_DATE_ is not null", Long.class, LEAD_TO_SALE, COMPLAINT, t1, t1, t1, t1);
		long stale = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST p where " + open
				+ " and p.START_TIME_ < ? and not exists (select 1 from ACT_HI_ACTINST a where a.PROC_INST_ID_ = p.ID_"
				+ " and a.START_TIME_ >= ? and a.START_TIME_ < ?)", Long.class, LEAD_TO_SALE, COMPLAINT, t1, t1,
				start(day.minusDays(14)), start(day.minusDays(14)), t1);
		tallies.get(Kpi.DATA_NEXT_STEP).add(ALL + ":" + ALL, withNext, openCases);
		tallies.get(Kpi.DATA_STALE_CASES).add(ALL + ":" + ALL, stale, openCases);

		// training completion as of the end of the day: the rollout module's audience and checks
		tallyTraining(tallies.get(Kpi.TRAINING_COMPLETION), training, members, t1.toInstant());

		var rows = new ArrayList<Row>();
		tallies.forEach((kpi, tally) -> tally.slices.forEach((slice, v) -> {
			int colon = slice.indexOf(':');
			rows.add(new Row(kpi.name(), slice.substring(0, colon), slice.substring(colon + 1), v[0], v[1]));
		}));
		return rows;
	}

	/**
	 * Training completion by {@code end}: one case per member of a wave's audience by then, passed
	 * when their knowledge check had passed by then (the rules are the rollout module's).
	 */
	static void tallyTraining(Tally tally, List<TrainingProgress.ParticipantStatus> training,
			Map<String, People.Person> members, Instant end) {
		for (var r : training) {
			if (!r.invitedBy(end)) {
				continue;
			}
			int passed = r.passedBy(end) ? 1 : 0;
			tally.add(ALL + ":" + ALL, passed, 1);
			var p = members.get(r.participant());
			if (p != null) {
				p.roles().forEach(role -> tally.add("role:" + role, passed, 1));
				tally.add("department:" + p.department(), passed, 1);
			}
		}
	}

	private Set<String> trainedBy(Timestamp t) {
		return new HashSet<>(jdbc.queryForList("select distinct participant from crm_kpi_trained where completed_at < ?",
				String.class, t));
	}

	void writeDay(LocalDate day, List<Row> rows) {
		Timestamp now = Timestamp.from(EngineClock.INSTANCE.instant());
		try {
			tx.executeWithoutResult(s -> {
				jdbc.update("delete from crm_kpi_daily where snapshot_day = ?", Date.valueOf(day));
				jdbc.batchUpdate("insert into crm_kpi_daily (kpi_code, snapshot_day, slice_kind, slice_value, numerator, denominator,"
						+ " computed_at) values (?, ?, ?, ?, ?, ?, ?)", rows, 500, (ps, r) -> {
							ps.setString(1, r.kpi());
							ps.setDate(2, Date.valueOf(day));
							ps.setString(3, r.sliceKind());
							ps.setString(4, r.sliceValue());
							ps.setDouble(5, r.numerator());
							ps.setDouble(6, r.denominator());
							ps.setTimestamp(7, now);
						});
			});
		}
		catch (DataIntegrityViolationException otherNode) {
			log.info("KPI snapshot of {} written by another node at the same time; keeping theirs", day);
		}
	}

	// ------------------------------------------------------------------ heatmap

	/** Time per element of every process with activity in the window that ends with {@code day}. */
	void writeSteps(LocalDate day) {
		Timestamp from = start(day.plusDays(1).minusDays(settings.window().toDays()));
		Timestamp to = start(day.plusDays(1));
		var keys = jdbc.queryForList("select distinct PROC_DEF_KEY_ from ACT_HI_ACTINST where END_TIME_ >= ? and END_TIME_ < ?",
				String.class, from, to);
		Timestamp now = Timestamp.from(EngineClock.INSTANCE.instant());
		for (String key : keys) {
			var rows = steps(key, from, to);
			try {
				tx.executeWithoutResult(s -> {
					jdbc.update("delete from crm_kpi_step where process_key = ? and snapshot_day = ?", key, Date.valueOf(day));
					jdbc.batchUpdate("insert into crm_kpi_step (process_key, snapshot_day, activity_id, activity_name, activity_type,"
							+ " instances, passes, mean_ms, p90_ms, total_ms, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
							rows, 500, (ps, r) -> {
								ps.setString(1, key);
								ps.setDate(2, Date.valueOf(day));
								ps.setString(3, r.activityId());
								ps.setString(4, r.name());
								ps.setString(5, r.type());
								ps.setLong(6, r.instances());
								ps.setLong(7, r.passes());
								ps.setDouble(8, r.meanMs());
								ps.setDouble(9, r.p90Ms());
								ps.setDouble(10, r.totalMs());
								ps.setTimestamp(11, now);
							});
				});
			}
			catch (DataIntegrityViolationException otherNode) {
				log.info("Heatmap of {} on {} written by another node at the same time; keeping theirs", key, day);
			}
		}
	}

	record Step(String activityId, String name, String type, long instances, long passes, double meanMs, double p90Ms,
			double totalMs) {
	}

	/** One aggregate query over the engine's activity history: count, mean, p90 and total per element. */
	List<Step> steps(String processKey, Timestamp from, Timestamp to) {
		return jdbc.query("select ACT_ID_, max(ACT_NAME_), max(ACT_TYPE_), count(distinct PROC_INST_ID_), count(*),"
				+ " avg(cast(DURATION_ as double precision)), percentile_cont(0.9) within group (order by DURATION_),"
				+ " sum(DURATION_) from ACT_HI_ACTINST where PROC_DEF_KEY_ = ? and END_TIME_ >= ? and END_TIME_ < ?"
				+ " and DURATION_ is not null group by ACT_ID_",
				(rs, i) -> new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
						rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)),
				processKey, from, to);
	}

	static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

}
