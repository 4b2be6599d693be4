package dev.lodestar.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;

/** The KPI targets executives set (default: {@link Kpi#target()}), and the log of every change. */
@Component
class KpiTargets {

	private final JdbcTemplate jdbc;

	KpiTargets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Map<Kpi, Double> all() {
		var targets = new EnumMap<Kpi, Double>(Kpi.class);
		for (Kpi k : Kpi.values()) {
			targets.put(k, k.target());
		}
		jdbc.query("select kpi_code, target from crm_kpi_target", rs -> {
			try {
				targets.put(Kpi.valueOf(rs.getString(1)), rs.getDouble(2));
			}
			catch (IllegalArgumentException retired) {
				// a KPI that no longer exists
			}
		});
		return targets;
	}

	/** Sets a target and logs who changed it from what to what. */
	@Transactional
	Change set(Kpi kpi, Double target, String reason, String by) {
		if (target == null || target.isNaN() || target < 0 || (kpi.percent() && target > 100)) {
			throw new InvalidInputException("target", kpi.percent() ? "must be between 0 and 100" : "must be 0 or more");
		}
		Double old = all().get(kpi);
		Timestamp now = Timestamp.from(EngineClock.INSTANCE.instant());
		if (jdbc.update("update crm_kpi_target set target = ?, changed_by = ?, changed_at = ? where kpi_code = ?", target, by,
				now, kpi.name()) == 0) {
			jdbc.update("insert into crm_kpi_target (kpi_code, target, changed_by, changed_at) values (?, ?, ?, ?)",
					kpi.name(), target, by, now);
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > 1000) {
			throw new InvalidInputException("reason", "at most 1000 characters");
		}
		jdbc.update("insert into crm_kpi_target_change (kpi_code, old_target, new_target, changed_by, changed_at, reason)"
				+ " values (?, ?, ?, ?, ?, ?)", kpi.name(), old, target, by, now, why);
		return new Change(kpi.name(), old, target, by, now.toInstant(), why);
	}

	@Transactional(readOnly = true)
	List<Change> changes() {
		return jdbc.query("select kpi_code, old_target, new_target, changed_by, changed_at, reason from crm_kpi_target_change"
				+ " order by id desc", (rs, i) -> new Change(rs.getString(1), (Double) rs.getObject(2), rs.getDouble(3),
						rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
	}

	/** One change of a target. */
	record Change(String kpi, Double oldTarget, double newTarget, String changedBy, Instant changedAt, String reason) {
	}

}
