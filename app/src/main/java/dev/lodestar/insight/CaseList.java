package dev.lodestar.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.rollout.TrainingProgress;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ProcessTexts;

/**
 * The drill-down: the tasks, instances, outcomes or people behind one figure, selected by the
 * same rules the snapshot job counts them with, so the list is exactly as long as the figure's
 * case count; beyond {@link #LIMIT} rows it holds the first ones and says how many there are.
 * Kinds, results and titles in the reader's language.
 */
@Service
@Transactional(readOnly = true)
class CaseList {

	static final int LIMIT = 5000;

	private final JdbcTemplate jdbc;
	private final People people;
	private final TrainingProgress training;
	private final MessageSource messages;
	private final ProcessTexts processTexts;
	private final RepositoryService repository;

	CaseList(JdbcTemplate jdbc, People people, TrainingProgress training, MessageSource messages,
			ProcessTexts processTexts, RepositoryService repository) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.people = people;
		this.training = training;
		this.messages = messages;
		this.processTexts = processTexts;
	}

	/** One case behind a figure. */
	record Case(String kind, String id, String title, String who, Instant at, String value, String link) {
	}

	/**
	 * The cases behind a figure: {@code total} of them, the first {@code limit} listed;
	 * {@code truncated} when the list holds fewer than the total.
	 */
	record Cases(long total, int limit, boolean truncated, List<Case> cases) {
	}

	/** Collects the cases in order: the first {@code limit} kept, every one counted. */
	private static final class Collected {

		private final int limit;
		private final List<Case> kept = new ArrayList<>();
		private long total;

		Collected(int limit) {
			this.limit = limit;
		}

		void add(Case c) {
			total++;
			if (kept.size() < limit) {
				kept.add(c);
			}
		}

		Cases cases() {
			return new Cases(total, limit, total > kept.size(), List.copyOf(kept));
		}

	}

	Cases cases(Kpi kpi, Cockpit.Window w, String slice, Locale locale) {
		return cases(kpi, w, slice, locale, LIMIT);
	}

	Cases cases(Kpi kpi, Cockpit.Window w, String slice, Locale locale, int limit) {
		var members = people.members();
		var filter = new SliceFilter(slice, members);
		Timestamp from = KpiSnapshotJob.start(w.from());
		Timestamp to = KpiSnapshotJob.start(w.to().plusDays(1));
		var out = new Collected(limit);
		var processNames = new HashMap<String, String>();
		switch (kpi.cases()) {
			case PEOPLE -> {
				var active = new java.util.HashSet<>(jdbc.queryForList("select distinct ASSIGNEE_ from ACT_HI_TASKINST"
						+ " where END_TIME_ >= ? and END_TIME_ < ? and DELETE_REASON_ = 'completed' and ASSIGNEE_ is not null",
						String.class, KpiSnapshotJob.start(w.to().minusDays(6)), to));
				members.values().stream().filter(p -> filter.matches(p.id(), w.to())).forEach(p -> out.add(new Case(
						text("kind.person", locale), p.id(), p.id() + " (" + department(p.department(), locale) + ")", p.id(),
						null, text(active.contains(p.id()) ? "value.active" : "value.inactive", locale), null)));
			}
			case TASKS_DONE, TASKS_WITH_DUE_DATE, SERVICE_TASKS_WITH_DUE_DATE -> {
				String sql = "select ID_, NAME_, ASSIGNEE_, END_TIME_, DUE_DATE_, PROC_DEF_KEY_, TASK_DEF_KEY_ from ACT_HI_TASKINST"
						+ " where END_TIME_ >= ? and END_TIME_ < ? and DELETE_REASON_ = 'completed'"
						+ (kpi.cases() == Kpi.Cases.TASKS_DONE ? "" : " and DUE_DATE_ is not null")
						+ (kpi.cases() == Kpi.Cases.SERVICE_TASKS_WITH_DUE_DATE ? " and PROC_DEF_KEY_ = '" + KpiSnapshotJob.COMPLAINT + "'" : "")
						+ " order by END_TIME_";
				jdbc.query(sql, rs -> {
					String who = rs.getString(3);
					Instant end = rs.getTimestamp(4).toInstant();
					if (filter.matches(who, day(end))) {
						Timestamp due = rs.getTimestamp(5);
						// why it counts: done (every task), on time or late (a task with a due date)
						String value = due == null ? text("value.completed", locale)
								: text(!rs.getTimestamp(4).after(due) ? "value.onTime" : "value.late", locale);
						String process = rs.getString(6);
						out.add(new Case(text("kind.task", locale), rs.getString(1),
								processTexts.stepName(process, rs.getString(7), rs.getString(2), locale) + " · "
										+ processNames.computeIfAbsent(process, key -> processName(key, locale)),
								who, end, value, null));
					}
				}, from, to);
			}
			case LEAD_OUTCOMES, RESOLUTIONS, SATISFACTION_SCORES -> {
				List<String> kinds = switch (kpi.cases()) {
					case LEAD_OUTCOMES -> List.of(OutcomeListener.LEAD_WON, OutcomeListener.LEAD_LOST);
					case RESOLUTIONS -> List.of(OutcomeListener.COMPLAINT_RESOLVED);
					default -> List.of(OutcomeListener.SATISFACTION);
				};
				jdbc.query("select kind, ref, actor, occurred_at, amount from crm_kpi_outcome where occurred_at >= ? and occurred_at < ?"
						+ " and kind in (?, ?) order by occurred_at", rs -> {
							String who = rs.getString(3);
							Instant at = rs.getTimestamp(4).toInstant();
							if (filter.matches(who, day(at))) {
								String kind = rs.getString(1);
								boolean lead = kind.startsWith("LEAD");
								Object amount = rs.getObject(5);
								out.add(new Case(text(lead ? "kind.lead" : "kind.complaint", locale), rs.getString(2),
										title(lead, rs.getString(2), locale), who, at,
										OutcomeListener.SATISFACTION.equals(kind) ? String.valueOf(((Number) amount).intValue())
												: text("value." + kind, locale),
										(lead ? "/leads/" : "/complaints/") + rs.getString(2)));
							}
						}, from, to, kinds.get(0), kinds.get(kinds.size() - 1));
			}
			case SALES_ENDED -> jdbc.query("select ID_, BUSINESS_KEY_, START_USER_ID_, END_TIME_, DURATION_ from ACT_HI_PROCINST"
					+ " where PROC_DEF_KEY_ = ? and END_TIME_ >= ? and END_TIME_ < ? and DURATION_ is not null order by END_TIME_",
					rs -> {
						String who = rs.getString(3);
						Instant at = rs.getTimestamp(4).toInstant();
						if (filter.matches(who, day(at))) {
							out.add(new Case(text("kind.instance", locale), rs.getString(1), title(true, rs.getString(2), locale), who, at,
									String.format(java.util.Locale.ROOT, "%.1f", rs.getLong(5) / 86_400_000.0),
									"/leads/" + rs.getString(2)));
						}
					}, KpiSnapshotJob.LEAD_TO_SALE, from, to);
			case FIRST_RESPONSES -> {
				filter.requireAll();
				jdbc.query("select p.ID_, p.BUSINESS_KEY_, p.START_TIME_, min(t.END_TIME_) from ACT_HI_PROCINST p join ACT_HI_TASKINST t"
						+ " on t.PROC_INST_ID_ = p.ID_ where p.PROC_DEF_KEY_ = ? and p.START_TIME_ < ? and t.DELETE_REASON_ = 'completed'"
						+ " group by p.ID_, p.BUSINESS_KEY_, p.START_TIME_ having min(t.END_TIME_) >= ? and min(t.END_TIME_) < ?"
						+ " order by min(t.END_TIME_)", rs -> {
							Instant first = rs.getTimestamp(4).toInstant();
							// the job looks 30 days back from the response day for the complaint's start
							if (!rs.getTimestamp(3).toInstant().isBefore(
									KpiSnapshotJob.start(day(first).minusDays(30)).toInstant())) {
								double hours = (first.toEpochMilli() - rs.getTimestamp(3).getTime()) / 3_600_000.0;
								out.add(new Case(text("kind.instance", locale), rs.getString(1), title(false, rs.getString(2), locale), null, first,
										String.format(java.util.Locale.ROOT, "%.1f", hours), "/complaints/" + rs.getString(2)));
							}
						}, KpiSnapshotJob.COMPLAINT, to, from, to);
			}
			case OPEN_CASES -> {
				filter.requireAll();
				// why each case counts, by the snapshot job's own rules: a next step with a due date open at the end, or idle 14 days
				String open = "p.PROC_DEF_KEY_ in (?, ?) and p.START_TIME_ < ? and (p.END_TIME_ is null or p.END_TIME_ >= ?)";
				var withNext = new java.util.HashSet<>(jdbc.queryForList("select distinct p.ID_ from ACT_HI_PROCINST p join ACT_HI_TASKINST t"
						+ " on t.PROC_INST_ID_ = p.ID_ where " + open + " and t.START_TIME_ < ? and (t.END_TIME_ is null or t.END_TIME_ >= ?)"
						+ " and t.DUE_DATE_ is not null", String.class, KpiSnapshotJob.LEAD_TO_SALE, KpiSnapshotJob.COMPLAINT, to, to, to, to));
				Timestamp idleSince = KpiSnapshotJob.start(w.to().plusDays(1).minusDays(14));
				var active = new java.util.HashSet<>(jdbc.queryForList("select distinct a.PROC_INST_ID_ from ACT_HI_ACTINST a"
						+ " where a.START_TIME_ >= ? and a.START_TIME_ < ?", String.class, idleSince, to));
				jdbc.query("select p.ID_, p.BUSINESS_KEY_, p.PROC_DEF_KEY_, p.START_TIME_ from ACT_HI_PROCINST p"
						+ " where " + open + " order by p.START_TIME_", rs -> {
							boolean lead = KpiSnapshotJob.LEAD_TO_SALE.equals(rs.getString(3));
							String id = rs.getString(1);
							String why = kpi == Kpi.DATA_STALE_CASES
									? text(active.contains(id) ? "value.activeRecently" : "value.stale", locale)
									: text(withNext.contains(id) ? "value.nextStepDue" : "value.noNextStep", locale);
							out.add(new Case(text("kind.instance", locale), id, title(lead, rs.getString(2), locale),
									null, rs.getTimestamp(4).toInstant(), why,
									(lead ? "/leads/" : "/complaints/") + rs.getString(2)));
						}, KpiSnapshotJob.LEAD_TO_SALE, KpiSnapshotJob.COMPLAINT, to, to);
			}
			case TRAINING_RECORDS -> {
				// as of the window's end, or now when it ends today: the figure's own rule (Cockpit.figures)
				Instant end = to.toInstant().isAfter(dev.lodestar.system.EngineClock.INSTANCE.instant())
						? dev.lodestar.system.EngineClock.INSTANCE.instant().plusMillis(1)
						: to.toInstant();
				for (var member : training.participants()) {
					if (member.invitedBy(end) && filter.matchesWithoutCohort(member.participant())) {
						var r = member.asOf(end); // as the person stood at the window's end (the rollout module's rules)
						boolean done = r.passed();
						out.add(new Case(text("kind.training", locale), r.waveId() + "/" + r.participant(),
								messages.getMessage("rollout.wave." + r.waveKind(), null, r.waveName(), locale), r.participant(),
								done ? r.passedAt() : r.since(),
								done ? messages.getMessage("insight.case.value.passedScore", new Object[] { r.score() }, locale)
										: r.overdue() ? text("value.overdue", locale)
										: r.score() != null ? messages.getMessage("insight.case.value.failedScore", new Object[] { r.score() }, locale)
										: text("value.open", locale),
								null));
					}
				}
			}
		}
		return out.cases();
	}

	/** The process's name in the reader's language (the translation is keyed to the model's own name). */
	private String processName(String key, Locale locale) {
		var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
		String name = definition == null || definition.getName() == null ? key : definition.getName();
		return processTexts.processName(key, name, locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage("insight.case." + key, null, locale);
	}

	private String title(boolean lead, String businessKey, Locale locale) {
		return messages.getMessage(lead ? "insight.case.lead" : "insight.case.complaint", new Object[] { businessKey },
				locale);
	}

	/** A department's name in the reader's language (its id where there is none). */
	String department(String id, Locale locale) {
		return messages.getMessage("insight.department." + id, null, id, locale);
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	/** Whether a person belongs to a slice on a day (the cohort changes when they finish training). */
	private final class SliceFilter {

		private final String kind;
		private final String value;
		private final Map<String, People.Person> members;

		SliceFilter(String slice, Map<String, People.Person> members) {
			this.members = members;
			if (slice == null || slice.isBlank() || "all".equals(slice) || "all:all".equals(slice)) {
				kind = "all";
				value = "all";
			}
			else {
				int colon = slice.indexOf(':');
				if (colon < 1) {
					throw new InvalidInputException("slice", "must look like department:sales, role:sales-rep or cohort:trained");
				}
				kind = slice.substring(0, colon);
				value = slice.substring(colon + 1);
				if (!List.of("role", "department", "cohort").contains(kind)) {
					throw new InvalidInputException("slice", "must be a role, department or cohort slice");
				}
			}
		}

		void requireAll() {
			if (!"all".equals(kind)) { // Kpi.Cases.everybodyOnly: such a figure has no drill-down per slice
				throw new InvalidInputException("slice", "this figure is kept for everybody only");
			}
		}

		boolean matchesWithoutCohort(String who) {
			return "cohort".equals(kind) ? false : matches(who, null);
		}

		boolean matches(String who, LocalDate day) {
			if ("all".equals(kind)) {
				return true;
			}
			var p = who == null ? null : members.get(who);
			if (p == null) {
				return false;
			}
			return switch (kind) {
				case "role" -> p.roles().contains(value);
				case "department" -> p.department().equals(value);
				default -> {
					boolean trained = Boolean.TRUE.equals(jdbc.queryForObject(
							"select count(*) > 0 from crm_kpi_trained where participant = ? and completed_at < ?", Boolean.class,
							who, KpiSnapshotJob.start(day.plusDays(1))));
					yield "trained".equals(value) == trained;
				}
			};
		}

	}

}
