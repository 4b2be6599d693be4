package dev.lodestar.rollout;

import java.util.List;

/** Training completion per wave, read from the training records: the rollout's public API for KPIs. */
public interface TrainingProgress {

	/** Every wave, newest rollout first. */
	List<WaveProgress> waves();

	/**
	 * One wave's completion.
	 *
	 * @param completionPercent completed records / invited participants x 100, or 0 before anybody is invited
	 */
	record WaveProgress(Long waveId, Long rolloutId, String kind, String name, String status, long invited,
			long completed, double completionPercent, int target) {
	}

}
