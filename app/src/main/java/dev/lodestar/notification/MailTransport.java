package dev.lodestar.notification;

/** Hands one message to the outside world; throws when it could not. */
interface MailTransport {

	void send(Notification notification) throws Exception;

}
