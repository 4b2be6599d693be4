package dev.lodestar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The notification module against a real SMTP server (GreenMail) that a test can switch off:
 * mail goes out after the engine's transaction commits, and a dead server neither rolls back
 * the work nor loses the message.
 */
@SpringBootTest(properties = { "lodestar.notification.max-attempts=3" })
@ActiveProfiles("test")
class NotificationIntegrationTest {

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	OverdueTaskScanner overdueScanner;

	@Autowired
	MailPreferences preferences;

	@Autowired
	DigestSender digests;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
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
	void serverUpAndEmpty() throws Exception {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		smtp.purgeEmailFromAllMailboxes();
		// these tests are about sending: alice wants her queue at once, in English
		preferences.set("alice", Map.of(MessageKind.TASK_QUEUED, Delivery.IMMEDIATE));
		preferences.rememberLanguage("alice", java.util.Locale.ENGLISH);
	}

	@Test
	void withADigestPreferenceFiftyNewPoolTasksSendOneDigestPerMemberNotFifty() throws Exception {
		List<String> members = identityService.createUserQuery().memberOfGroup("sales-rep").list().stream()
			.filter(u -> u.getEmail() != null)
			.map(u -> u.getId())
			.toList();
		assertThat(members).contains("alice");
		members.forEach(m -> preferences.set(m, Map.of(MessageKind.TASK_QUEUED, Delivery.DIGEST)));
		// a clean day: nothing held from the demo data, no digest sent yet today
		jdbc.update("delete from crm_digest_item");
		jdbc.update("delete from crm_notification where kind = 'digest'");
		smtp.purgeEmailFromAllMailboxes();

		var instances = new java.util.ArrayList<ProcessInstance>();
		for (int i = 1; i <= 50; i++) {
			instances.add(startSmokeTask("POOL-" + i + "-END", Instant.now().plus(Duration.ofDays(2))));
		}
		Thread.sleep(500);
		assertThat(about("POOL-")).as("no mail per task").isEmpty();

		assertThat(digests.sendDigests()).isEqualTo(members.size());
		await().atMost(Duration.ofSeconds(15)).until(() -> digestMails().length >= members.size());
		MimeMessage[] received = digestMails();
		for (String member : members) {
			var mine = Arrays.stream(received).filter(m -> recipientsOf(new MimeMessage[] { m }).stream()
				.anyMatch(r -> r.startsWith(member + "@"))).toList();
			assertThat(mine).as("digests to " + member).hasSize(1);
			String body = GreenMailUtil.getBody(mine.get(0));
			for (int i = 1; i <= 50; i++) {
				assertThat(body).contains("POOL-" + i + "-END");
			}
		}
		// a second run the same day (another node, a restart) sends nothing more
		assertThat(digests.sendDigests()).isZero();
		Thread.sleep(300);
		assertThat(digestMails()).hasSize(received.length);
		instances.forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over"));
	}

