package dev.lodestar.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link RolloutOverview} from this module's own tables and the go-live gate's decision history. */
@Component
class RolloutOverviewQueries implements RolloutOverview {

	private final JdbcTemplate jdbc;
	private final HistoryService history;

	RolloutOverviewQueries(JdbcTemplate jdbc, HistoryService history) {
		this.jdbc = jdbc;
		this.history = history;
	}

	@Override
	@Transactional(readOnly = true)
	public Programme latest() {
		var ids = jdbc.queryForList("select id from crm_rollout order by id desc", Long.class);
		if (ids.isEmpty()) {
			return null;
		}
		Long id = ids.get(0);
		var head = jdbc.queryForMap("select name, status, process_instance_id from crm_rollout where id = ?", id);
		var phases = jdbc.query("select * from crm_rollout_phase where rollout_id = ? order by position",
				(rs, i) -> new PhaseRow(rs.getString("code"), rs.getString("name"), rs.getInt("position"),
						instant(rs, "planned_start"), instant(rs, "planned_end"), instant(rs, "actual_start"),
						instant(rs, "actual_end"), rs.getBigDecimal("planned_cost"), rs.getBigDecimal("actual_cost"),
						rs.getString("quality_target"), rs.getString("quality_result"), rs.getString("status")),
				id);
		var stakeholders = jdbc.query("select * from crm_stakeholder where rollout_id = ? order by id",
				(rs, i) -> new StakeholderRow(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
						rs.getString("department"), rs.getInt("influence"), rs.getInt("interest"),
						integer(rs, "awareness"), integer(rs, "desire"), integer(rs, "knowledge"), integer(rs, "ability"),
						integer(rs, "reinforcement"), rs.getString("quadrant")),
				id);
		var barriers = jdbc.query("select b.*, s.name as stakeholder_name from crm_barrier_point b"
				+ " join crm_stakeholder s on s.id = b.stakeholder_id where b.rollout_id = ? order by b.id",
				(rs, i) -> new BarrierRow(rs.getLong("id"), rs.getString("stakeholder_name"), rs.getString("dimension"),
						rs.getInt("score"), rs.getString("status"), rs.getString("mitigation"), instant(rs, "opened_at"),
						instant(rs, "closed_at")),
				id);
		var issues = jdbc.query("select * from crm_rollout_issue where rollout_id = ? order by id",
				(rs, i) -> new IssueRow(rs.getLong("id"), rs.getString("title"), rs.getBoolean("critical"),
						rs.getString("status"), rs.getString("reported_by"), instant(rs, "opened_at"),
						instant(rs, "closed_at")),
				id);
		var gates = new ArrayList<GateRow>();
		String instance = (String) head.get("process_instance_id");
		if (instance != null) {
			history.createHistoricDecisionInstanceQuery()
				.decisionDefinitionKey(RolloutProcess.DECISION_GATE)
				.processInstanceId(instance)
				.includeOutputs()
				.orderByEvaluationTime()
				.asc()
				.list()
				.forEach(d -> {
					var outputs = new ArrayList<Map<String, Object>>();
					var byRule = new LinkedHashMap<String, Map<String, Object>>();
					d.getOutputs().forEach(o -> byRule.computeIfAbsent(o.getRuleId() + "#" + o.getRuleOrder(),
							k -> new LinkedHashMap<>()).put(o.getVariableName(), o.getValue()));
					outputs.addAll(byRule.values());
					gates.add(new GateRow(d.getEvaluationTime().toInstant(), outputs));
				});
		}
		return new Programme(id, (String) head.get("name"), (String) head.get("status"), phases, gates, stakeholders,
				barriers, issues);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}


}
