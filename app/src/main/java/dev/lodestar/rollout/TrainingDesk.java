package dev.lodestar.rollout;

import dev.lodestar.system.EngineClock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorklistService;

/**
 * What participants and trainers do in the app, carried into the {@code training-wave} process
 * through My work's API: a participant's knowledge check, scored against the key, completes
 * their task; a session's attendance list completes the trainer's task of every participant it
 * leaves attended and scored.
 */
@Service
@Transactional
public class TrainingDesk {

	private final TrainingService training;
	private final TrainingLibrary library;
	private final WorklistService worklist;
	private final TaskService tasks;
	private final RuntimeService runtime;
	private final TrainingLedger ledger;

	TrainingDesk(TrainingService training, TrainingLibrary library, WorklistService worklist, TaskService tasks,
			RuntimeService runtime, TrainingLedger ledger) {
		this.ledger = ledger;
		this.training = training;
		this.library = library;
		this.worklist = worklist;
		this.tasks = tasks;
		this.runtime = runtime;
	}

	/**
	 * A knowledge check open for a participant: their open task of the wave ({@code taskId}), or,
	 * without one (they joined the audience late, or the deadline passed and the process closed
	 * their task), the wave whose audience they belong to and whose check they have not passed
	 * ({@code taskId} null).
	 */
	public record OpenCheck(String taskId, Long waveId, String waveName) {
	}

	@Transactional(readOnly = true)
	public Optional<OpenCheck> openCheck(String userId, String folder) {
		for (Task task : tasks.createTaskQuery()
			.processDefinitionKey(TrainingWaveProcess.KEY)
			.taskDefinitionKey(TrainingWaveProcess.TASK_ATTEND)
			.taskAssignee(userId)
			.orderByTaskCreateTime()
			.asc()
			.list()) {
			Object waveId = runtime.getVariable(task.getExecutionId(), TrainingWaveProcess.VAR_WAVE_ID);
			if (waveId instanceof Long id) {
				var wave = training.wave(id);
				if (wave.getCode().materialFolder().equals(folder)) {
					return Optional.of(new OpenCheck(task.getId(), id, wave.getName()));
				}
			}
		}
		return ledger.dueFor(userId, folder).map(w -> new OpenCheck(null, w.getId(), w.getName()));
	}

	/**
	 * Scores the caller's answers against the key of the check they see (their language) and
	 * writes the result to their training record (made now for someone who joined the audience
	 * late); with an open task, completes it. Refused when no check of this wave is open for them.
	 */
	public KnowledgeCheck.Result takeCheck(Caller caller, String folder, Map<Integer, Set<Integer>> answers, Locale locale) {
		var open = openCheck(caller.userId(), folder)
			.orElseThrow(() -> new ConflictException("no knowledge check of this wave is open for " + caller.userId()));
		var check = library.knowledgeCheck(folder, locale)
			.orElseThrow(() -> new NotFoundException("Knowledge check", folder));
		var result = check.score(answers);
		var wave = training.wave(open.waveId());
		var record = training.recordOrJoin(open.waveId(), caller.userId());
		var now = EngineClock.INSTANCE.instant();
		// the check is the material's: its result counts for every wave of that material the caller still owes
		var owed = new java.util.ArrayList<TrainingWave>(List.of(wave));
		ledger.allDueFor(caller.userId(), folder).stream().filter(w -> !w.getId().equals(wave.getId())).forEach(owed::add);
		record.checkTaken(result.correct(), result.questions(), wave.getPassScore(), now);
		training.announceIfPassed(wave, record);
		for (var other : owed.subList(1, owed.size())) {
			var otherRecord = training.recordOrJoin(other.getId(), caller.userId());
			otherRecord.checkTaken(result.correct(), result.questions(), other.getPassScore(), now);
			training.announceIfPassed(other, otherRecord);
			if (other.getProcessInstanceId() != null) {
				for (Task task : tasks.createTaskQuery().processInstanceId(other.getProcessInstanceId())
					.taskDefinitionKey(TrainingWaveProcess.TASK_ATTEND).taskAssignee(caller.userId()).list()) {
					runtime.setVariable(task.getExecutionId(), TrainingWaveProcess.VAR_SCORE, otherRecord.getScore());
					worklist.complete(caller, task.getId(), Map.of(), locale);
				}
			}
		}
		if (open.taskId() != null) {
			Task task = tasks.createTaskQuery().taskId(open.taskId()).singleResult();
			// the participant's scope holds the score the trainer's task would otherwise ask for
			runtime.setVariable(task.getExecutionId(), TrainingWaveProcess.VAR_SCORE, record.getScore());
			worklist.complete(caller, open.taskId(), Map.of(), locale);
		}
		return result;
	}

	/**
	 * Takes a session's attendance; each participant now attended and scored whose trainer's
	 * task is open gets it completed with that score, by the trainer who took the list.
	 */
	public List<String> takeAttendance(Caller trainer, Long sessionId, Map<String, Boolean> presence, Locale locale) {
		var session = training.session(sessionId);
		var done = training.takeAttendance(sessionId, presence, trainer.userId());
		var wave = training.wave(session.getWaveId());
		if (wave.getProcessInstanceId() == null) {
			return done;
		}
		for (String participant : done) {
			for (Task task : tasks.createTaskQuery()
				.processInstanceId(wave.getProcessInstanceId())
				.taskDefinitionKey(TrainingWaveProcess.TASK_RECORD_RESULT)
				.list()) {
				if (participant.equals(runtime.getVariable(task.getExecutionId(), TrainingWaveProcess.VAR_PARTICIPANT))) {
					var values = new HashMap<String, Object>();
					values.put(TrainingWaveProcess.VAR_ATTENDED, true);
					values.put(TrainingWaveProcess.VAR_SCORE, training.record(wave.getId(), participant).getScore());
					worklist.complete(trainer, task.getId(), values, locale);
				}
			}
		}
		return done;
	}

}
