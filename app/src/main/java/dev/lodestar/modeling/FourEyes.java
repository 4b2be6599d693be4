package dev.lodestar.modeling;

import java.sql.Timestamp;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.access.Roles;
import dev.lodestar.system.EngineClock;
import dev.lodestar.worklist.Caller;

/**
 * The company setting "four eyes for model changes": when on, no process owner deploys a change
 * alone; a change request approved by another process owner is the only way a user's model
 * reaches the engine ({@link ChangeRequestService}, enforced inside the engine by
 * {@link FourEyesPlugin} for every door: {@code /api/models}, {@code /engine-rest}, Camunda's
 * web apps). Its default comes from {@code lodestar.modeling.four-eyes}; an administrator
 * switches it at run time, and the stored value then counts on every node.
 */
@Component
public class FourEyes {

	private static final Logger log = LoggerFactory.getLogger(FourEyes.class);

	static final String SETTING = "four-eyes";

	/** The approved content of the deployment this thread is making, if any. */
	private static final ThreadLocal<String> APPROVED = new ThreadLocal<>();

	private final JdbcTemplate jdbc;
	private final ModelingSettings settings;

	FourEyes(JdbcTemplate jdbc, ModelingSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Whether a second process owner must approve every model change before it is deployed. */
	public boolean on() {
		List<String> stored = jdbc.queryForList("select setting_value from mdl_setting where name = ?", String.class, SETTING);
		return stored.isEmpty() ? settings.fourEyes() : "true".equals(stored.get(0));
	}

	/** Switches four eyes on or off for the whole company (administrators only). */
	@Transactional
	public void set(Caller caller, boolean on) {
		if (!caller.hasRole(Roles.CAMUNDA_ADMIN)) {
			throw new AccessDeniedException("only administrators switch four eyes on or off");
		}
		var now = Timestamp.from(EngineClock.INSTANCE.instant());
		int updated = jdbc.update("update mdl_setting set setting_value = ?, changed_by = ?, changed_at = ? where name = ?",
				String.valueOf(on), caller.userId(), now, SETTING);
		if (updated == 0) {
			jdbc.update("insert into mdl_setting (name, setting_value, changed_by, changed_at) values (?, ?, ?, ?)", SETTING,
					String.valueOf(on), caller.userId(), now);
		}
		log.warn("Four eyes for model changes switched {} by {}", on ? "on" : "off", caller.userId());
	}

	/**
	 * Runs a deployment of an approved change request: the engine lets this thread deploy the
	 * approved content (its hash) while four eyes are on, and nothing else.
	 */
	static <T> T deployingApproved(String contentHash, Supplier<T> deployment) {
		APPROVED.set(contentHash);
		try {
			return deployment.get();
		}
		finally {
			APPROVED.remove();
		}
	}

	/** The hash of the approved content this thread deploys, or null. */
	static String approvedContent() {
		return APPROVED.get();
	}

}
