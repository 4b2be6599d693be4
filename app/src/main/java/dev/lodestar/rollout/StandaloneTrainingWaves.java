package dev.lodestar.rollout;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a training wave on its own, outside a rollout (the {@code training-wave} process runs
 * it): for tools such as the demo's history. {@code kind} is a wave kind's name
 * ({@code EXECUTIVES}, {@code PROJECT_TEAM}, {@code END_USERS}, {@code ALL_STAFF}).
 */
@Component
public class StandaloneTrainingWaves {

	private final TrainingService training;

	StandaloneTrainingWaves(TrainingService training) {
		this.training = training;
	}

	/** Creates and starts the wave; returns its process instance id. */
	@Transactional
	public String start(String kind, List<String> audience, Instant deadline) {
		var wave = training.createAndStart(null, WaveKind.valueOf(kind), audience, null, deadline);
		return training.wave(wave.getId()).getProcessInstanceId();
	}

}
