package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform on the real PostgreSQL server: Flyway's tables beside Camunda's, one transaction manager.
 * Configured like the other PostgreSQL tests (a web server on a random port), so that all of them
 * share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class PostgresIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Test
	void runsOnPostgresWithFlywayTablesBesideCamundas() throws Exception {
		try (var connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		var jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'crm_notification'",
				Long.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'act_ru_task'",
				Long.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class)).isPositive();
	}

	@Test
	void theEngineRunsAProcessAndKeepsItsHistory() {
		var instance = runtimeService.startProcessInstanceByKey("notify-smoke", "PG-1",
				Map.<String, Object>of("dueDate", new Date(System.currentTimeMillis() + 3_600_000L)));
		var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getName()).isEqualTo("Call the customer back");
		taskService.complete(task.getId());

		var history = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(history.getEndTime()).isNotNull();
		assertThat(history.getBusinessKey()).isEqualTo("PG-1");
	}

}
