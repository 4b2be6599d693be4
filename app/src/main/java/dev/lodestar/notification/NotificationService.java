package dev.lodestar.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.EngineClock;

/**
 * Queues e-mail for users, roles and customers. Every method joins the caller's transaction:
 * the message exists only if the work that caused it commits, and it is sent after that
 * commit, with retries. A {@code dedupeKey} makes a message one-off (a second message with
 * the same key is not queued).
 */
@Service
public class NotificationService {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private final Notifications notifications;
	private final MailTemplates templates;
	private final IdentityService identityService;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MailPreferences preferences;
	private final DigestItems digestItems;
	private final NotificationSettings settings;

	NotificationService(Notifications notifications, MailTemplates templates, IdentityService identityService,
			ApplicationEventPublisher events, Optional<Clock> clock, MailPreferences preferences,
			DigestItems digestItems, NotificationSettings settings) {
		this.settings = settings;
		this.preferences = preferences;
		this.digestItems = digestItems;
		this.notifications = notifications;
		this.templates = templates;
		this.identityService = identityService;
		this.events = events;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/**
	 * Tells one user, at the e-mail address of their Camunda user and in the language they
	 * chose, as they want this kind of message ({@link MailPreferences}): queued now, held for
	 * their daily digest (then the result is empty), or not at all.
	 */
	@Transactional
	public Optional<Notification> notifyUser(String userId, String template, Map<String, Object> model,
			String dedupeKey) {
		Delivery delivery = MessageKind.ofTemplate(template)
			.map(kind -> preferences.deliveryOf(userId, kind))
			.orElse(Delivery.IMMEDIATE);
		return switch (delivery) {
			case OFF -> Optional.empty();
			case DIGEST -> {
				holdForDigest(userId, template, model, dedupeKey);
				yield Optional.empty();
			}
			case IMMEDIATE -> notifyUserNow(userId, template, model, dedupeKey);
		};
	}

	/** Queues a message to one user now, whatever their preferences (the digest itself). */
	Optional<Notification> notifyUserNow(String userId, String template, Map<String, Object> model,
			String dedupeKey) {
		User user = identityService.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			log.warn("Not notifying {} about {}: no such user", userId, template);
			return Optional.empty();
		}
		return notify(user, template, model, dedupeKey);
	}

	private Optional<Notification> notify(User user, String template, Map<String, Object> model, String dedupeKey) {
		return notify(user, template, model, dedupeKey, preferences.language(user.getId()));
	}

	private Optional<Notification> notify(User user, String template, Map<String, Object> model, String dedupeKey,
			Locale language) {
		if (user.getEmail() == null || user.getEmail().isBlank()) {
			log.warn("Not notifying {} about {}: no e-mail address", user.getId(), template);
			return Optional.empty();
		}
		var personal = new java.util.HashMap<>(model);
		personal.put("recipientName", displayName(user));
		return queue(template, user.getEmail(), user.getId(), personal, dedupeKey, language);
	}

	boolean alreadyQueued(String dedupeKey) {
		return notifications.existsByDedupeKey(dedupeKey);
	}

	private void holdForDigest(String userId, String template, Map<String, Object> model, String dedupeKey) {
		holdForDigest(userId, template, model, dedupeKey, preferences.language(userId));
	}

	private void holdForDigest(String userId, String template, Map<String, Object> model, String dedupeKey,
			Locale language) {
		if (dedupeKey != null) {
			notifications.flush(); // the check below is plain SQL: let it see messages queued in this transaction
			if (digestItems.heldOrQueued(dedupeKey)) {
				return;
			}
		}
		var personal = new java.util.HashMap<>(model);
		personal.put("recipientName", userId);
		String subject = templates.subject(template, personal, language);
		String line = subject.startsWith("[Lodestar]") ? subject.substring("[Lodestar]".length()).strip() : subject;
		Object link = model.get("link");
		digestItems.hold(userId, template, line, link == null ? null : link.toString(), dedupeKey, clock.instant());
	}

