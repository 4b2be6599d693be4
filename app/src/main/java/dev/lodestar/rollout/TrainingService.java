package dev.lodestar.rollout;

import dev.lodestar.calendar.Dates;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.EngineClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.notification.NotificationService;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessApi;

/**
 * Training waves: creates them, and is the glue the {@code training-wave} process calls
 * ({@code ${trainingService...}}): who is invited, who is still pending, whether the target is met.
 */
@Service("trainingService")
@Transactional
public class TrainingService {

	private final TrainingWaves waves;
	private final Rollouts rollouts;
	private final TrainingRecords records;
	private final TrainingSessions sessions;
	private final TrainingAttendances attendances;
	private final RolloutMessages messages;
	private final IdentityService identityService;
	private final RuntimeService runtimeService;
	private final NotificationService notifications;
	private final Clock clock;
	private final String baseUrl;
	private final TrainingLedger ledger;
	private final Dates dates;

	TrainingService(TrainingWaves waves, Rollouts rollouts, TrainingRecords records, TrainingSessions sessions,
			TrainingAttendances attendances, RolloutMessages messages, IdentityService identityService, RuntimeService runtimeService, NotificationService notifications,
			Optional<Clock> clock, @Value("${lodestar.notification.base-url:http://localhost:8080}") String baseUrl,
			TrainingLedger ledger, Dates dates) {
		this.ledger = ledger;
		this.dates = dates;
		this.waves = waves;
		this.rollouts = rollouts;
		this.records = records;
		this.sessions = sessions;
		this.attendances = attendances;
		this.messages = messages;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.notifications = notifications;
		this.clock = clock.orElse(EngineClock.INSTANCE);
		this.baseUrl = baseUrl;
	}

	TrainingWave create(Long rolloutId, WaveKind kind, List<String> audience, Integer completionTarget,
			Instant deadline) {
		if (rolloutId != null && !rollouts.existsById(rolloutId)) {
			throw new NotFoundException("Rollout", rolloutId);
		}
		int target = completionTarget != null ? completionTarget : kind != null ? kind.completionTarget() : 0;
		return waves.save(new TrainingWave(rolloutId, kind, audience, target, deadline, clock.instant()));
	}

	/** A wave on its own (not called from a rollout): created and started in one transaction. */
	TrainingWave createAndStart(Long rolloutId, WaveKind kind, List<String> audience, Integer completionTarget,
			Instant deadline) {
		var wave = create(rolloutId, kind, audience, completionTarget, deadline);
		runtimeService.startProcessInstanceByKey(TrainingWaveProcess.KEY, "wave-" + wave.getId(),
				Map.of(TrainingWaveProcess.VAR_WAVE_ID, wave.getId()));
		return wave;
	}

	/** Start of {@code training-wave}: names the wave and its material for tasks and forms. */
	@ProcessApi
	public void describe(DelegateExecution execution) {
		var wave = wave((Long) execution.getVariable(TrainingWaveProcess.VAR_WAVE_ID));
		wave.start(execution.getProcessInstanceId());
		execution.setVariable(TrainingWaveProcess.VAR_WAVE_NAME, wave.getName());
		execution.setVariable(TrainingWaveProcess.VAR_MATERIAL_URL, materialLink(wave));
	}

	@ProcessApi
	public void planSession(Long waveId, DelegateTask task) {
		String title = FormValues.text(task.getVariable(TrainingWaveProcess.VAR_SESSION_TITLE));
		Instant startsAt = FormValues.instant(TrainingWaveProcess.VAR_SESSION_STARTS_AT,
				task.getVariable(TrainingWaveProcess.VAR_SESSION_STARTS_AT), dates.zone());
		if (title == null || title.isBlank() || startsAt == null) {
			throw new InvalidInputException(List.of(
					new InvalidInputException.FieldError(TrainingWaveProcess.VAR_SESSION_TITLE, "a session needs a title"),
					new InvalidInputException.FieldError(TrainingWaveProcess.VAR_SESSION_STARTS_AT, "and a start time")));
		}
		sessions.save(new TrainingSession(wave(waveId).getId(), title, startsAt,
				FormValues.text(task.getVariable(TrainingWaveProcess.VAR_SESSION_LOCATION)), task.getAssignee()));
	}