	@Test
	void aUserWhoSwitchedToChineseGetsMailInChineseWithTheDateWrittenTheChineseWay() throws Exception {
		preferences.rememberLanguage("alice", java.util.Locale.SIMPLIFIED_CHINESE);
		ProcessInstance instance = startSmokeTask("LEAD-47", Instant.parse("2031-03-04T05:06:00Z"));

		MimeMessage mail = awaitMailTo("alice@lodestar.example", "LEAD-47");
		assertThat(mail.getSubject()).startsWith("[Lodestar] 队列中的新任务").contains("LEAD-47");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(
				() -> assertThat(notificationFor("task-queued", "alice", "LEAD-47").getBodyText()).contains("2031年3月"));
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	@Test
	void aKindSwitchedOffSendsNothing() throws Exception {
		preferences.set("alice", Map.of(MessageKind.TASK_QUEUED, Delivery.OFF));
		ProcessInstance instance = startSmokeTask("LEAD-48", Instant.now().plus(Duration.ofDays(2)));
		Thread.sleep(500);
		assertThat(notifications.findAll().stream().filter(n -> "alice".equals(n.getRecipientUserId())
				&& n.getSubject().contains("LEAD-48"))).isEmpty();
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	@Test
	void poolTasksDefaultToTheDigestAndExecutivesGetOverdueWorkDaily() {
		assertThat(MessageKind.TASK_QUEUED.defaultFor(List.of("sales-rep", "employee"))).isEqualTo(Delivery.DIGEST);
		assertThat(MessageKind.TASK_ASSIGNED.defaultFor(List.of("sales-rep", "employee"))).isEqualTo(Delivery.IMMEDIATE);
		assertThat(MessageKind.TASK_OVERDUE.defaultFor(List.of("executive", "employee"))).isEqualTo(Delivery.DIGEST);
		assertThat(MessageKind.TASK_OVERDUE.defaultFor(List.of("executive", "sales-manager"))).isEqualTo(Delivery.IMMEDIATE);
		assertThat(preferences.deliveryOf("carol", MessageKind.TASK_QUEUED)).isEqualTo(Delivery.DIGEST);
	}

	private static MimeMessage[] digestMails() {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject() != null && (m.getSubject().contains("digest") || m.getSubject().contains("摘要"));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}

	@Test
	void roleMembersAreToldOfANewTaskInTheirQueue() throws Exception {
		ProcessInstance instance = startSmokeTask("LEAD-42", Instant.now().plus(Duration.ofDays(2)));

		MimeMessage mail = awaitMailTo("alice@lodestar.example", "LEAD-42");
		assertThat(mail.getSubject()).contains("Call the customer back");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("LEAD-42").contains("sales-rep").contains("/tasks/");
		// one message per role member, not one per role: carol (service-agent) gets nothing
		assertThat(recipientsOf(about("LEAD-42"))).doesNotContain("carol@lodestar.example");
		// the message is marked sent just after the SMTP server took it
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notificationFor("task-queued", "alice").getStatus())
				.isEqualTo(NotificationStatus.SENT));
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	@Test
	void anAssigneeIsToldOfTheTaskAssignedToThem() throws Exception {
		ProcessInstance instance = startSmokeTask("LEAD-43", Instant.now().plus(Duration.ofDays(2)));
		awaitMailTo("alice@lodestar.example", "LEAD-43");
		smtp.purgeEmailFromAllMailboxes();

		String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		taskService.setAssignee(taskId, "alice");

		MimeMessage mail = awaitMailTo("alice@lodestar.example", "LEAD-43");
		assertThat(mail.getSubject()).containsIgnoringCase("assigned");
		assertThat(GreenMailUtil.getBody(mail)).contains("LEAD-43");
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	@Test
	void anOverdueTaskIsReportedToItsAssigneeOnce() throws Exception {
		ProcessInstance instance = startSmokeTask("LEAD-44", Instant.now().minus(Duration.ofMinutes(5)));
		String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		taskService.setAssignee(taskId, "alice");

		overdueScanner.scan();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notifications.findAll().stream().anyMatch(n -> "task-overdue".equals(n.getKind())
					&& n.getStatus() == NotificationStatus.SENT && n.getBodyText().contains("LEAD-44")));
		long overdueMessages = notifications.findAll().stream().filter(n -> "task-overdue".equals(n.getKind())
				&& n.getBodyText().contains("LEAD-44")).count();
		overdueScanner.scan();
		assertThat(notifications.findAll().stream().filter(n -> "task-overdue".equals(n.getKind())
				&& n.getBodyText().contains("LEAD-44")).count()).isEqualTo(overdueMessages).isEqualTo(1);
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	@Test
	void aDeadMailServerNeitherRollsBackTheWorkNorLosesTheMessage() throws Exception {
		smtp.stop();
		ProcessInstance instance = startSmokeTask("LEAD-45", Instant.now().plus(Duration.ofDays(1)));

		// the work is committed regardless of the mail server
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			Notification failedOnce = notificationFor("task-queued", "alice", "LEAD-45");
			assertThat(failedOnce.getStatus()).isEqualTo(NotificationStatus.PENDING);
			assertThat(failedOnce.getAttempts()).isEqualTo(1);
			assertThat(failedOnce.getLastError()).isNotBlank();
		});

		smtp.start();
		// other modules' demo mail may be due too: retry rounds until ours has had its turn
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			dispatcher.sendDue();
			assertThat(notificationFor("task-queued", "alice", "LEAD-45").getStatus()).isEqualTo(NotificationStatus.SENT);
		});

		Notification retried = notificationFor("task-queued", "alice", "LEAD-45");
		assertThat(retried.getStatus()).isEqualTo(NotificationStatus.SENT);
		assertThat(retried.getAttempts()).isEqualTo(2);
		assertThat(retried.getLastError()).isNull();
		assertThat(recipientsOf(smtp.getReceivedMessages())).contains("alice@lodestar.example");
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	@Test
	void aMessageIsGivenUpAfterItsLastAttemptWithTheErrorKept() throws Exception {
		smtp.stop();
		ProcessInstance instance = startSmokeTask("LEAD-46", Instant.now().plus(Duration.ofDays(1)));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> notificationFor("task-queued", "alice", "LEAD-46").getAttempts() == 1);

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			dispatcher.sendDue();
			assertThat(notificationFor("task-queued", "alice", "LEAD-46").getStatus()).isEqualTo(NotificationStatus.FAILED);
		});
		Notification failed = notificationFor("task-queued", "alice", "LEAD-46");
		assertThat(failed.getAttempts()).isEqualTo(3);
		assertThat(failed.getLastError()).isNotBlank();

		smtp.start();
		dispatcher.sendDue();
		assertThat(notificationFor("task-queued", "alice", "LEAD-46").getStatus()).isEqualTo(NotificationStatus.FAILED);
		runtimeService.deleteProcessInstance(instance.getId(), "test over");
	}

	private ProcessInstance startSmokeTask(String businessKey, Instant due) {
		return runtimeService.startProcessInstanceByKey("notify-smoke", businessKey,
				Map.<String, Object>of("dueDate", Date.from(due)));
	}

	private Notification notificationFor(String kind, String userId, String... bodyContains) {
		return notifications.findAll()
			.stream()
			.filter(n -> kind.equals(n.getKind()) && userId.equals(n.getRecipientUserId()))
			.filter(n -> Arrays.stream(bodyContains).allMatch(n.getBodyText()::contains))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no " + kind + " notification for " + userId));
	}

	/**
	 * The first message to the address about this case: demo data of other modules may send
	 * messages of their own while a test runs.
	 */
	private static MimeMessage awaitMailTo(String address, String caseKey) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(about(caseKey))
			.filter(m -> recipientsOf(new MimeMessage[] { m }).contains(address))
			.findFirst()
			.orElse(null), m -> m != null);
	}

	private static MimeMessage[] about(String caseKey) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject() != null && m.getSubject().contains(caseKey);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}

	private static List<String> recipientsOf(MimeMessage[] messages) {
		return Arrays.stream(messages).flatMap(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).map(Object::toString);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
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
