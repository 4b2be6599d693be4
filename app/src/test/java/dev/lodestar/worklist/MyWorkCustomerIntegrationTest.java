package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

/**
 * The Customer column and filter of My work over the demo's real cases: the name comes from
 * the case's module (leads, complaints), not from a process variable that no process sets.
 */
@LodestarIntegrationTest
class MyWorkCustomerIntegrationTest {

	/** The demo's sales and service people: between them they see every task of both processes. */
	private static final List<Caller> PEOPLE = List.of(new Caller("alice", List.of("employee", "sales-rep")),
			new Caller("bob", List.of("employee", "sales-manager")), new Caller("carol", List.of("employee", "service-agent")),
			new Caller("dave", List.of("employee", "service-manager")));

	@Autowired
	TaskListService worklist;

	@Autowired
	TaskService taskService;

	@Test
	void theCustomerColumnIsFilledForEveryDemoTaskOfLeadToSaleAndComplaintToResolution() {
		for (String process : List.of("lead-to-sale", "complaint-to-resolution")) {
			List<TaskRow> rows = all(new TaskFilter("all", process, null, null, null, null, null, null, null));
			assertThat(rows).as("demo tasks of " + process).isNotEmpty();
			var everyTask = taskService.createTaskQuery().processDefinitionKey(process).list().stream()
				.filter(t -> t.getAssignee() == null || List.of("alice", "bob", "carol", "dave").contains(t.getAssignee()))
				.map(t -> t.getId())
				.toList();
			assertThat(rows).extracting(TaskRow::id).containsAll(everyTask);
			assertThat(rows).allSatisfy(row -> assertThat(row.customer()).as(row.name() + " of " + row.businessKey())
				.isNotBlank());
		}
	}

	@Test
	void theCustomerFilterFindsTheTasksOfThatCustomerAndNoOthers() {
		for (String process : List.of("lead-to-sale", "complaint-to-resolution")) {
			List<TaskRow> rows = all(new TaskFilter("all", process, null, null, null, null, null, null, null));
			TaskRow some = rows.get(0);
			String part = some.customer().substring(0, Math.min(6, some.customer().length())).toUpperCase();
			List<TaskRow> found = all(new TaskFilter("all", process, null, null, null, part, null, null, null));
			assertThat(found).extracting(TaskRow::id).contains(some.id());
			assertThat(found).allSatisfy(row -> assertThat(row.customer()).containsIgnoringCase(part));
		}
		assertThat(all(new TaskFilter("all", null, null, null, null, "no customer is called this", null, null, null)))
			.isEmpty();
	}

	private List<TaskRow> all(TaskFilter first) {
		var rows = new java.util.LinkedHashMap<String, TaskRow>();
		for (Caller caller : PEOPLE) {
			for (int page = 0; page < 50; page++) {
				var filter = new TaskFilter(first.queue(), first.process(), null, null, null, first.customer(), null, null,
						page);
				TaskPage result = worklist.list(caller, filter);
				result.items().forEach(row -> rows.putIfAbsent(row.id(), row));
				if (!result.hasMore()) {
					break;
				}
			}
		}
		return new ArrayList<>(rows.values());
	}

}
