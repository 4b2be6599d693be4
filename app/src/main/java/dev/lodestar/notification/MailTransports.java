package dev.lodestar.notification;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP when Spring Boot has a mail sender ({@code spring.mail.host} is set), the log
 * otherwise: the embedded default starts and runs without a mail server.
 */
@Configuration
class MailTransports {

	private static final Logger log = LoggerFactory.getLogger(MailTransports.class);

	/** Messages a person wrote (an agent's reply from the case): not marked as automatic. */
	private static final java.util.Set<String> HUMAN_KINDS = java.util.Set.of("complaint-reply");

	@Bean
	MailTransport mailTransport(ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings) {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			log.info("No spring.mail.host configured: notifications are written to the log, not sent");
			return notification -> log.info("Mail to {}: {}\n{}", notification.getRecipientEmail(),
					notification.getSubject(), notification.getBodyText());
		}
		return notification -> {
			var message = sender.createMimeMessage();
			var helper = new MimeMessageHelper(message, notification.getBodyHtml() != null,
					StandardCharsets.UTF_8.name());
			helper.setFrom(settings.from());
			helper.setTo(notification.getRecipientEmail());
			helper.setSubject(notification.getSubject());
			if (notification.getMessageId() != null) {
				message.setHeader("Message-ID", notification.getMessageId()); // kept by the sender: replies name it
			}
			if (notification.getRecipientUserId() == null && !HUMAN_KINDS.contains(notification.getKind())) {
				// RFC 3834: an automatic message, so that the customer's auto-responder does not answer it
				message.setHeader("Auto-Submitted", "auto-generated");
			}
			if (notification.getBodyHtml() != null) {
				helper.setText(notification.getBodyText(), notification.getBodyHtml());
			}
			else {
				helper.setText(notification.getBodyText());
			}
			sender.send(message);
		};
	}

}
