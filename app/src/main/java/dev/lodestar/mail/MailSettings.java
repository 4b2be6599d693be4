package dev.lodestar.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailboxes Lodestar reads and its embedded mail server. Every value can be set by an
 * environment variable ({@code LODESTAR_MAIL_SUPPORT_HOST}, {@code LODESTAR_MAIL_EMBEDDED_ENABLED}, ...).
 *
 * @param pollInterval how often the mailboxes are read
 * @param maxPerPoll at most this many new messages per mailbox and read (a mail bomb waits its turn)
 * @param embedded the embedded mail server of the default run
 * @param support the mailbox whose mail becomes complaints
 * @param sales the mailbox whose mail becomes leads
 */
@ConfigurationProperties("lodestar.mail")
public record MailSettings(@DefaultValue("PT15S") Duration pollInterval, @DefaultValue("200") int maxPerPoll,
		@DefaultValue Embedded embedded,
		Mailbox support, Mailbox sales) {

	/**
	 * GreenMail inside the app, bound to 127.0.0.1; port 0 picks a free port (tests).
	 *
	 * @param enabled on in the embedded default, off in the {@code postgres} profile
	 */
	public record Embedded(@DefaultValue("false") boolean enabled, @DefaultValue("3025") int smtpPort,
			@DefaultValue("3143") int imapPort) {
	}

	/**
	 * One mailbox read over IMAP.
	 *
	 * @param address the address customers write to (also: mail from it is ours and starts nothing)
	 * @param host the IMAP server; blank means the embedded server
	 * @param port the IMAP port (0: the embedded server's, or 143/993)
	 * @param ssl IMAPS
	 * @param enabled read this mailbox at all
	 */
	public record Mailbox(String address, String host, @DefaultValue("0") int port, String username, String password,
			@DefaultValue("false") boolean ssl, @DefaultValue("true") boolean enabled) {

		boolean usable() {
			return enabled && address != null && !address.isBlank() && username != null && password != null;
		}

		boolean embedded() {
			return host == null || host.isBlank();
		}

	}

}
