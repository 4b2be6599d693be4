package dev.lodestar.demo;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The once-only marker of the demo history ({@code crm_insight_marker}): absent, RUNNING or DONE, with progress. */
@Component
class DemoHistoryStatus {

	static final String MARKER = "demo-history";

	private final JdbcTemplate jdbc;
	private final Clock clock;

	DemoHistoryStatus(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** {@code null} when no demo history was ever started here. */
	String state() {
		var states = jdbc.queryForList("select state from crm_insight_marker where name = ?", String.class, MARKER);
		return states.isEmpty() ? null : states.get(0);
	}

	String detail() {
		var details = jdbc.queryForList("select detail from crm_insight_marker where name = ?", String.class, MARKER);
		return details.isEmpty() ? null : details.get(0);
	}

	/** Claims the marker; false when another start (or node) already has it. */
	boolean claim() {
		try {
			return jdbc.update("insert into crm_insight_marker (name, state, detail, updated_at) values (?, 'RUNNING', 'starting', ?)",
					MARKER, Timestamp.from(clock.instant())) == 1;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	void progress(String state, String detail) {
		jdbc.update("update crm_insight_marker set state = ?, detail = ?, updated_at = ? where name = ?", state, detail,
				Timestamp.from(clock.instant()), MARKER);
	}

}
