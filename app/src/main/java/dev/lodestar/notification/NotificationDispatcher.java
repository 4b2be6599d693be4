package dev.lodestar.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import dev.lodestar.system.EngineClock;

/**
 * Sends queued messages: once right after the queuing transaction commits, then again on a
 * schedule until they go out or run out of attempts. Sending happens outside any database
 * transaction, so a slow or dead mail server holds no locks and rolls nothing back.
 */
@Component
class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final EnumSet<NotificationStatus> CLAIMABLE = EnumSet.of(NotificationStatus.PENDING,
			NotificationStatus.SENDING);

	private final Notifications notifications;
	private final MailTransport transport;
	private final NotificationSettings settings;
	private final TransactionTemplate tx;
	private final MeterRegistry meters;
	private final Clock clock;

	NotificationDispatcher(Notifications notifications, MailTransport transport, NotificationSettings settings,
			PlatformTransactionManager transactionManager, MeterRegistry meters, Optional<Clock> clock) {
		this.notifications = notifications;
		this.transport = transport;
		this.settings = settings;
		this.tx = new TransactionTemplate(transactionManager);
		this.meters = meters;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void afterCommit(NotificationQueued queued) {
		attempt(queued.notificationId());
	}

	/** Sends every message that is due; returns how many went out. */
	@Scheduled(fixedDelayString = "${lodestar.notification.retry-interval:PT15S}",
			initialDelayString = "${lodestar.notification.retry-interval:PT15S}")
	int sendDue() {
		List<Long> due = tx.execute(status -> notifications.findDue(CLAIMABLE, clock.instant(), PageRequest.of(0, 100)));
		int sent = 0;
		for (Long id : due) {
			if (attempt(id)) {
				sent++;
			}
		}
		return sent;
	}

	/** One attempt at one message, if nobody else holds it; true when it went out. */
	boolean attempt(long id) {
		Instant now = clock.instant();
		Integer claimed = tx.execute(status -> notifications.claim(id, now, now.plus(settings.lease()),
				NotificationStatus.SENDING, CLAIMABLE));
		if (claimed == null || claimed == 0) {
			return false;
		}
		Notification notification = tx.execute(status -> notifications.findById(id).orElseThrow());
		try {
			transport.send(notification);
		}
		catch (Exception ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			tx.executeWithoutResult(status -> notifications.findById(id)
				.ifPresent(n -> n.attemptFailed(error, clock.instant(), settings.maxAttempts(), settings.firstBackoff())));
			log.warn("Notification {} to {} not sent: {}", id, notification.getRecipientEmail(), error);
			meters.counter("lodestar.notifications", "outcome", "failed-attempt").increment();
			return false;
		}
		tx.executeWithoutResult(status -> notifications.findById(id).ifPresent(n -> n.delivered(clock.instant())));
		meters.counter("lodestar.notifications", "outcome", "sent").increment();
		return true;
	}

}
