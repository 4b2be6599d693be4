package dev.lodestar.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Messages held back for users' daily digests ({@code crm_digest_item}). */
@Repository
class DigestItems {

	private final JdbcTemplate jdbc;

	DigestItems(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a digest item or a message with this key exists already: one round trip for both. */
	boolean heldOrQueued(String dedupeKey) {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				select case when exists (select 1 from crm_digest_item where dedupe_key = ?)
				              or exists (select 1 from crm_notification where dedupe_key = ?) then true else false end""",
				Boolean.class, dedupeKey, dedupeKey));
	}

	void hold(String userId, String kind, String line, String link, String dedupeKey, Instant at) {
		jdbc.update("""
				insert into crm_digest_item (recipient_user_id, kind, line, link, dedupe_key, created_at)
				values (?, ?, ?, ?, ?, ?)""", userId, kind, truncate(line, 1000), truncate(link, 1000), dedupeKey,
				Timestamp.from(at));
	}

	List<String> waitingRecipients() {
		return jdbc.queryForList(
				"select distinct recipient_user_id from crm_digest_item where digest_key is null order by recipient_user_id",
				String.class);
	}

	List<Item> waitingFor(String userId) {
		return jdbc.query("""
				select id, kind, line, link, created_at from crm_digest_item
				where recipient_user_id = ? and digest_key is null order by kind, created_at, id""",
				(rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant()),
				userId);
	}

	/** Marks these items as carried by the digest {@code digestKey}; only items still waiting. */
	int carriedBy(List<Item> items, String digestKey) {
		int marked = 0;
		for (Item item : items) {
			marked += jdbc.update("update crm_digest_item set digest_key = ? where id = ? and digest_key is null",
					digestKey, item.id());
		}
		return marked;
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** One held message: a line saying what happened, and where to look. */
	record Item(long id, String kind, String line, String link, Instant at) {
	}

}
