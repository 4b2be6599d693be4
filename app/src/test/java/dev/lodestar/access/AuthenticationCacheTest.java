package dev.lodestar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class AuthenticationCacheTest {

	private static final List<GrantedAuthority> REP = List.of(new SimpleGrantedAuthority("ROLE_sales-rep"));

	@Test
	void aRememberedLogInIsFoundOnlyWithTheSamePasswordAndOnlyUntilItExpires() {
		var clock = new MutableClock();
		var cache = new AuthenticationCache(Duration.ofMinutes(1), clock);
		cache.remember("alice", "alice", REP);

		assertThat(cache.find("alice", "alice")).contains(REP);
		assertThat(cache.find("alice", "wrong")).isEmpty();
		assertThat(cache.find("bob", "alice")).isEmpty();

		clock.now = clock.now.plusSeconds(61);
		assertThat(cache.find("alice", "alice")).isEmpty();
	}

	@Test
	void aFailedLogInForgetsTheUserAndAZeroTtlCachesNothing() {
		var cache = new AuthenticationCache(Duration.ofMinutes(1), Clock.systemUTC());
		cache.remember("alice", "alice", REP);
		cache.forget("alice");
		assertThat(cache.find("alice", "alice")).isEmpty();

		var off = new AuthenticationCache(Duration.ZERO, Clock.systemUTC());
		off.remember("alice", "alice", REP);
		assertThat(off.find("alice", "alice")).isEmpty();
	}

}
