package dev.lodestar.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.calendar.Dates;
import dev.lodestar.system.EngineClock;

/**
 * Once a day, one mail per user that gathers the messages held back for the digest. Safe on
 * two nodes without a lock: a user's digest of a day has the outbox's unique dedupe key
 * {@code digest:<user>:<date>}, and the items it carries are marked in the same transaction;
 * a second node that builds the same digest fails on that key and rolls back, so nobody gets
 * two digests a day and no item is carried twice. Items that arrive after the day's digest wait
 * for the next.
 */
@Component
class DigestSender {

	private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

	private final DigestItems items;
	private final NotificationService notifications;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final NotificationSettings settings;
	private final Dates dates;

	DigestSender(DigestItems items, NotificationService notifications, TransactionTemplate transaction,
			NotificationSettings settings, Optional<Clock> clock, Dates dates) {
		this.dates = dates;
		this.settings = settings;
		this.items = items;
		this.notifications = notifications;
		this.transaction = transaction;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	@Scheduled(cron = "${lodestar.notification.digest-cron:0 0 7 * * *}")
	void sendDaily() {
		sendDigests();
	}

	/** Queues today's digest of every user with messages waiting; returns how many were queued. */
	int sendDigests() {
		LocalDate today = dates.today(clock);
		int queued = 0;
		for (String userId : items.waitingRecipients()) {
			try {
				Boolean sent = transaction.execute(status -> digestOf(userId, today));
				queued += Boolean.TRUE.equals(sent) ? 1 : 0;
			}
			catch (DataIntegrityViolationException raced) {
				log.info("The digest of {} for {} was sent by another node", userId, today);
			}
			catch (DataAccessException ex) {
				// a lock held by the other node, a lost connection: the next run tries again
				log.warn("The digest of {} for {} is left for the next run: {}", userId, today, ex.getMessage());
			}
		}
		return queued;
	}

	private boolean digestOf(String userId, LocalDate day) {
		String key = "digest:" + userId + ":" + day;
		List<DigestItems.Item> waiting = items.waitingFor(userId);
		if (waiting.isEmpty() || notifications.alreadyQueued(key)) {
			return false;
		}
		Map<String, List<DigestItems.Item>> byKind = waiting.stream()
			.collect(Collectors.groupingBy(DigestItems.Item::kind, LinkedHashMap::new, Collectors.toList()));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("day", day);
		model.put("count", waiting.size());
		model.put("settingsLink", settings.baseUrl() + "/settings/notifications");
		model.put("groups", byKind.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
		boolean queued = notifications.notifyUserNow(userId, "digest", model, key).isPresent();
		// without an address the items could never go out: they are done with either way
		items.carriedBy(waiting, key);
		return queued;
	}

	/** The items of one kind, under one heading of the digest. */
	record Group(String kind, List<DigestItems.Item> items) {
	}

}
