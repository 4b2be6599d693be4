package dev.lodestar.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.GrantedAuthority;

/**
 * Remembers successful log-ins of HTTP Basic clients for a short while, so that an API client
 * sending its credentials with every request costs one password check and one group query per
 * {@code ttl}, not per request (they were two database transactions of each request). Only
 * successes are kept, under a hash of user and password: a wrong password always goes to the
 * user store. A changed password or group made on this node takes effect at once (see
 * {@link IdentityChanges}), one made on another node within {@code ttl} (default a minute,
 * {@code lodestar.security.authentication-cache-ttl}; {@code PT0S} switches the cache off).
 */
final class AuthenticationCache {

	private static final int MAX_ENTRIES = 10_000;

	private record Entry(List<GrantedAuthority> authorities, Instant expires) {
	}

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
	private final Duration ttl;
	private final Clock clock;

	AuthenticationCache(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	Optional<List<GrantedAuthority>> find(String userId, String password) {
		if (ttl.isZero()) {
			return Optional.empty();
		}
		String key = key(userId, password);
		Entry entry = entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (!entry.expires().isAfter(clock.instant())) {
			entries.remove(key, entry);
			return Optional.empty();
		}
		return Optional.of(entry.authorities());
	}

	void remember(String userId, String password, List<GrantedAuthority> authorities) {
		if (ttl.isZero()) {
			return;
		}
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear();
		}
		entries.put(key(userId, password), new Entry(List.copyOf(authorities), clock.instant().plus(ttl)));
	}

	void forgetAll() {
		entries.clear();
	}

	void forget(String userId) {
		entries.keySet().removeIf(key -> key.startsWith(userId + "\u0000"));
	}

	private static String key(String userId, String password) {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest((userId + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
			return userId + "\u0000" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
