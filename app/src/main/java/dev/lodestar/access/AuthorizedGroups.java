package dev.lodestar.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import dev.lodestar.system.EngineClock;

/**
 * The groups that hold any authorization, remembered for a few seconds instead of read once per
 * engine command.
 *
 * <p>Before every authorization check Camunda narrows the user's groups to those that appear in
 * {@code ACT_RU_AUTHORIZATION}, with {@code select distinct GROUP_ID_} over the whole table,
 * once per command. Every open task holds a row there for its candidate role, so the read grows
 * with the open tasks: 1.7 ms of PostgreSQL time at 9,400 rows, twice per start through
 * {@code /engine-rest}, and so on for every call (README, Benchmarks). The set itself changes
 * only when a group is first granted something. This node forgets it at once when it grants
 * something to a group the set lacks; a grant made on another node shows here within
 * {@link #TIME_TO_LIVE}. A group that lost its last grant and stays in the set costs nothing:
 * the check itself still finds no authorization for it.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	private final Clock clock;

	private volatile Set<String> groups;

	private volatile Instant expires = Instant.MIN;

	private final AtomicLong reads = new AtomicLong();

	AuthorizedGroups() {
		this(EngineClock.INSTANCE);
	}

	AuthorizedGroups(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomSessionFactories() == null) {
			configuration.setCustomSessionFactories(new ArrayList<>());
		}
		configuration.getCustomSessionFactories().add(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new RememberingAuthorizationManager(AuthorizedGroups.this);
			}
		});
	}

	/** The remembered set, or a fresh one from {@code read} when it is older than the time to live. */
	Set<String> get(Supplier<Set<String>> read) {
		Set<String> known = groups;
		if (known != null && clock.instant().isBefore(expires)) {
			return known;
		}
		Set<String> fresh = Set.copyOf(read.get());
		reads.incrementAndGet();
		groups = fresh;
		expires = clock.instant().plus(TIME_TO_LIVE);
		return fresh;
	}

	/** A grant to {@code groupId} was written: a group the set lacks makes it read again. */
	void granted(String groupId) {
		Set<String> known = groups;
		if (groupId != null && known != null && !known.contains(groupId)) {
			groups = null;
		}
	}

	/** How often the set was read from the database (for tests and the benchmark's notes). */
	long reads() {
		return reads.get();
	}

	/** Camunda's authorization manager with the group set of {@link AuthorizedGroups}. */
	static final class RememberingAuthorizationManager extends AuthorizationManager {

		private final AuthorizedGroups remembered;

		RememberingAuthorizationManager(AuthorizedGroups remembered) {
			this.remembered = remembered;
		}

		@Override
		protected Set<String> getAllGroups() {
			return remembered.get(super::getAllGroups);
		}

		@Override
		public void insert(DbEntity entity) {
			super.insert(entity);
			if (entity instanceof AuthorizationEntity authorization) {
				remembered.granted(authorization.getGroupId());
			}
		}

		@Override
		public void update(AuthorizationEntity authorization) {
			super.update(authorization);
			remembered.granted(authorization.getGroupId());
		}

	}

}