	/** Resolves the audience roles to people, records each invitation and e-mails it. */
	@ProcessApi
	public void invite(Long waveId) {
		var wave = wave(waveId);
		var people = new LinkedHashSet<String>();
		for (String role : wave.audienceRoles()) {
			identityService.createUserQuery().memberOfGroup(role).orderByUserId().asc().list().forEach(u -> people.add(u.getId()));
		}
		var sessionLines = sessions.findByWaveIdOrderByStartsAt(waveId)
			.stream()
			.map(s -> s.getTitle() + ", " + dates.isoWallClock(s.getStartsAt()) + ", "
					+ Optional.ofNullable(s.getLocation()).orElse(""))
			.toList();
		int invited = 0;
		for (String person : people) {
			if (records.findByWaveIdAndParticipant(waveId, person).isPresent()) {
				continue;
			}
			records.save(new TrainingRecord(waveId, person, clock.instant()));
			Map<String, Object> model = model(wave);
			model.put("sessions", sessionLines);
			notifications.notifyUser(person, "training-invitation", model, "training-invitation:" + waveId + ":" + person);
			invited++;
		}
		log(wave, String.join(", ", wave.audienceRoles()), invited, RolloutMessage.Kind.INVITATION, null);
	}

	/** Reminds every participant who has not finished yet, now; returns how many were reminded. */
	int remindPending(Long waveId, String by) {
		var wave = wave(waveId);
		var pending = pendingParticipants(waveId);
		for (String participant : pending) {
			records.findByWaveIdAndParticipant(waveId, participant).ifPresent(r -> r.reminded(clock.instant()));
			notifications.notifyUser(participant, "training-reminder", model(wave), null);
		}
		log(wave, String.join(", ", pending), pending.size(), RolloutMessage.Kind.REMINDER, by);
		return pending.size();
	}

	private void log(TrainingWave wave, String audience, int recipients, RolloutMessage.Kind kind, String by) {
		if (wave.getRolloutId() != null && recipients > 0) {
			messages.save(RolloutMessage.ofWave(kind, wave, audience, recipients, by, clock.instant()));
		}
	}

	/**
	 * The trainer's list of one session: each participant present or absent. Present marks the
	 * training record attended (completed when the knowledge check is scored too). Returns the
	 * participants who are present and already scored, whose trainer's task can now be completed.
	 */
	List<String> takeAttendance(Long sessionId, Map<String, Boolean> presence, String by) {
		var session = session(sessionId);
		var done = new java.util.ArrayList<String>();
		for (var entry : presence.entrySet()) {
			if (!ledger.inAudience(wave(session.getWaveId()), entry.getKey())) {
				throw new InvalidInputException("attendance", entry.getKey() + " is not in this wave's audience");
			}
			var record = recordOrJoin(session.getWaveId(), entry.getKey());
			var line = attendances.findBySessionIdAndParticipant(sessionId, entry.getKey())
				.orElseGet(() -> new TrainingAttendance(sessionId, entry.getKey()));
			boolean present = Boolean.TRUE.equals(entry.getValue());
			line.take(present, by, clock.instant());
			attendances.save(line);
			if (present) {
				record.markAttended(clock.instant());
				if (record.getScore() != null) {
					done.add(record.getParticipant());
				}
			}
			else if (!presentElsewhere(session, entry.getKey())) {
				record.markAbsent();
			}
		}
		return done;
	}

	private boolean presentElsewhere(TrainingSession session, String participant) {
		return sessions.findByWaveIdOrderByStartsAt(session.getWaveId())
			.stream()
			.filter(s -> !s.getId().equals(session.getId()))
			.anyMatch(s -> attendances.findBySessionIdAndParticipant(s.getId(), participant)
				.map(TrainingAttendance::isPresent)
				.orElse(false));
	}

	/** Whether the participant's record is complete (attended and scored): the trainer has nothing left to record. */
	@ProcessApi
	public boolean completed(Long waveId, String participant) {
		return records.findByWaveIdAndParticipant(waveId, participant).map(TrainingRecord::isCompleted).orElse(false);
	}

	/** The participant's record of the wave; made now for a member of the audience who has none yet. */
	TrainingRecord recordOrJoin(Long waveId, String participant) {
		return records.findByWaveIdAndParticipant(waveId, participant)
			.orElseGet(() -> records.save(new TrainingRecord(waveId, participant, clock.instant())));
	}

