package dev.lodestar.worklist;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.Dates;
import dev.lodestar.system.EngineClock;

/** For a manager: each managed role's queue and each member's load. */
@Service
public class WorkloadService {

	private final TaskService taskService;
	private final HistoryService historyService;
	private final IdentityService identityService;
	private final WorklistSettings settings;
	private final Clock clock;
	private final Dates dates;

	WorkloadService(TaskService taskService, HistoryService historyService, IdentityService identityService,
			WorklistSettings settings, Optional<Clock> clock, Dates dates) {
		this.taskService = taskService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.settings = settings;
		this.clock = clock.orElse(EngineClock.INSTANCE);
		this.dates = dates;
	}

	/** For a manager: each managed role's queue and each member's load. */
	@Transactional(readOnly = true)
	public List<Workload> workload(Caller caller) {
		Set<String> managed = new LinkedHashSet<>();
		caller.roles().forEach(role -> managed.addAll(settings.managedRoles().getOrDefault(role, List.of())));
		if (managed.isEmpty()) {
			throw new AccessDeniedException("the workload view is for managers");
		}
		Instant now = clock.instant();
		Date weekStart = Date.from(dates.startOf(dates.day(now).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
		List<Workload> loads = new ArrayList<>();
		for (String role : managed) {
			List<Workload.Member> members = new ArrayList<>();
			for (User user : identityService.createUserQuery().memberOfGroup(role).orderByUserId().asc().list()) {
				String name = ((Objects.toString(user.getFirstName(), "") + " "
						+ Objects.toString(user.getLastName(), "")).strip());
				members.add(new Workload.Member(user.getId(), name.isEmpty() ? user.getId() : name,
						taskService.createTaskQuery().taskAssignee(user.getId()).count(),
						taskService.createTaskQuery().taskAssignee(user.getId()).dueBefore(Date.from(now)).count(),
						historyService.createHistoricTaskInstanceQuery()
							.taskAssignee(user.getId())
							.finished()
							.finishedAfter(weekStart)
							.count()));
			}
			loads.add(new Workload(role, taskService.createTaskQuery().taskCandidateGroup(role).count(), members));
		}
		return loads;
	}

}
