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
	private final TaskService taskService;
	private final WorklistService worklist;

	TrainingWaveController(TrainingService training, TaskService taskService, WorklistService worklist) {
		this.worklist = worklist;
		this.training = training;
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

	private WaveView view(TrainingWave wave) {
		return new WaveView(training.progress(wave), wave.getAudienceView(), wave.getDeadline(), wave.getReminderAt(),
				TrainingService.materialLink(wave),
				training.sessionsOf(wave.getId()).stream().map(s -> new SessionView(s.getTitle(), s.getStartsAt(), s.getLocation())).toList(),
				training.recordsOf(wave.getId()).stream().map(r -> new RecordView(r.getParticipant(), r.isAttended(), r.getScore(), r.getCompletedAt(), r.getRemindedAt())).toList());
	}

	record StartWave(Long rolloutId, @NotNull WaveKind kind, @NotEmpty List<String> audience,
			@Min(1) @Max(100) Integer completionTarget, @NotNull Instant deadline) {
	}

	record Result(@NotNull Boolean attended, @Min(0) @Max(100) Integer score) {
	}

	record WaveView(TrainingProgress.WaveProgress progress, List<String> audience, Instant deadline,
			Instant reminderAt, String material, List<SessionView> sessions, List<RecordView> records) {
	}

	record SessionView(String title, Instant startsAt, String location) {
	}

	record RecordView(String participant, boolean attended, Integer score, Instant completedAt, Instant remindedAt) {
	}

}
