package dev.lodestar.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.lodestar.system.FormValues;

/**
 * The complaint list as SQL: the filters, the count, the order and the page run in the
 * database, so the list costs the same with 200 complaints or 20,000.
 *
 * <p>A complaint's SLA state is worked out in the same statement, as {@link ComplaintBoard}
 * works it out for one complaint: CLOSED and RESOLVED (awaiting confirmation) by its status; an
 * open complaint with no open step but the escalation review that waits for its customer (an
 * open SLA pause) is WAITING_FOR_CUSTOMER; otherwise the worst of its active steps (the
 * escalation review does not count): BREACHED past a due date, WARNING past a follow-up date,
 * else ON_TIME, due at the earliest due date. It reads the engine's runtime tables once, grouped
 * per case (the business key of a complaint's process is its id).
 */
record ComplaintListQuery(String where, MapSqlParameterSource parameters) {

	/** One row of a page: the complaint's id, its SLA state and when its open steps are due. */
	record Found(long id, ComplaintSlaState state, Instant due) {
	}

	private static final String CASES = """
			with steps as (
			  select E.BUSINESS_KEY_ as case_key, count(*) as working, min(T.DUE_DATE_) as due,
			         sum(case when T.DUE_DATE_ < :now then 1 else 0 end) as breached,
			         sum(case when T.FOLLOW_UP_DATE_ < :now then 1 else 0 end) as warned
			  from ACT_RU_TASK T
			  join ACT_RU_EXECUTION E on E.ID_ = T.PROC_INST_ID_
			  join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_
			  where D.KEY_ = :process and T.SUSPENSION_STATE_ = 1 and T.TASK_DEF_KEY_ <> :escalation
			  group by E.BUSINESS_KEY_),
			cases as (
			  select c.id, c.received_at, c.category, c.customer_name, c.customer_email, c.customer_phone,
			    case when c.status = 'CLOSED' then 'CLOSED'
			         when c.status = 'RESOLVED' then 'AWAITING_CONFIRMATION'
			         when coalesce(s.working, 0) = 0 and exists (select 1 from crm_complaint_sla_pause p
			              where p.complaint_id = c.id and p.resumed_at is null) then 'WAITING_FOR_CUSTOMER'
			         when s.breached > 0 then 'BREACHED'
			         when s.warned > 0 then 'WARNING'
			         else 'ON_TIME' end as sla_state,
			    s.due as open_due
			  from crm_complaint c left join steps s on s.case_key = cast(c.id as varchar(20)))
			""";

	static ComplaintListQuery of(ComplaintSlaState state, Category category, String text, Instant now) {
		var parameters = new MapSqlParameterSource().addValue("now", Timestamp.from(now))
			.addValue("process", ComplaintToResolution.PROCESS_KEY)
			.addValue("escalation", ComplaintToResolution.TASK_REVIEW_ESCALATION);
		var where = new ArrayList<String>();
		if (state != null) {
			where.add("sla_state = :state");
			parameters.addValue("state", state.name());
		}
		if (category != null) {
			where.add("category = :category");
			parameters.addValue("category", category.name());
		}
		String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
		if (needle != null) {
			var any = new ArrayList<String>(List.of("lower(customer_name) like :like escape '\\'",
					"lower(customer_email) like :like escape '\\'"));
			parameters.addValue("like", "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			String digits = needle.replaceAll("[^0-9]", "");
			if (digits.length() >= 4) {
				// the phone as digits: the separators people type (spaces, +, -, dots, slashes, brackets) dropped
				any.add("replace(replace(replace(replace(replace(replace(replace(customer_phone, ' ', ''), '+', ''),"
						+ " '-', ''), '.', ''), '/', ''), '(', ''), ')', '') like :digits");
				parameters.addValue("digits", "%" + digits + "%");
			}
			String number = needle.startsWith("#") ? needle.substring(1) : needle;
			FormValues.idOrEmpty(number).filter(id -> number.matches("[0-9]+")).ifPresent(id -> {
				any.add("id = :number");
				parameters.addValue("number", id);
			});
			where.add("(" + String.join(" or ", any) + ")");
		}
		return new ComplaintListQuery(where.isEmpty() ? "" : " where " + String.join(" and ", where), parameters);
	}

	String countSql() {
		return CASES + "select count(*) from cases" + where;
	}

	/** The page: newest first (then by number, so a page boundary never splits complaints received together). */
	String pageSql(int offset, int size) {
		return CASES + "select id, sla_state, case when sla_state in ('BREACHED', 'WARNING', 'ON_TIME') then open_due end as due"
				+ " from cases" + where + " order by received_at desc, id desc limit " + size + " offset " + offset;
	}

}
