package dev.lodestar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

class AuthorizedGroupsTest {

	@Test
	void theSetIsReadOncePerTimeToLiveAndAgainWhenAGroupOutsideItIsGranted() {
		var clock = new MutableClock();
		var remembered = new AuthorizedGroups(clock);
		var reads = new AtomicInteger();

		assertThat(remembered.get(() -> Set.of("sales-rep", "r" + reads.incrementAndGet()))).contains("sales-rep", "r1");
		assertThat(remembered.get(() -> Set.of("r" + reads.incrementAndGet()))).containsExactlyInAnyOrder("sales-rep", "r1");
		assertThat(reads).hasValue(1);

		remembered.granted("sales-rep"); // already known: nothing to read
		remembered.get(() -> Set.of("r" + reads.incrementAndGet()));
		assertThat(reads).hasValue(1);

		remembered.granted("brand-new-role");
		assertThat(remembered.get(() -> Set.of("brand-new-role", "r" + reads.incrementAndGet()))).contains("brand-new-role");
		assertThat(reads).hasValue(2);

		clock.now = clock.now.plus(AuthorizedGroups.TIME_TO_LIVE).plus(Duration.ofMillis(1));
		remembered.get(() -> Set.of("r" + reads.incrementAndGet()));
		assertThat(reads).hasValue(3);
		assertThat(remembered.reads()).isEqualTo(3);
	}

	@Nested
	@LodestarIntegrationTest
	class InTheEngine {

		@Autowired
		AuthorizedGroups remembered;

		@Autowired
		IdentityService identityService;

		@Autowired
		AuthorizationService authorizationService;

		@Autowired
		RepositoryService repositoryService;

		@Test
		void aGrantToANewGroupCountsAtOnceAndCommandsShareOneRead() {
			String tag = UUID.randomUUID().toString().substring(0, 8);
			String group = "auditors-" + tag;
			String user = "auditor-" + tag;
			// no set read so far can hold this group: it does not exist yet
			long readsBefore = remembered.reads();
			identityService.saveGroup(identityService.newGroup(group));
			identityService.saveUser(identityService.newUser(user));
			identityService.createMembership(user, group);
			try {
				identityService.setAuthentication(user, List.of(group));
				// the set is read now, without the new group
				assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("lead-to-sale").count())
					.isZero();

				identityService.clearAuthentication();
				Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(group);
				grant.setResource(Resources.PROCESS_DEFINITION);
				grant.setResourceId("lead-to-sale");
				grant.addPermission(Permissions.READ);
				authorizationService.saveAuthorization(grant);

				identityService.setAuthentication(user, List.of(group));
				assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("lead-to-sale").count())
					.isPositive();
				// the group's grants (Camunda's own on the new group, then this one) counted at once, so
				// the set was read again since the group was created: the engine's checks use the plugin
				assertThat(remembered.reads()).isGreaterThan(readsBefore);

				long before = remembered.reads();
				for (int i = 0; i < 5; i++) {
					repositoryService.createProcessDefinitionQuery().processDefinitionKey("lead-to-sale").count();
				}
				// five commands, each with an authorization check: at most one read of the set
				assertThat(remembered.reads() - before).isLessThanOrEqualTo(1);
			}
			finally {
				identityService.clearAuthentication();
				authorizationService.createAuthorizationQuery()
					.groupIdIn(group)
					.list()
					.forEach(a -> authorizationService.deleteAuthorization(a.getId()));
				identityService.deleteUser(user);
				identityService.deleteGroup(group);
			}
		}

	}

}