	/**
	 * The trainer names a person into the wave (beside its roles), or brings back one removed;
	 * the person is invited by e-mail. 404 for an unknown user, 409 when already in the audience
	 * or the wave is closed.
	 */
	TrainingRecord addParticipant(Long waveId, String participant, String by) {
		var wave = wave(waveId);
		if (wave.isClosed()) {
			throw new dev.lodestar.system.ConflictException("Wave " + waveId + " is closed");
		}
		if (participant == null || participant.isBlank()) {
			throw new InvalidInputException("participant", "is required");
		}
		if (identityService.createUserQuery().userId(participant).count() == 0) {
			throw new NotFoundException("User", participant);
		}
		var existing = records.findByWaveIdAndParticipant(waveId, participant);
		if (existing.isPresent() && !existing.get().isRemoved()) {
			throw new dev.lodestar.system.ConflictException(participant + " is already in wave " + waveId);
		}
		var record = existing.map(r -> {
			r.restore(by);
			return r;
		}).orElseGet(() -> records.save(TrainingRecord.added(waveId, participant, by, clock.instant())));
		Map<String, Object> model = model(wave);
		notifications.notifyUser(participant, "training-invitation", model,
				"training-invitation:" + waveId + ":" + participant + ":" + clock.instant().toEpochMilli());
		log(wave, participant, 1, RolloutMessage.Kind.INVITATION, by);
		return record;
	}

	/** The trainer takes a person out of the wave's audience (whatever their roles); 404 when not in it. */
	void removeParticipant(Long waveId, String participant, String by) {
		var wave = wave(waveId);
		if (wave.isClosed()) {
			throw new dev.lodestar.system.ConflictException("Wave " + waveId + " is closed");
		}
		if (!ledger.inAudience(wave, participant)) {
			throw new NotFoundException("Participant of wave " + waveId, participant);
		}
		records.findByWaveIdAndParticipant(waveId, participant)
			.orElseGet(() -> records.save(new TrainingRecord(waveId, participant, clock.instant())))
			.remove(by, clock.instant());
	}

	/** Tells the other modules (insight's cohorts) that the participant passed the wave's check. */
	void announceIfPassed(TrainingWave wave, TrainingRecord record) {
		if (record.passed(wave.getPassScore()) && events != null) {
			events.publishEvent(new TrainingCompleted(wave.getId(), wave.getCode().name(), record.getParticipant(),
					record.getScore()));
		}
	}

	TrainingRecord record(Long waveId, String participant) {
		return records.findByWaveIdAndParticipant(waveId, participant)
			.orElseThrow(() -> new NotFoundException("Training record", waveId + "/" + participant));
	}

