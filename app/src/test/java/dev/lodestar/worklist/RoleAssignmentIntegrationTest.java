package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.lodestar.LodestarIntegrationTest;

/**
 * Assignment by role, on roles that exist only in this test (so the demo roles keep their
 * pool behaviour for every other test), with the notification e-mail caught by GreenMail.
 */
@LodestarIntegrationTest
@TestPropertySource(properties = { "lodestar.worklist.assignment.test-rr-role=round-robin",
		"lodestar.worklist.assignment.test-ll-role=least-loaded" })
class RoleAssignmentIntegrationTest {

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	dev.lodestar.notification.MailPreferences preferences;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startMailServer() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopMailServer() {
		smtp.stop();
	}

	@BeforeEach
	void roles() {
		role("test-rr-role", "rr-a", "rr-b", "rr-c");
		role("test-ll-role", "ll-a", "ll-b", "ll-c");
		role("test-pool-role", "pool-a", "pool-b");
	}

	@Test
	void roundRobinAssignsTheRolesMembersInTurn() {
		List<String> assignees = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			assignees.add(assigneeOf(start("test-rr-role", "RR-" + i + "-" + UUID.randomUUID())));
		}
		List<String> members = List.of("rr-a", "rr-b", "rr-c");
		int first = members.indexOf(assignees.get(0));
		assertThat(first).isNotNegative();
		assertThat(assignees).containsExactly(members.get(first), members.get((first + 1) % 3),
				members.get((first + 2) % 3), members.get(first));
	}

	@Test
	void leastLoadedAssignsTheMemberWithTheFewestOpenTasks() {
		standaloneTaskFor("ll-a");
		standaloneTaskFor("ll-a");
		standaloneTaskFor("ll-b");

		List<String> assignees = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			assignees.add(assigneeOf(start("test-ll-role", "LL-" + i + "-" + UUID.randomUUID())));
		}
		// loads before each start: (2,1,0) → c; (2,1,1) → b; (2,2,1) → c; (2,2,2) → a (ties by user id)
		assertThat(assignees).containsExactly("ll-c", "ll-b", "ll-c", "ll-a");
	}

	@Test
	void theAssigneeIsMailedOnceAndTheRoleNotAtAll() throws Exception {
		String key = "RR-MAIL-" + UUID.randomUUID();
		String assignee = assigneeOf(start("test-rr-role", key));

		await().atMost(Duration.ofSeconds(10)).until(() -> !mailsAbout(key).isEmpty());
		Thread.sleep(500); // anything else queued in the same transaction is sent by now
		List<MimeMessage> mails = mailsAbout(key);
		assertThat(mails).hasSize(1);
		assertThat(recipients(mails.get(0))).containsExactly(assignee + "@test.example");
		assertThat(mails.get(0).getSubject()).containsIgnoringCase("assigned");
	}

	@Test
	void aPoolRolesMembersAreEachMailedOnceAndNobodyIsAssigned() throws Exception {
		String key = "POOL-MAIL-" + UUID.randomUUID();
		// "new in your queue" defaults to the daily digest: these members asked for it at once
		for (String member : List.of("pool-a", "pool-b")) {
			preferences.set(member, Map.of(dev.lodestar.notification.MessageKind.TASK_QUEUED,
					dev.lodestar.notification.Delivery.IMMEDIATE));
		}
		String instance = start("test-pool-role", key);
		assertThat(assigneeOf(instance)).isNull();

		await().atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(key).size() >= 2);
		Thread.sleep(500);
		List<MimeMessage> mails = mailsAbout(key);
		assertThat(mails).hasSize(2);
		assertThat(mails.stream().flatMap(m -> recipients(m).stream()))
			.containsExactlyInAnyOrder("pool-a@test.example", "pool-b@test.example");
		assertThat(mails).allSatisfy(m -> assertThat(m.getSubject()).contains("queue"));
	}

	// ---- helpers ----------------------------------------------------------------------------

	private String start(String role, String businessKey) {
		return runtimeService.startProcessInstanceByKey("test-role-work", businessKey, Map.of("role", role)).getId();
	}

	private String assigneeOf(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getAssignee();
	}

	private void standaloneTaskFor(String userId) {
		var task = taskService.newTask();
		task.setName("Earlier work of " + userId);
		task.setAssignee(userId);
		taskService.saveTask(task);
	}

	private void role(String groupId, String... members) {
		if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
			var group = identityService.newGroup(groupId);
			group.setName(groupId);
			identityService.saveGroup(group);
		}
		for (String member : members) {
			if (identityService.createUserQuery().userId(member).count() == 0) {
				User user = identityService.newUser(member);
				user.setEmail(member + "@test.example");
				user.setPassword(member);
				identityService.saveUser(user);
				identityService.createMembership(member, groupId);
			}
		}
	}

	private static List<MimeMessage> mailsAbout(String businessKey) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> GreenMailUtil.getBody(m).contains(businessKey))
			.toList();
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
