package dev.lodestar.notification;

/** A message was written to the outbox; it goes out once the writing transaction commits. */
record NotificationQueued(long notificationId) {
}
