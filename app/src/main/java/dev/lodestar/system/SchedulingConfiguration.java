package dev.lodestar.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work (notification retries, overdue scans) runs on Spring's scheduler and executor. */
@Configuration
@EnableAsync
@EnableScheduling
class SchedulingConfiguration {
}
