package dev.lodestar.rollout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.EngineClock;

/**
 * The one place where training progress is worked out ({@link TrainingProgress}): the audience of
 * each wave resolved now, each member's attendance and knowledge check from their record, and
 * the figures of the wave from those. Reads only.
 */
@Service
@Transactional(readOnly = true)
class TrainingLedger implements TrainingProgress {

	private final TrainingWaves waves;
	private final TrainingRecords records;
	private final IdentityService identity;
	private final Clock clock;

	TrainingLedger(TrainingWaves waves, TrainingRecords records, IdentityService identity, Optional<Clock> clock) {
		this.waves = waves;
		this.records = records;
		this.identity = identity;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	@Override
	public List<WaveProgress> waves() {
		var groups = new HashMap<String, List<String>>();
		return waves.findAll()
			.stream()
			.sorted(Comparator.comparing(TrainingWave::getId).reversed())
			.map(w -> progress(w, members(w, groups)))
			.toList();
	}

	@Override
	public List<WaveProgress> wavesOfRollout(Long rolloutId) {
		var groups = new HashMap<String, List<String>>();
		return waves.findByRolloutIdOrderById(rolloutId).stream().map(w -> progress(w, members(w, groups))).toList();
	}

	@Override
	public List<ParticipantStatus> participants() {
		var groups = new HashMap<String, List<String>>();
		var out = new ArrayList<ParticipantStatus>();
		waves.findAll().stream().sorted(Comparator.comparing(TrainingWave::getId)).forEach(w -> out.addAll(members(w, groups)));
		return out;
	}

	/** One wave's figures. */
	WaveProgress progress(TrainingWave wave) {
		return progress(wave, members(wave));
	}

	/** The members of one wave's audience with their state. */
	List<ParticipantStatus> members(TrainingWave wave) {
		return members(wave, new HashMap<>());
	}

	/** Whether {@code participant} belongs to the wave's audience now. */
	boolean inAudience(TrainingWave wave, String participant) {
		var record = records.findByWaveIdAndParticipant(wave.getId(), participant);
		if (record.isPresent()) {
			return !record.get().isRemoved();
		}
		return wave.audienceRoles().stream()
			.anyMatch(role -> identity.createUserQuery().userId(participant).memberOfGroup(role).count() > 0);
	}

	/**
	 * The newest wave with its material in {@code folder} that has invited its audience, whose
	 * audience holds {@code participant} and whose check they have not passed: the check open for
	 * them without a task (late joiners, people past the deadline).
	 */
	Optional<TrainingWave> dueFor(String participant, String folder) {
		return allDueFor(participant, folder).stream().findFirst();
	}

	/** Every wave with its material in {@code folder} whose check {@code participant} still owes, newest first. */
	List<TrainingWave> allDueFor(String participant, String folder) {
		return waves.findAll()
			.stream()
			.filter(w -> w.getCode().materialFolder().equals(folder))
			.sorted(Comparator.comparing(TrainingWave::getId).reversed())
			.filter(w -> !records.findByWaveIdOrderByParticipant(w.getId()).isEmpty())
			.filter(w -> inAudience(w, participant))
			.filter(w -> records.findByWaveIdAndParticipant(w.getId(), participant)
				.map(r -> !r.passed(w.getPassScore()))
				.orElse(true))
			.toList();
	}

	private WaveProgress progress(TrainingWave wave, List<ParticipantStatus> members) {
		return new WaveProgress(wave.getId(), wave.getRolloutId(), wave.getCode().name(), wave.getName(),
				wave.getStatus().name(), 0, 0, 0, wave.getCompletionTarget(), wave.getDeadline(), 0, 0).of(members);
	}

	/**
	 * The audience: everyone with a record that was not taken out, and the members of the wave's
	 * roles now who have none yet (they joined after the invitation). Before the wave invited
	 * anybody, its audience is empty: nobody has been asked yet.
	 */
	private List<ParticipantStatus> members(TrainingWave wave, Map<String, List<String>> groups) {
		var byParticipant = new TreeMap<String, TrainingRecord>();
		records.findByWaveIdOrderByParticipant(wave.getId()).forEach(r -> byParticipant.put(r.getParticipant(), r));
		if (byParticipant.isEmpty()) {
			return List.of();
		}
		Instant invited = byParticipant.values().stream().map(TrainingRecord::getInvitedAt).filter(Objects::nonNull)
			.min(Comparator.naturalOrder()).orElse(null);
		var people = new TreeMap<String, TrainingRecord>();
		for (String role : wave.audienceRoles()) {
			for (String user : groups.computeIfAbsent(role, this::membersOf)) {
				people.putIfAbsent(user, null);
			}
		}
		people.putAll(byParticipant);
		Instant now = clock.instant();
		boolean pastDeadline = wave.getDeadline() != null && wave.getDeadline().isBefore(now);
		var out = new ArrayList<ParticipantStatus>();
		people.forEach((participant, record) -> {
			if (record != null && record.isRemoved()) {
				return;
			}
			boolean passed = record != null && record.passed(wave.getPassScore());
			out.add(new ParticipantStatus(wave.getId(), wave.getRolloutId(), wave.getCode().name(), wave.getName(),
					participant, record != null ? record.getInvitedAt() : invited, record != null && record.isAttended(),
					record == null ? null : record.getScore(), wave.getPassScore(), passed,
					passed ? record.getScoredAt() : null, wave.getDeadline(), !passed && pastDeadline,
					record != null && record.getAddedBy() != null));
		});
		return out;
	}

	private List<String> membersOf(String role) {
		return identity.createUserQuery().memberOfGroup(role).orderByUserId().asc().list().stream().map(User::getId).toList();
	}

}
