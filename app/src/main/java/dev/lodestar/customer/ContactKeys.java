package dev.lodestar.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.ConflictException;

/**
 * Who owns each normalised contact key (table {@code crm_customer_key}; see {@link MatchKeys}):
 * one customer per e-mail address and per phone number. The key's primary key decides a race:
 * of two captures of the same new person, the second one's claim fails (on PostgreSQL it waits
 * for the first transaction and fails once that commits) and it links to the first one's
 * customer instead.
 *
 * <p>A claim runs inside the caller's transaction, so a lead and the customer it creates are
 * still written together or not at all; a savepoint around the insert keeps a failed claim
 * from spoiling that transaction (PostgreSQL aborts a transaction on any failed statement).
 */
@Component
class ContactKeys {

	static final String EMAIL = "email";
	static final String PHONE = "phone";

	/**
	 * How long a claim keeps trying while another transaction holds the key. PostgreSQL waits
	 * for that transaction by itself; H2 gives up on a lock after a couple of seconds, and eight
	 * captures of one person queue up behind each other for longer than that.
	 */
	private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;

	ContactKeys(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** The customer that owns this key, if any (merged ones included: follow the merge). */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public Optional<Long> owner(String kind, String key) {
		return jdbc.queryForList("select customer_id from crm_customer_key where kind = ? and key_value = ?", Long.class,
				kind, key).stream().findFirst();
	}

	/**
	 * Insert-or-find: claims the key for the customer, or answers who owns it already. The
	 * customer's row must be flushed before.
	 *
	 * @return the owner: {@code customerId} when the claim succeeded (or it owned the key)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long claim(String kind, String key, long customerId, Instant now) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		for (int attempt = 1;; attempt++) {
			Optional<Long> owner = owner(kind, key);
			if (owner.isPresent()) {
				return owner.get();
			}
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try {
				Savepoint savepoint = savepoint(connection);
				try {
					jdbc.update("insert into crm_customer_key (kind, key_value, customer_id, created_at) values (?, ?, ?, ?)",
							kind, key, customerId, Timestamp.from(now));
					release(connection, savepoint);
					return customerId;
				}
				catch (DataIntegrityViolationException | TransientDataAccessException taken) {
					// another capture claimed it first (and has committed: the next round reads its
					// owner), or holds it locked still (the next round waits again)
					rollback(connection, savepoint);
					if (attempt > 1 && System.nanoTime() > deadline) {
						throw new ConflictException("The " + kind + " is being saved by someone else at this moment; "
								+ "please try again.");
					}
				}
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}
	}

	/** The keys of a customer that lost a race and is deleted (before the customer's row). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(long customerId) {
		jdbc.update("delete from crm_customer_key where customer_id = ?", customerId);
	}

	/** One key a customer owns. */
	record Key(String kind, String value) {
	}

	/** The keys this customer owns. */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public List<Key> keysOf(long customerId) {
		return jdbc.query("select kind, key_value from crm_customer_key where customer_id = ? order by kind, key_value",
				(row, n) -> new Key(row.getString(1), row.getString(2)), customerId);
	}

	/** Gives a key back (an undone merge): only while {@code fromCustomerId} still owns it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void move(Key key, long fromCustomerId, long toCustomerId) {
		jdbc.update("update crm_customer_key set customer_id = ? where kind = ? and key_value = ? and customer_id = ?",
				toCustomerId, key.kind(), key.value(), fromCustomerId);
	}

	/** A merged customer's keys go to the survivor. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void moveAll(long fromCustomerId, long toCustomerId) {
		jdbc.update("update crm_customer_key set customer_id = ? where customer_id = ?", toCustomerId, fromCustomerId);
	}

	private static Savepoint savepoint(Connection connection) {
		try {
			return connection.setSavepoint();
		}
		catch (SQLException e) {
			throw new IllegalStateException("a savepoint is needed to claim a contact key", e);
		}
	}

	private static void release(Connection connection, Savepoint savepoint) {
		try {
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException e) {
			// releasing is tidiness only: the savepoint ends with the transaction anyway
		}
	}

	private static void rollback(Connection connection, Savepoint savepoint) {
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not roll back to the savepoint of a contact key claim", e);
		}
	}

}
