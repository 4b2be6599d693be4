package dev.lodestar.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link RolloutOverview} from this module's own tables and the go-live gate's decision history. */
@Component
class RolloutOverviewQueries implements RolloutOverview {

	private final JdbcTemplate jdbc;
	private final HistoryService history;
	private final TaskService tasks;
	private final RuntimeService runtime;

	RolloutOverviewQueries(JdbcTemplate jdbc, HistoryService history, TaskService tasks, RuntimeService runtime) {
		this.jdbc = jdbc;
		this.history = history;
		this.tasks = tasks;
		this.runtime = runtime;
	}

	@Override
	@Transactional(readOnly = true)
	public Programme latest(Instant asOf) {
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
		if (asOf != null) {
			stakeholders = stakeholders.stream().map(s -> scoresAsOf(s, asOf)).toList();
		}
		// the register's open mitigation tasks, by barrier point: who holds each
		var mitigationTasks = new HashMap<Long, String>();
		for (var task : tasks.createTaskQuery()
			.processDefinitionKey(StakeholderAssessmentProcess.KEY)
			.taskDefinitionKey(StakeholderAssessmentProcess.TASK_MITIGATE)
			.list()) {
			if (runtime.getVariable(task.getExecutionId(), StakeholderAssessmentProcess.VAR_BARRIER_POINT_ID) instanceof Long bp) {
				mitigationTasks.put(bp, task.getAssignee() == null ? "" : task.getAssignee());
			}
		}
		var barriers = jdbc.query("select b.*, s.name as stakeholder_name from crm_barrier_point b"
				+ " join crm_stakeholder s on s.id = b.stakeholder_id where b.rollout_id = ? order by b.id",
				(rs, i) -> new BarrierRow(rs.getLong("id"), rs.getString("stakeholder_name"), rs.getString("dimension"),
						rs.getInt("score"), rs.getString("status"), rs.getString("mitigation"), instant(rs, "opened_at"),
						instant(rs, "closed_at"), mitigationTasks.get(rs.getLong("id"))),
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
				.includeInputs()
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
					// the figures that went in, by the names the gate's inputs carry (the table's input expressions)
					var inputs = new LinkedHashMap<String, Object>();
					d.getInputs().forEach(i -> inputs.put(inputName(i.getClauseId()), i.getValue()));
					gates.add(new GateRow(d.getEvaluationTime().toInstant(), inputs, outputs, outputs.isEmpty()));
				});
		}
		return new Programme(id, (String) head.get("name"), (String) head.get("status"), phases, gates, stakeholders,
				barriers, issues);
	}

	/** The gate's input (clause id {@code Input_ExecutivesCompletion}) by its variable's name ({@code executivesCompletion}). */
	static String inputName(String clauseId) {
		String name = clauseId.startsWith("Input_") ? clauseId.substring("Input_".length()) : clauseId;
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/** A stakeholder's scores as they stood at {@code asOf}: the current ones if assessed before, else the last assessment before. */
	private StakeholderRow scoresAsOf(StakeholderRow s, Instant asOf) {
		var assessedAt = jdbc.queryForObject("select assessed_at from crm_stakeholder where id = ?", Timestamp.class, s.id());
		if (assessedAt != null && assessedAt.toInstant().isBefore(asOf)) {
			return s;
		}
		var earlier = jdbc.query("select awareness, desire, knowledge, ability, reinforcement from crm_stakeholder_assessment"
				+ " where stakeholder_id = ? and assessed_at < ? order by assessed_at desc, id desc",
				(rs, i) -> new Integer[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) }, s.id(),
				Timestamp.from(asOf));
		Integer[] v = earlier.isEmpty() ? new Integer[5] : earlier.get(0);
		return new StakeholderRow(s.id(), s.name(), s.category(), s.department(), s.influence(), s.interest(), v[0], v[1],
				v[2], v[3], v[4], s.quadrant());
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
