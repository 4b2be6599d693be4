package dev.lodestar.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by their names, not their user ids ("Alice Wong", not "alice"): each name is looked up
 * once and kept a few minutes, so a page of a hundred rows asks the identity store a few times.
 */
@Component
public class UserNames {

	private static final Duration KEPT = Duration.ofMinutes(5);

	private record Known(String name, long until) {
	}

	private final IdentityService identity;
	private final Map<String, Known> known = new ConcurrentHashMap<>();

	UserNames(IdentityService identity) {
		this.identity = identity;
	}

	/** First and last name, or the id where the user has none or is not known; null stays null. */
	public String name(String userId) {
		if (userId == null || userId.isBlank()) {
			return userId;
		}
		long now = System.nanoTime(); // how long a name is kept is elapsed time, not the case's clock
		Known k = known.get(userId);
		if (k == null || now - k.until() > 0) {
			k = new Known(lookUp(userId), now + KEPT.toNanos());
			if (known.size() > 10_000) {
				known.clear();
			}
			known.put(userId, k);
		}
		return k.name();
	}

	private String lookUp(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String first = user.getFirstName() == null ? "" : user.getFirstName().strip();
		String last = user.getLastName() == null ? "" : user.getLastName().strip();
		// a Chinese name is written family name first, without a space (王芳, not 芳 王)
		String name = chinese(first) && chinese(last) ? last + first : (first + " " + last).strip();
		return name.isEmpty() ? userId : name;
	}

	private static boolean chinese(String part) {
		return !part.isEmpty() && part.codePoints()
			.allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

}
