package dev.lodestar.demo;

import java.util.regex.Pattern;

import dev.lodestar.complaint.CustomerConfirmations;
import dev.lodestar.notification.NotificationService;

/**
 * The demo history's customers: they read the resolution e-mail the complaint process sent them
 * and answer through its confirmation link, with the link's token, as the confirmation page does.
 * A confirmation with a score feeds customer satisfaction; a rejection reopens the complaint.
 */
public class DemoCustomers {

	/** The token at the end of the resolution e-mail's link. */
	static final Pattern CONFIRMATION_LINK = Pattern.compile("/public/complaints/confirmation/([A-Za-z0-9_-]+)");

	private final NotificationService mail;
	private final CustomerConfirmations confirmations;

	public DemoCustomers(NotificationService mail, CustomerConfirmations confirmations) {
		this.mail = mail;
		this.confirmations = confirmations;
	}

	/**
	 * The customer at this address answers the newest confirmation link in their inbox.
	 *
	 * @return false when no e-mail with a link reached them (nothing answered)
	 * @throws RuntimeException when the link is refused (used or expired)
	 */
	public boolean answer(String customerEmail, boolean confirmed, Integer satisfaction, String comment) {
		for (var message : mail.recentToAddress(customerEmail, 10)) {
			var link = message.getBodyText() == null ? null : CONFIRMATION_LINK.matcher(message.getBodyText());
			if (link != null && link.find()) {
				confirmations.answer(link.group(1), confirmed, satisfaction, comment);
				return true;
			}
		}
		return false;
	}

}
