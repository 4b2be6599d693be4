package dev.lodestar.rollout;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Training waves: start one on its own, read its records, record a participant's result. */
@RestController
@RequestMapping("/api/training-waves")
@PreAuthorize("hasAnyRole('project-team', 'executive', 'process-owner', 'trainer', 'camunda-admin')")
class TrainingWaveController {

	private final TrainingService training;
	private final TrainingDesk desk;
	private final TaskService taskService;
	private final WorklistService worklist;

	TrainingWaveController(TrainingService training, TrainingDesk desk, TaskService taskService,
			WorklistService worklist) {
		this.worklist = worklist;
		this.training = training;
		this.desk = desk;
		this.taskService = taskService;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('project-team', 'trainer')")
	@Transactional
	ResponseEntity<WaveView> start(@Valid @RequestBody StartWave body) {
		var wave = training.createAndStart(body.rolloutId(), body.kind(), body.audience(), body.completionTarget(),
				body.deadline());
		return ResponseEntity.created(URI.create("/api/training-waves/" + wave.getId())).body(view(wave));
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<TrainingProgress.WaveProgress> all() {
		return training.waves();
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	WaveView one(@PathVariable Long id) {
		return view(training.wave(id));
	}

	/** Completes the trainer's task for this participant: attendance and knowledge-check score. */
	@PostMapping("/{id}/results/{participant}")
	@PreAuthorize("hasRole('trainer')")
	@Transactional
	WaveView record(@PathVariable Long id, @PathVariable String participant, @Valid @RequestBody Result body,
			Authentication user) {
		var wave = training.wave(id);
		var task = taskService.createTaskQuery()
			.processInstanceId(wave.getProcessInstanceId() == null ? "-" : wave.getProcessInstanceId())
			.taskDefinitionKey(TrainingWaveProcess.TASK_RECORD_RESULT)
			.processVariableValueEquals(TrainingWaveProcess.VAR_WAVE_ID, id)
			.list()
			.stream()
			.filter(t -> participant.equals(taskService.getVariable(t.getId(), TrainingWaveProcess.VAR_PARTICIPANT)))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Open result task of participant", participant));
		Map<String, Object> variables = new HashMap<>();
		variables.put(TrainingWaveProcess.VAR_ATTENDED, body.attended());
		variables.put(TrainingWaveProcess.VAR_SCORE, body.score());
		worklist.complete(Caller.of(user), task.getId(), variables, LocaleContextHolder.getLocale());
		return view(wave);
	}

	/** Adds a session to a wave (a second date, an online repeat); the trainer is the caller. */
	@PostMapping("/{id}/sessions")
	@PreAuthorize("hasRole('trainer')")
	@Transactional
	ResponseEntity<SessionView> addSession(@PathVariable Long id, @Valid @RequestBody NewSession body,
			Authentication user) {
		var session = training.addSession(id, body.title(), body.startsAt(), body.location(), user.getName());
		return ResponseEntity.status(201).body(SessionView.of(session));
	}

	/**
	 * Takes a session's attendance (participant → present); a participant present and already
	 * scored is recorded at once (the trainer's task for them completes).
	 */
	@PostMapping("/{id}/sessions/{sessionId}/attendance")
	@PreAuthorize("hasRole('trainer')")
	@Transactional
	AttendanceView attendance(@PathVariable Long id, @PathVariable Long sessionId,
			@Valid @RequestBody Attendance body, Authentication user, java.util.Locale locale) {
		if (!training.session(sessionId).getWaveId().equals(id)) {
			throw new NotFoundException("Training session", sessionId);
		}
		var recorded = desk.takeAttendance(dev.lodestar.worklist.Caller.of(user), sessionId, body.present(), locale);
		return new AttendanceView(training.progress(training.wave(id)), recorded);
	}

	/** Adds a person to the wave's audience by name (beside its roles); they are invited by e-mail. */
	@PostMapping("/{id}/participants")
	@PreAuthorize("hasRole('trainer')")
	@Transactional
	ResponseEntity<TrainingProgress.WaveProgress> addParticipant(@PathVariable Long id, @Valid @RequestBody NewParticipant body,
			Authentication user) {
		training.addParticipant(id, body.participant().trim(), user.getName());
		return ResponseEntity.status(201).body(training.progress(training.wave(id)));
	}

	/** Takes a person out of the wave's audience, whatever their roles. */
	@org.springframework.web.bind.annotation.DeleteMapping("/{id}/participants/{participant}")
	@PreAuthorize("hasRole('trainer')")
	@Transactional
	TrainingProgress.WaveProgress removeParticipant(@PathVariable Long id, @PathVariable String participant,
			Authentication user) {
		training.removeParticipant(id, participant, user.getName());
		return training.progress(training.wave(id));
	}

	/** Reminds every participant who has not finished, now (besides the process's own reminder). */
	@PostMapping("/{id}/reminders")
	@PreAuthorize("hasAnyRole('trainer', 'project-team')")
	@Transactional
	Map<String, Integer> remind(@PathVariable Long id, Authentication user) {
		return Map.of("reminded", training.remindPending(id, user.getName()));
	}

	private WaveView view(TrainingWave wave) {
		return new WaveView(training.progress(wave), wave.getAudienceView(), wave.getDeadline(), wave.getReminderAt(),
				TrainingService.materialLink(wave),
				training.sessionsOf(wave.getId()).stream().map(SessionView::of).toList(),
				training.recordsOf(wave.getId()).stream().map(r -> new RecordView(r.getParticipant(), r.isAttended(), r.getScore(), r.getCheckTakenAt(), r.getCompletedAt(), r.getRemindedAt())).toList());
	}

	record StartWave(Long rolloutId, @NotNull WaveKind kind, @NotEmpty List<String> audience,
			@Min(1) @Max(100) Integer completionTarget, @NotNull Instant deadline) {
	}

	record Result(@NotNull Boolean attended, @Min(0) @Max(100) Integer score) {
	}

	record WaveView(TrainingProgress.WaveProgress progress, List<String> audience, Instant deadline,
			Instant reminderAt, String material, List<SessionView> sessions, List<RecordView> records) {
	}

	record SessionView(Long id, String title, Instant startsAt, String location, String trainer) {

		static SessionView of(TrainingSession s) {
			return new SessionView(s.getId(), s.getTitle(), s.getStartsAt(), s.getLocation(), s.getTrainer());
		}
	}

	record RecordView(String participant, boolean attended, Integer score, Instant checkTakenAt, Instant completedAt,
			Instant remindedAt) {
	}

	record NewSession(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String title,
			@NotNull Instant startsAt, @jakarta.validation.constraints.Size(max = 500) String location) {
	}

	record NewParticipant(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String participant) {
	}

	record Attendance(@NotNull Map<String, Boolean> present) {
	}

	record AttendanceView(TrainingProgress.WaveProgress progress, List<String> recorded) {
	}

}
