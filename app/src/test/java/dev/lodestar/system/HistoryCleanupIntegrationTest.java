package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.lodestar.LodestarIntegrationTest;

/** Finished cases leave the engine's history when their time to live runs out; Lodestar's KPI snapshots stay. */
@LodestarIntegrationTest
class HistoryCleanupIntegrationTest {

	private static final String PROCESS = "notify-smoke";

	@Autowired
	HistoryRetention retention;

	@Autowired
	HistorySettings settings;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void realClock() {
		ClockUtil.reset();
	}

	@Test
	void theConfiguredTimeToLiveIsAppliedToDeployedProcessesAtStartUp() {
		assertThat(settings.timeToLive()).containsEntry("lead-to-sale", Duration.ofDays(730));
		var leadToSale = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("lead-to-sale")
			.latestVersion()
			.singleResult();
		assertThat(leadToSale.getHistoryTimeToLive()).isEqualTo(730);
		var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) ((org.camunda.bpm.engine.impl.ManagementServiceImpl) managementService)
			.getCommandExecutor()
			.execute(context -> context.getProcessEngineConfiguration());
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo(settings.cleanupWindowStart());
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo(settings.cleanupWindowEnd());
	}

	@Test
	void historyCleanupRemovesCasesWhoseTimeRanOutAndKeepsRecentCasesAndKpiSnapshots() {
		assertThat(retention.apply(Map.of(PROCESS, Duration.ofDays(30)))).isPositive();
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
			.singleResult().getHistoryTimeToLive()).isEqualTo(30);

		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(40))));
		String old = finishOneCase("HC-OLD");
		ClockUtil.reset();
		String recent = finishOneCase("HC-RECENT");

		jdbc.update("insert into crm_kpi_review (period, trigger_kind, gathered_at) values ('2020-01', 'TEST', current_timestamp)");
		Long reviewId = jdbc.queryForObject("select max(id) from crm_kpi_review", Long.class);
		jdbc.update("insert into crm_kpi_snapshot (review_id, kpi_code, kpi_value, target, unit, sample_size, on_target)"
				+ " values (?, 'TEST_KPI', 1, 1, 'count', 1, true)", reviewId);
		long snapshots = jdbc.queryForObject("select count(*) from crm_kpi_snapshot", Long.class);

		var job = historyService.cleanUpHistoryAsync(true);
		managementService.executeJob(job.getId());

		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(old).count()).isZero();
		assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(old).count()).isZero();
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(recent).count()).isOne();
		assertThat(jdbc.queryForObject("select count(*) from crm_kpi_snapshot", Long.class)).isEqualTo(snapshots);
		assertThat(jdbc.queryForObject("select count(*) from crm_kpi_snapshot where review_id = ?", Long.class, reviewId))
			.isOne();
	}

	private String finishOneCase(String businessKey) {
		var instance = runtimeService.startProcessInstanceByKey(PROCESS, businessKey,
				Map.<String, Object>of("dueDate", new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000L)));
		var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		taskService.complete(task.getId());
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getRemovalTime()).isNotNull();
		return instance.getId();
	}

}
