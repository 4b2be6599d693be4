/**
 * E-mail notifications for every process. {@link dev.lodestar.notification.NotificationService}
 * queues a templated (Thymeleaf, plain text and HTML) message in the {@code crm_notification}
 * outbox inside the caller's transaction; it is sent only after that transaction commits, and
 * retried with back-off, so a dead SMTP server never rolls back or loses anybody's work.
 * Task assignment and overdue messages come from here for every user task of every process.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package dev.lodestar.notification;
