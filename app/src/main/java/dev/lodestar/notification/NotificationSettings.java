package dev.lodestar.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications go out. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (host, port, username, password); without {@code spring.mail.host} messages are written
 * to the log instead, so the embedded default needs no mail server.
 *
 * @param from the sender address
 * @param baseUrl where links in messages point
 * @param maxAttempts attempts before a message is marked FAILED
 * @param firstBackoff pause after the first failure; it doubles with each further failure
 * @param retryInterval how often due messages are looked for
 * @param lease how long a sender may hold a message before another may take it
 * @param overdueScanInterval how often overdue tasks are looked for
 */
@ConfigurationProperties("lodestar.notification")
public record NotificationSettings(@DefaultValue("Lodestar <lodestar@lodestar.example>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("5") int maxAttempts,
		@DefaultValue("PT30S") Duration firstBackoff, @DefaultValue("PT15S") Duration retryInterval,
		@DefaultValue("PT2M") Duration lease, @DefaultValue("PT1M") Duration overdueScanInterval) {
}
