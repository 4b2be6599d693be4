package dev.lodestar.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code lodestar.mail.embedded.enabled}, the embedded mail server runs, and, unless
 * {@code spring.mail.host} names another server, the outbox sends to it: a newcomer sees every
 * acknowledgement and reply arrive without configuring anything.
 */
@Configuration
@ConditionalOnProperty(name = "lodestar.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailConfiguration {

	@Bean
	EmbeddedMailServer embeddedMailServer(MailSettings settings) {
		return new EmbeddedMailServer(settings);
	}

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}' == ''")
	JavaMailSender embeddedMailSender(EmbeddedMailServer server) {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(server.smtpPort());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "10000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
