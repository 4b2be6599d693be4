package dev.lodestar.system;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Several nodes on one database: a {@code @Scheduled} method that carries
 * {@code @SchedulerLock(name = ...)} runs on one node per period, whichever takes the row of
 * the table {@code shedlock} first (the database's clock decides, so the nodes' clocks may
 * differ). Sessions live in the database too (Spring Session JDBC, tables by Flyway), and the
 * engine's job executor runs on every node: the engine's own job locks hand each job to one.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ClusterConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.usingDbTime()
			.build());
	}

}
