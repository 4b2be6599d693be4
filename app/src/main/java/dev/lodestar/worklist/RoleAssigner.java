package dev.lodestar.worklist;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.lodestar.system.EngineClock;

/**
 * Picks the assignee of a new task from its candidate role, by the role's strategy. Runs in
 * the engine's transaction; the round-robin cursor is a row per role in the same database.
 */
@Component
class RoleAssigner {

	private static final Logger log = LoggerFactory.getLogger(RoleAssigner.class);

	private final WorklistSettings settings;
	private final IdentityService identityService;
	private final TaskService taskService;
	private final JdbcTemplate jdbc;
	private final Clock clock = EngineClock.INSTANCE;

	RoleAssigner(WorklistSettings settings, IdentityService identityService, TaskService taskService,
			JdbcTemplate jdbc) {
		this.settings = settings;
		this.identityService = identityService;
		this.taskService = taskService;
		this.jdbc = jdbc;
	}

	void assign(DelegateTask task) {
		if (task.getAssignee() != null) {
			return; // the diagram named the assignee
		}
		for (IdentityLink candidate : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(candidate.getType()) || candidate.getGroupId() == null) {
				continue;
			}
			String role = candidate.getGroupId();
			AssignmentStrategy strategy = settings.strategyOf(role);
			if (strategy == AssignmentStrategy.POOL) {
				continue;
			}
			Optional<String> assignee = pick(role, strategy);
			if (assignee.isPresent()) {
				log.debug("Task {} assigned to {} ({} of {})", task.getId(), assignee.get(), strategy, role);
				task.setAssignee(assignee.get());
				return;
			}
		}
	}

	Optional<String> pick(String role, AssignmentStrategy strategy) {
		List<String> members = identityService.createUserQuery()
			.memberOfGroup(role)
			.list()
			.stream()
			.map(User::getId)
			.sorted()
			.toList();
		if (members.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(switch (strategy) {
			case ROUND_ROBIN -> nextInTurn(role, members);
			case LEAST_LOADED -> members.stream()
				.min(Comparator.comparingLong((String m) -> taskService.createTaskQuery().taskAssignee(m).count())
					.thenComparing(Comparator.naturalOrder()))
				.orElseThrow();
			case POOL -> throw new IllegalArgumentException("a pool assigns nobody");
		});
	}

	private String nextInTurn(String role, List<String> members) {
		List<String> last = jdbc.queryForList(
				"select last_assignee from crm_role_assignment_cursor where role_id = ? for update", String.class,
				role);
		String next = members.get(0);
		if (!last.isEmpty()) {
			next = members.stream().filter(m -> m.compareTo(last.get(0)) > 0).findFirst().orElse(members.get(0));
			jdbc.update("update crm_role_assignment_cursor set last_assignee = ?, updated_at = ? where role_id = ?",
					next, java.sql.Timestamp.from(clock.instant()), role);
		}
		else {
			jdbc.update("insert into crm_role_assignment_cursor (role_id, last_assignee, updated_at) values (?, ?, ?)",
					role, next, java.sql.Timestamp.from(clock.instant()));
		}
		return next;
	}

}
