package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.LodestarIntegrationTest;

/**
 * The benchmark in miniature (fifty tasks on H2), so that every build proves its
 * command still works; the real figures come from {@link WorklistBenchmarkRun}.
 */
@LodestarIntegrationTest
class WorklistBenchmarkSmokeTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TaskListService worklist;

	@Test
	void theBenchmarkSeedsMeasuresAndReportsBothQueries() throws Exception {
		var text = new ByteArrayOutputStream();
		var figures = new WorklistBenchmark(runtimeService, taskService, identityService, transactions, worklist, port)
			.run(50, 5, new PrintStream(text, true, StandardCharsets.UTF_8));

		System.out.println(text.toString(StandardCharsets.UTF_8));
		assertThat(figures.tasks()).isGreaterThanOrEqualTo(50);
		assertThat(figures.visible()).isBetween(10L, 15L); // two of ten roles, plus the directly assigned
		assertThat(text.toString(StandardCharsets.UTF_8)).contains("bare TaskService query")
			.contains("My work service")
			.contains("GET /api/tasks")
			.contains("p95 My work / bare");
		// the page shows what the bare query finds (all of it fits on one page here)
		var page = worklist.list(new Caller(WorklistBenchmark.USER, WorklistBenchmark.USER_ROLES), TaskFilter.all());
		var bare = taskService.createTaskQuery()
			.or()
			.taskAssignee(WorklistBenchmark.USER)
			.taskCandidateGroupIn(WorklistBenchmark.USER_ROLES)
			.endOr()
			.orderByDueDate()
			.asc()
			.orderByTaskCreateTime()
			.asc()
			.listPage(0, 25);
		assertThat(page.items()).extracting(TaskRow::id)
			.containsExactlyInAnyOrderElementsOf(bare.stream().map(t -> t.getId()).toList());
		assertThat(page.items()).extracting(TaskRow::due)
			.containsExactlyElementsOf(bare.stream().map(t -> t.getDueDate() == null ? null : t.getDueDate().toInstant()).toList());
	}

}
