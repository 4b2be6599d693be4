package dev.lodestar.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;

/**
 * The demo users of ARCHITECTURE.md's "Fixed names" (password = user id), created only when
 * {@code lodestar.demo.enabled} is true: the embedded default, never the {@code postgres}
 * profile. Camunda's identity service stores the passwords salted and hashed.
 */
@Component
@Order(DemoUsers.ORDER)
@ConditionalOnProperty(name = "lodestar.demo.enabled", havingValue = "true")
class DemoUsers implements DemoData {

	static final int ORDER = 100;

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	static final List<DemoUser> USERS = List.of(
			new DemoUser("alice", "Alice", "Anderson", List.of(Roles.SALES_REP)),
			new DemoUser("bob", "Bob", "Brown", List.of(Roles.SALES_MANAGER)),
			new DemoUser("carol", "Carol", "Chen", List.of(Roles.SERVICE_AGENT)),
			new DemoUser("dave", "Dave", "Davis", List.of(Roles.SERVICE_MANAGER)),
			new DemoUser("erin", "Erin", "Evans", List.of(Roles.EXECUTIVE)),
			new DemoUser("frank", "Frank", "Fischer", List.of(Roles.PROJECT_TEAM, Roles.PROCESS_OWNER)),
			// the second pair of eyes on model changes (four eyes: README)
			new DemoUser("henry", "Henry", "Huang", List.of(Roles.PROCESS_OWNER)),
			new DemoUser("grace", "Grace", "Guo", List.of(Roles.TRAINER)),
			new DemoUser("admin", "Ada", "Admin", List.of(Roles.CAMUNDA_ADMIN)));

	private final IdentityService identityService;

	DemoUsers(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public void seed() {
		int created = 0;
		for (DemoUser demo : USERS) {
			if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
				User user = identityService.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.id() + "@lodestar.example");
				user.setPassword(demo.id());
				identityService.saveUser(user);
				created++;
			}
			for (String group : demo.groupsWithEmployee()) {
				if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
					identityService.createMembership(demo.id(), group);
				}
			}
		}
		if (created > 0) {
			log.info("Created {} demo users (password = user id)", created);
		}
	}

	record DemoUser(String id, String firstName, String lastName, List<String> groups) {

		List<String> groupsWithEmployee() {
			var all = new java.util.ArrayList<>(groups);
			all.add(Roles.EMPLOYEE);
			return all;
		}

	}

}
