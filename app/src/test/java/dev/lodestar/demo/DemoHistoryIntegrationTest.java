package dev.lodestar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.system.EngineClock;

/**
 * The demo history, seeded on H2 while the application starts (three weeks of it, with the two
 * waves that fall into them): every step the engine recorded ends at or after its start, and the
 * clock is back at the real time once the web server is open.
 */
@LodestarIntegrationTest
@TestPropertySource(properties = { "lodestar.demo.history.enabled=true", "lodestar.demo.history.days=21" })
class DemoHistoryIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSeededHistoryHasNoStepThatEndsBeforeItStarts() {
		assertThat(jdbc.queryForObject("select state from crm_insight_marker where name = ?", String.class,
				DemoHistoryStatus.MARKER)).isEqualTo("DONE");
		// enough seeded history that the assertion means something: both waves and a few weeks of cases
		assertThat(jdbc.queryForObject("select count(*) from ACT_HI_TASKINST where END_TIME_ is not null", Long.class))
			.isGreaterThan(50);
		assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'training-wave'",
				Long.class)).isGreaterThanOrEqualTo(2);

		assertThat(jdbc.queryForList("select ACT_ID_ || ' ' || START_TIME_ || ' > ' || END_TIME_ from ACT_HI_ACTINST "
				+ "where END_TIME_ < START_TIME_", String.class)).as("activities that end before they start").isEmpty();
		assertThat(jdbc.queryForList("select TASK_DEF_KEY_ || ' ' || START_TIME_ || ' > ' || END_TIME_ from ACT_HI_TASKINST "
				+ "where END_TIME_ < START_TIME_", String.class)).as("tasks that end before they start").isEmpty();
		assertThat(jdbc.queryForList("select ID_ from ACT_HI_PROCINST where END_TIME_ < START_TIME_", String.class))
			.as("cases that end before they start").isEmpty();
	}

	@Test
	void theClockIsBackAtTheRealTimeWhenTheWebServerIsOpen() {
		assertThat(Duration.between(EngineClock.INSTANCE.instant(), Instant.ofEpochMilli(System.currentTimeMillis())).abs())
			.isLessThan(Duration.ofSeconds(5));
	}

}
