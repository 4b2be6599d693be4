package dev.lodestar.insight;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.lodestar.complaint.ComplaintReopened;
import dev.lodestar.complaint.ComplaintResolved;
import dev.lodestar.complaint.SatisfactionRecorded;
import dev.lodestar.lead.LeadLost;
import dev.lodestar.lead.LeadWon;
import dev.lodestar.rollout.TrainingCompleted;

/**
 * Records the outcomes other modules announce, one row each in {@code crm_kpi_outcome} (and
 * completions in {@code crm_kpi_trained}); the snapshot job counts them. Time is the engine's
 * clock at the moment the outcome arrives (the demo's seeding waits for it, so that history
 * seeded with a moved clock lands on its day). A reopen and a satisfaction score count for whoever resolved the complaint last.
 */
@Component
class OutcomeListener {

	static final String LEAD_WON = "LEAD_WON";
	static final String LEAD_LOST = "LEAD_LOST";
	static final String COMPLAINT_RESOLVED = "COMPLAINT_RESOLVED";
	static final String COMPLAINT_REOPENED = "COMPLAINT_REOPENED";
	static final String SATISFACTION = "SATISFACTION";

	private final JdbcTemplate jdbc;
	private final Clock clock;

	OutcomeListener(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(LeadWon won) {
		record(LEAD_WON, String.valueOf(won.leadId()), won.owner(),
				won.amount() == null ? null : won.amount().doubleValue());
	}

	@ApplicationModuleListener
	void on(LeadLost lost) {
		record(LEAD_LOST, String.valueOf(lost.leadId()), lost.owner(), null);
	}

	@ApplicationModuleListener
	void on(ComplaintResolved resolved) {
		record(COMPLAINT_RESOLVED, String.valueOf(resolved.complaintId()), resolved.resolvedBy(), null);
	}

	@ApplicationModuleListener
	void on(ComplaintReopened reopened) {
		record(COMPLAINT_REOPENED, String.valueOf(reopened.complaintId()), resolverOf(reopened.complaintId()), null);
	}

	@ApplicationModuleListener
	void on(SatisfactionRecorded score) {
		record(SATISFACTION, String.valueOf(score.complaintId()), resolverOf(score.complaintId()), (double) score.score());
	}

	@ApplicationModuleListener
	void on(TrainingCompleted completed) {
		try {
			jdbc.update("insert into crm_kpi_trained (participant, wave_ref, completed_at, score) values (?, ?, ?, ?)",
					completed.participant(), String.valueOf(completed.waveId()), now(), completed.score());
		}
		catch (DuplicateKeyException alreadyKnown) {
			// the same completion delivered twice
		}
	}

	void record(String kind, String ref, String actor, Double amount) {
		try {
			jdbc.update("insert into crm_kpi_outcome (kind, ref, actor, occurred_at, amount) values (?, ?, ?, ?, ?)", kind,
					ref, actor, now(), amount);
		}
		catch (DuplicateKeyException alreadyKnown) {
			// the same outcome delivered twice
		}
	}

	private String resolverOf(long complaintId) {
		var actors = jdbc.queryForList("select actor from crm_kpi_outcome where kind = ? and ref = ? order by occurred_at desc",
				String.class, COMPLAINT_RESOLVED, String.valueOf(complaintId));
		return actors.isEmpty() ? null : actors.get(0);
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

}
