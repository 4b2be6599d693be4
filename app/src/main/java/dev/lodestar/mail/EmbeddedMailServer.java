package dev.lodestar.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded default's mail server: SMTP and IMAP on 127.0.0.1 with the mailboxes
 * {@code support@} and {@code sales@} of the demo domain. Any other address gets a mailbox when mail
 * arrives for it (a customer's, to read what Lodestar sent). Nothing is kept over a restart.
 */
public class EmbeddedMailServer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

	private final GreenMail greenMail;

	EmbeddedMailServer(MailSettings settings) {
		ServerSetup smtp = new ServerSetup(settings.embedded().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		ServerSetup imap = new ServerSetup(settings.embedded().imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
		if (settings.embedded().smtpPort() == 0) {
			smtp = smtp.dynamicPort();
		}
		if (settings.embedded().imapPort() == 0) {
			imap = imap.dynamicPort();
		}
		var config = GreenMailConfiguration.aConfig()
			.withUser(settings.support().address(), settings.support().username(), settings.support().password())
			.withUser(settings.sales().address(), settings.sales().username(), settings.sales().password());
		this.greenMail = new GreenMail(new ServerSetup[] { smtp, imap }).withConfiguration(config);
		greenMail.start();
		log.info("Embedded mail server: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{} ({} and {})", smtpPort(), imapPort(),
				settings.support().address(), settings.sales().address());
	}

	public int smtpPort() {
		return greenMail.getSmtp().getPort();
	}

	public int imapPort() {
		return greenMail.getImap().getPort();
	}

	/** The server itself: tests read a customer's mailbox through it. */
	public GreenMail greenMail() {
		return greenMail;
	}

	@Override
	public void destroy() {
		greenMail.stop();
	}

}
