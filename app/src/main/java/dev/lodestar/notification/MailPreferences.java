package dev.lodestar.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.EngineClock;

/**
 * Each user's choices about mail: the language they read (remembered when they switch it in the
 * header) and, per {@link MessageKind}, whether to be told at once, in the daily digest, or not
 * at all. Without a choice the defaults of the user's roles apply.
 */
@Service
public class MailPreferences {

	private final JdbcTemplate jdbc;
	private final IdentityService identityService;
	private final Clock clock;

	MailPreferences(JdbcTemplate jdbc, IdentityService identityService, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** The language the user last chose; English until they choose. */
	@Transactional(readOnly = true)
	public Locale language(String userId) {
		List<String> tags = jdbc.queryForList("select language from crm_user_language where user_id = ?", String.class,
				userId);
		return tags.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(tags.get(0));
	}

	/**
	 * What mail needs to know of one user, read in one round trip: their language and their
	 * own choices; their roles are asked for only when a kind has no choice of theirs.
	 */
	@Transactional(readOnly = true)
	public Profile profile(String userId) {
		var language = new String[1];
		var chosen = new java.util.HashMap<String, Delivery>();
		jdbc.query("""
				select 'language', language from crm_user_language where user_id = ?
				union all
				select kind, delivery from crm_mail_preference where user_id = ?""", row -> {
			if ("language".equals(row.getString(1))) {
				language[0] = row.getString(2);
			}
			else {
				chosen.put(row.getString(1), Delivery.valueOf(row.getString(2)));
			}
		}, userId, userId);
		return new Profile(userId, language[0] == null ? Locale.ENGLISH : Locale.forLanguageTag(language[0]), chosen);
	}

	/** One user's language and delivery choices ({@link #profile}). */
	public final class Profile {

		private final String userId;
		private final Locale language;
		private final Map<String, Delivery> chosen;

		private Profile(String userId, Locale language, Map<String, Delivery> chosen) {
			this.userId = userId;
			this.language = language;
			this.chosen = chosen;
		}

		public Locale language() {
			return language;
		}

		/** As {@link MailPreferences#deliveryOf}: the user's choice, else their roles' default. */
		public Delivery deliveryOf(MessageKind kind) {
			Delivery choice = chosen.get(kind.template());
			return choice != null ? choice : kind.defaultFor(roles(userId));
		}

	}

	/** Remembers the language the user switched to. */
	@Transactional
	public void rememberLanguage(String userId, Locale locale) {
		String tag = locale.toLanguageTag();
		var now = Timestamp.from(clock.instant());
		if (jdbc.update("update crm_user_language set language = ?, updated_at = ? where user_id = ?", tag, now,
				userId) == 0) {
			jdbc.update("insert into crm_user_language (user_id, language, updated_at) values (?, ?, ?)", userId, tag,
					now);
		}
	}

	/** How this user wants this kind of message: their choice, else their roles' default. */
	@Transactional(readOnly = true)
	public Delivery deliveryOf(String userId, MessageKind kind) {
		List<String> chosen = jdbc.queryForList(
				"select delivery from crm_mail_preference where user_id = ? and kind = ?", String.class, userId,
				kind.template());
		return chosen.isEmpty() ? kind.defaultFor(roles(userId)) : Delivery.valueOf(chosen.get(0));
	}

	/** Every kind with the delivery that applies to this user, in the order of {@link MessageKind}. */
	@Transactional(readOnly = true)
	public Map<MessageKind, Delivery> of(String userId) {
		var result = new EnumMap<MessageKind, Delivery>(MessageKind.class);
		List<String> roles = roles(userId);
		for (MessageKind kind : MessageKind.values()) {
			result.put(kind, kind.defaultFor(roles));
		}
		jdbc.queryForList("select kind, delivery from crm_mail_preference where user_id = ?", userId)
			.forEach(row -> MessageKind.ofTemplate(String.valueOf(row.get("kind")))
				.ifPresent(kind -> result.put(kind, Delivery.valueOf(String.valueOf(row.get("delivery"))))));
		return result;
	}

	/** Stores the user's choices (kinds not named keep theirs). */
	@Transactional
	public void set(String userId, Map<MessageKind, Delivery> choices) {
		choices.forEach((kind, delivery) -> {
			if (jdbc.update("update crm_mail_preference set delivery = ? where user_id = ? and kind = ?",
					delivery.name(), userId, kind.template()) == 0) {
				jdbc.update("insert into crm_mail_preference (user_id, kind, delivery) values (?, ?, ?)", userId,
						kind.template(), delivery.name());
			}
		});
	}

	private List<String> roles(String userId) {
		return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
	}

}
