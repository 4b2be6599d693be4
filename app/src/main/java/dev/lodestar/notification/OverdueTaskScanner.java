package dev.lodestar.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import dev.lodestar.system.EngineClock;

/**
 * Looks for tasks whose due date passed since the last look and tells whoever holds them.
 * One message per task and person, ever (dedupe keys), so restarts and overlapping scans
 * repeat nothing. On several nodes one scan runs per period (ShedLock).
 */
@Component
class OverdueTaskScanner {

	/** After a restart, tasks that fell due this long ago are still reported. */
	private static final Duration LOOK_BACK = Duration.ofDays(1);

	private final TaskService taskService;
	private final RuntimeService runtimeService;
	private final TaskNotifier notifier;
	private final Clock clock;
	private Instant watermark;

	OverdueTaskScanner(TaskService taskService, RuntimeService runtimeService, TaskNotifier notifier,
			Optional<Clock> clock) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.notifier = notifier;
		this.clock = clock.orElse(EngineClock.INSTANCE);
		this.watermark = this.clock.instant().minus(LOOK_BACK);
	}

	/**
	 * The scheduled scan: on several nodes, the one that takes the lock scans and holds it for
	 * at least half a period, so the others skip this period.
	 */
	@Scheduled(fixedDelayString = "${lodestar.notification.overdue-scan-interval:PT1M}",
			initialDelayString = "${lodestar.notification.overdue-scan-interval:PT1M}")
	@SchedulerLock(name = "overdue-task-scan", lockAtMostFor = "PT5M",
			lockAtLeastFor = "${lodestar.notification.overdue-scan-lock:PT30S}")
	@Transactional
	public void scheduledScan() {
		scan();
	}

	/** Reports the tasks that fell due since the last scan; returns how many. */
	@Transactional
	public synchronized int scan() {
		Instant now = clock.instant();
		var due = taskService.createTaskQuery()
			.active()
			.dueAfter(Date.from(watermark.minusMillis(1)))
			.dueBefore(Date.from(now))
			.orderByDueDate()
			.asc()
			.list();
		for (Task task : due) {
			String businessKey = task.getProcessInstanceId() == null ? null
					: Optional.ofNullable(runtimeService.createProcessInstanceQuery()
						.processInstanceId(task.getProcessInstanceId())
						.singleResult()).map(pi -> pi.getBusinessKey()).orElse(null);
			if (task.getAssignee() != null) {
				notifier.overdue(task, businessKey);
			}
			else {
				taskService.getIdentityLinksForTask(task.getId())
					.stream()
					.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
					.forEach(link -> notifier.overdueForRole(task, businessKey, link.getGroupId()));
			}
		}
		watermark = now;
		return due.size();
	}

}
