package dev.lodestar.rollout;

/**
 * A participant finished a training wave (attended; {@code score} of the knowledge check, or
 * {@code null}). Insight's training cohorts are built from these.
 */
public record TrainingCompleted(long waveId, String waveCode, String participant, Integer score) {
}
