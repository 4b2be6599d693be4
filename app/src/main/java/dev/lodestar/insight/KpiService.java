package dev.lodestar.insight;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The KPI figures now: the figures over the window ({@link InsightSettings#window()}) read from
 * the snapshots, everybody's slice. Reading writes nothing; a KPI review brings today's rows up
 * to date first ({@link #refreshedNow()}).
 */
@Service
public class KpiService {

	/** The Camunda user info that names a person's department (the cockpit's department slice). */
	public static final String DEPARTMENT_INFO = People.DEPARTMENT_INFO;

	private final KpiSnapshotJob job;
	private final Cockpit cockpit;

	KpiService(KpiSnapshotJob job, Cockpit cockpit) {
		this.job = job;
		this.cockpit = cockpit;
	}

	/** Every KPI now, in the order of {@link Kpi}, in English, as the snapshots hold them (reads only). */
	public List<KpiFigure> current() {
		return cockpit.figures(cockpit.window(null, null), "all", "all", Locale.ENGLISH)
			.stream()
			.map(f -> new KpiFigure(f.code(), Kpi.valueOf(f.code()).title(), f.definition(), Kpi.valueOf(f.code()).unit(),
					f.value(), f.target(), f.higherIsBetter(), f.onTarget(), f.cases(), null))
			.toList();
	}

	/** Brings yesterday's and today's snapshot rows up to date, then {@link #current()}: what a KPI review gathers. */
	public List<KpiFigure> refreshedNow() {
		var today = KpiSnapshotJob.today();
		job.refresh(today.minusDays(1), today);
		return current();
	}

	/**
	 * Writes the snapshot rows of the days {@code from}..{@code to} (both included) now, instead of
	 * waiting for the scheduled job: for history recorded at start-up (the demo's).
	 */
	public void snapshot(LocalDate from, LocalDate to) {
		job.refresh(from, to);
	}

	/** The definitions, in English. */
	public List<Map<String, Object>> definitions() {
		return Arrays.stream(Kpi.values())
			.map(k -> Map.<String, Object>of("code", k.name(), "name", k.title(), "layer", k.layer().name(), "definition",
					cockpit.definition(k, Locale.ENGLISH), "unit", k.unit(), "higherIsBetter", k.higherIsBetter()))
			.toList();
	}

}
