package dev.lodestar.system;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Background work (notification retries, overdue scans) runs on Spring's scheduler and executor. */
@Configuration
@EnableAsync
@EnableScheduling
class SchedulingConfiguration {

	/**
	 * The executor of asynchronous listeners ({@code @ApplicationModuleListener}), always the same
	 * one: Spring Boot makes its {@code applicationTaskExecutor} only when no other executor exists,
	 * and Camunda's job executor brings one of its own wherever it runs, so listeners would run on
	 * whichever executor happened to be there. The name {@code taskExecutor} is the one
	 * {@code @EnableAsync} looks for when there are several.
	 */
	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return builder.build();
	}

}