	/** Queues one message to each member of a role (Camunda group) who has an e-mail address. */
	@Transactional
	public List<Notification> notifyRole(String groupId, String template, Map<String, Object> model,
			String dedupeKeyPrefix) {
		var queued = new ArrayList<Notification>();
		for (User member : identityService.createUserQuery().memberOfGroup(groupId).list()) {
			String key = dedupeKeyPrefix == null ? null : dedupeKeyPrefix + ":" + member.getId();
			// the member query brought the user already: no second query per member
			deliver(member, template, model, key).ifPresent(queued::add);
		}
		return queued;
	}

	/**
	 * A role member's message as they want it: at once, in their digest, or not at all. Their
	 * language and choices come in one query ({@link MailPreferences#profile}): a task queued for
	 * a role costs each member a few round trips inside the engine's transaction, not seven.
	 */
	private Optional<Notification> deliver(User member, String template, Map<String, Object> model, String dedupeKey) {
		var profile = preferences.profile(member.getId());
		Delivery delivery = MessageKind.ofTemplate(template).map(profile::deliveryOf).orElse(Delivery.IMMEDIATE);
		return switch (delivery) {
			case OFF -> Optional.empty();
			case DIGEST -> {
				holdForDigest(member.getId(), template, model, dedupeKey, profile.language());
				yield Optional.empty();
			}
			case IMMEDIATE -> notify(member, template, model, dedupeKey, profile.language());
		};
	}

	/** Queues a message to an address that is no Lodestar user, such as a customer. */
	@Transactional
	public Optional<Notification> notifyAddress(String email, String template, Map<String, Object> model,
			String dedupeKey) {
		return queue(template, email, null, model, dedupeKey, Locale.ENGLISH);
	}

	/**
	 * Queues a message to a customer in the customer's language, as part of a case's thread:
	 * it goes out with a Message-ID of its own, and a reply that names it
	 * ({@code In-Reply-To}/{@code References}) leads back to {@code threadRef} ({@link #threadOf}).
	 */
	@Transactional
	public Optional<Notification> notifyCustomer(String email, String template, Map<String, Object> model,
			String dedupeKey, Locale language, String threadRef) {
		return queue(template, email, null, model, dedupeKey, language == null ? Locale.ENGLISH : language, threadRef);
	}

	/** The case that one of these Message-IDs of ours belongs to, if any is ours. */
	@Transactional(readOnly = true)
	public Optional<String> threadOf(java.util.Collection<String> messageIds) {
		var ids = messageIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().limit(50).toList();
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		return notifications.findByMessageIdIn(ids).stream()
			.map(Notification::getThreadRef)
			.filter(ref -> ref != null)
			.findFirst();
	}

	/** The newest messages of one user, newest first. */
	@Transactional(readOnly = true)
	public List<Notification> recentFor(String userId, int limit) {
		return notifications.findByRecipientUserIdOrderByCreatedAtDesc(userId, PageRequest.of(0, limit));
	}

	/** The newest messages to one address that is no Lodestar user (a customer's inbox), newest first. */
	@Transactional(readOnly = true)
	public List<Notification> recentToAddress(String email, int limit) {
		return notifications.findByRecipientEmailOrderByIdDesc(email, PageRequest.of(0, limit));
	}

	private Optional<Notification> queue(String template, String email, String userId, Map<String, Object> model,
			String dedupeKey, Locale locale) {
		return queue(template, email, userId, model, dedupeKey, locale, null);
	}

	private Optional<Notification> queue(String template, String email, String userId, Map<String, Object> model,
			String dedupeKey, Locale locale, String threadRef) {
		if (dedupeKey != null && notifications.existsByDedupeKey(dedupeKey)) {
			return Optional.empty();
		}
		var rendered = templates.render(template, model, locale);
		var unsent = new Notification(template, email, userId, rendered.subject(), rendered.text(), rendered.html(),
				dedupeKey, clock.instant());
		unsent.thread("<" + java.util.UUID.randomUUID() + "@" + domainOf(settings.from()) + ">", threadRef);
		var notification = notifications.save(unsent);
		events.publishEvent(new NotificationQueued(notification.getId()));
		return Optional.of(notification);
	}

	private static String domainOf(String from) {
		int at = from == null ? -1 : from.lastIndexOf('@');
		String domain = at < 0 ? "lodestar.local" : from.substring(at + 1).replace(">", "").strip();
		return domain.isEmpty() ? "lodestar.local" : domain;
	}

	private static String displayName(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
		return name.isEmpty() ? user.getId() : name;
	}

}