	TrainingSession session(Long sessionId) {
		return sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("Training session", sessionId));
	}

	List<TrainingAttendance> attendanceOf(Long sessionId) {
		return attendances.findBySessionIdOrderByParticipant(sessionId);
	}

	/** A session the trainer adds beside the first one (a second date, an online repeat). */
	public TrainingSession addSession(Long waveId, String title, Instant startsAt, String location, String trainer) {
		var wave = wave(waveId);
		if (title == null || title.isBlank()) {
			throw new InvalidInputException("title", "a session needs a title");
		}
		if (startsAt == null) {
			throw new InvalidInputException("startsAt", "a session needs a date and time");
		}
		return sessions.save(new TrainingSession(wave.getId(), title.trim(), startsAt, location, trainer));
	}

	/** The participants who have not completed yet: after an extension only they get a task again. */
	@ProcessApi
	public List<String> pendingParticipants(Long waveId) {
		return records.findByWaveIdOrderByParticipant(waveId)
			.stream()
			.filter(r -> !r.isCompleted())
			.map(TrainingRecord::getParticipant)
			.toList();
	}

	@ProcessApi
	public boolean targetMet(Long waveId) {
		var progress = progress(wave(waveId));
		return progress.invited() > 0 && progress.completionPercent() >= progress.target();
	}

	@ProcessApi
	public Date deadlineOf(Long waveId) {
		return Date.from(wave(waveId).getDeadline());
	}

	@ProcessApi
	public Date reminderDateOf(Long waveId) {
		return Date.from(wave(waveId).getReminderAt());
	}

	@ProcessApi
	public void remind(Long waveId, String participant) {
		var wave = wave(waveId);
		records.findByWaveIdAndParticipant(waveId, participant).ifPresent(r -> r.reminded(clock.instant()));
		notifications.notifyUser(participant, "training-reminder", model(wave),
				"training-reminder:" + waveId + ":" + participant + ":" + wave.getDeadline());
		log(wave, participant, 1, RolloutMessage.Kind.REMINDER, null);
	}

	@ProcessApi
	public void recordResult(Long waveId, String participant, Object attended, Object score) {
		var record = records.findByWaveIdAndParticipant(waveId, participant)
			.orElseThrow(() -> new NotFoundException("Training record", waveId + "/" + participant));
		record.record(FormValues.bool(attended),
				FormValues.integer(TrainingWaveProcess.VAR_SCORE, score), clock.instant());
		announceIfPassed(wave(waveId), record);
	}

	private org.springframework.context.ApplicationEventPublisher events;

	/** Completions go out as events; set apart from the constructor to keep this class's edits small. */
	@org.springframework.beans.factory.annotation.Autowired
	void setEvents(org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
	}

	@ProcessApi
	public void extend(Long waveId, Object newDeadline) {
		wave(waveId).extend(FormValues.instant(TrainingWaveProcess.VAR_NEW_DEADLINE, newDeadline,
				dates.zone()), clock.instant());
	}

	@ProcessApi
	public void close(Long waveId) {
		var wave = wave(waveId);
		wave.close(targetMet(waveId), clock.instant());
	}

	/** The members of a wave's audience with their state. */
	@Transactional(readOnly = true)
	List<TrainingProgress.ParticipantStatus> members(TrainingWave wave) {
		return ledger.members(wave);
	}

	/** Every wave's figures, newest first. */
	@Transactional(readOnly = true)
	List<TrainingProgress.WaveProgress> waves() {
		return ledger.waves();
	}

	/** A rollout's waves' figures. */
	@Transactional(readOnly = true)
	List<TrainingProgress.WaveProgress> wavesOf(Long rolloutId) {
		return ledger.wavesOfRollout(rolloutId);
	}

	/** One wave's figures, from the one place that works them out ({@link TrainingLedger}). */
	TrainingProgress.WaveProgress progress(TrainingWave wave) {
		return ledger.progress(wave);
	}

	public TrainingWave wave(Long waveId) {
		if (waveId == null) {
			throw new InvalidInputException(TrainingWaveProcess.VAR_WAVE_ID, "is required");
		}
		return waves.findById(waveId).orElseThrow(() -> new NotFoundException("Training wave", waveId));
	}

	List<TrainingRecord> recordsOf(Long waveId) {
		return records.findByWaveIdOrderByParticipant(waveId);
	}

	/** A participant's records with their waves. */
	List<ParticipantRecord> recordsOfParticipant(String participant) {
		return records.findByParticipantOrderById(participant)
			.stream()
			.map(r -> new ParticipantRecord(wave(r.getWaveId()), r))
			.toList();
	}

	record ParticipantRecord(TrainingWave wave, TrainingRecord record) {
	}

	List<TrainingWave> wavesOfRollout(Long rolloutId) {
		return waves.findByRolloutIdOrderById(rolloutId);
	}

	List<TrainingSession> sessionsOfRollout(Long rolloutId) {
		return waves.findByRolloutIdOrderById(rolloutId)
			.stream()
			.flatMap(w -> sessions.findByWaveIdOrderByStartsAt(w.getId()).stream())
			.toList();
	}

	public List<TrainingSession> sessionsOf(Long waveId) {
		return sessions.findByWaveIdOrderByStartsAt(waveId);
	}

	private Map<String, Object> model(TrainingWave wave) {
		Map<String, Object> model = new HashMap<>();
		model.put("waveName", wave.getName());
		model.put("deadline", dates.zoned(wave.getDeadline()));
		model.put("materialLink", baseUrl + materialLink(wave));
		model.put("sessions", List.of());
		return model;
	}

	static String materialLink(TrainingWave wave) {
		return "/training/" + wave.getCode().materialFolder();
	}


}
