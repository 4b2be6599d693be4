package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

/**
 * My work's counts come from one statement (issue 24); they must be what the engine's own task
 * queries count: assigned to the user, unassigned in each of the user's role queues, and the
 * overdue ones among all of them.
 */
@LodestarIntegrationTest
class QueueCountsIntegrationTest {

	@Autowired
	TaskListService list;

	@Autowired
	TaskService taskService;

	@Test
	void theCountsAreWhatTheEnginesTaskQueriesCount() {
		var alice = new Caller("alice", List.of("sales-rep", "employee"));
		// an overdue task of her own, an overdue one in her queue, one in another role's queue, one of somebody else's
		Task own = task("alice", null, Instant.now().minus(Duration.ofHours(1)));
		Task queued = task(null, "sales-rep", Instant.now().minus(Duration.ofHours(2)));
		Task elsewhere = task(null, "service-agent", Instant.now().minus(Duration.ofHours(2)));
		Task others = task("bob", "sales-rep", Instant.now().minus(Duration.ofHours(3)));
		try {
			QueueCounts counts = list.counts(alice);
			assertThat(counts.mine()).isEqualTo(taskService.createTaskQuery().taskAssignee("alice").count());
			assertThat(counts.roles()).containsOnlyKeys("sales-rep", "employee");
			for (String role : alice.roles()) {
				assertThat(counts.roles().get(role)).as(role)
					.isEqualTo(taskService.createTaskQuery().taskCandidateGroup(role).count());
			}
			long overdue = taskService.createTaskQuery().or().taskAssignee("alice").taskCandidateGroupIn(alice.roles()).endOr()
				.dueBefore(new Date()).count();
			assertThat(counts.overdue()).isEqualTo(overdue).isGreaterThanOrEqualTo(2);
			// without roles: her own tasks only
			QueueCounts alone = list.counts(new Caller("alice", List.of()));
			assertThat(alone.roles()).isEmpty();
			assertThat(alone.overdue()).isEqualTo(taskService.createTaskQuery().taskAssignee("alice").dueBefore(new Date()).count());
		}
		finally {
			for (Task task : List.of(own, queued, elsewhere, others)) {
				taskService.deleteTask(task.getId(), true);
			}
		}
	}

	private Task task(String assignee, String group, Instant due) {
		Task task = taskService.newTask("counts-" + UUID.randomUUID());
		task.setAssignee(assignee);
		task.setDueDate(Date.from(due));
		taskService.saveTask(task);
		if (group != null) {
			taskService.addCandidateGroup(task.getId(), group);
		}
		return task;
	}

}
