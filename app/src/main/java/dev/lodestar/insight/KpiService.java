package dev.lodestar.insight;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The KPI figures now: the snapshot job brings today's rows up to date, then the figures over
 * the window ({@link InsightSettings#window()}) are read from the snapshots, everybody's slice.
 */
@Service
public class KpiService {

	private final KpiSnapshotJob job;
	private final Cockpit cockpit;

	KpiService(KpiSnapshotJob job, Cockpit cockpit) {
		this.job = job;
		this.cockpit = cockpit;
	}

	/** Every KPI now, in the order of {@link Kpi}, in English. */
	public List<KpiFigure> current() {
		var today = KpiSnapshotJob.today();
		job.refresh(today.minusDays(1), today);
		return cockpit.figures(cockpit.window(null, null), "all", "all", Locale.ENGLISH)
			.stream()
			.map(f -> new KpiFigure(f.code(), Kpi.valueOf(f.code()).title(), f.definition(), Kpi.valueOf(f.code()).unit(),
					f.value(), f.target(), f.higherIsBetter(), f.onTarget(), f.cases(), null))
			.toList();
	}

	/** The definitions, in English. */
	public List<Map<String, Object>> definitions() {
		return Arrays.stream(Kpi.values())
			.map(k -> Map.<String, Object>of("code", k.name(), "name", k.title(), "layer", k.layer().name(), "definition",
					cockpit.definition(k, Locale.ENGLISH), "unit", k.unit(), "higherIsBetter", k.higherIsBetter()))
			.toList();
	}

}
