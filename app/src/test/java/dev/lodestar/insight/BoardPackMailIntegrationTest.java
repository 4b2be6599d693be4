package dev.lodestar.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.lodestar.access.Roles;
import dev.lodestar.notification.MailPreferences;

/**
 * The monthly board pack through the notification outbox to a real SMTP server (GreenMail):
 * each executive gets one mail in their language, and a second run of the job sends nothing more.
 */
@SpringBootTest
@ActiveProfiles("test")
class BoardPackMailIntegrationTest {

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	@Autowired
	BoardPack pack;

	@Autowired
	MailPreferences preferences;

	@Autowired
	IdentityService identity;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

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

	@Test
	void eachExecutiveGetsOnePackInTheirLanguageAndASecondRunSendsNothing() throws Exception {
		// a second executive who reads Chinese beside erin, who reads English
		if (identity.createUserQuery().userId("board.zh").singleResult() == null) {
			var user = identity.newUser("board.zh");
			user.setFirstName("Board");
			user.setLastName("Member");
			user.setEmail("board.zh@lodestar.test");
			identity.saveUser(user);
			identity.createMembership("board.zh", Roles.EXECUTIVE);
		}
		preferences.rememberLanguage("board.zh", Locale.SIMPLIFIED_CHINESE);
		preferences.rememberLanguage("erin", Locale.ENGLISH);
		List<String> executives = identity.createUserQuery().memberOfGroup(Roles.EXECUTIVE).list().stream()
			.filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).map(u -> u.getEmail()).toList();
		assertThat(executives).hasSizeGreaterThanOrEqualTo(2).contains("board.zh@lodestar.test");
		smtp.purgeEmailFromAllMailboxes();

		assertThat(pack.send()).isEqualTo(executives.size());
		await().atMost(Duration.ofSeconds(20)).until(() -> packs().length >= executives.size());
		assertThat(pack.send()).as("the same month again: nothing more").isZero();
		// nothing of the pack is still waiting in the outbox, so the mailbox holds all there will be
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from crm_notification where kind = ? and status = 'PENDING'", Long.class,
				"board-pack") == 0);
		MimeMessage[] received = packs();
		assertThat(received).hasSize(executives.size());
		for (String address : executives) {
			assertThat(Arrays.stream(received).filter(m -> to(m).equals(address))).as("packs to " + address).hasSize(1);
		}
		MimeMessage chinese = Arrays.stream(received).filter(m -> to(m).equals("board.zh@lodestar.test")).findFirst().orElseThrow();
		String zh = GreenMailUtil.getBody(chinese);
		System.out.println("Chinese board pack subject: " + chinese.getSubject());
		assertThat(chinese.getSubject()).contains("董事会月报");
		MimeMessage english = Arrays.stream(received).filter(m -> !to(m).equals("board.zh@lodestar.test")).findFirst().orElseThrow();
		assertThat(english.getSubject()).contains("Board pack");
		String en = GreenMailUtil.getBody(english);
		// quoted-printable bodies: compare on the decoded parts
		String enText = decoded(english);
		String zhText = decoded(chinese);
		assertThat(enText).contains("Are we on track?").contains("Time").contains("Cost").contains("Quality")
			.contains("Adoption").contains("Readiness").contains("Red when more than 10 % over the planned cost");
		assertThat(zhText).contains("进展是否顺利").contains("成本").contains("超出计划成本 10 % 以上为红")
			.doesNotContain("Are we on track?");
		assertThat(en).isNotBlank();
		assertThat(zh).isNotBlank();
	}

	private MimeMessage[] packs() {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject() != null && (m.getSubject().contains("Board pack") || m.getSubject().contains("董事会月报"));
			}
			catch (Exception ex) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	private static String to(MimeMessage m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String decoded(MimeMessage m) throws Exception {
		var out = new StringBuilder();
		collect(m.getContent(), out);
		return out.toString();
	}

	private static void collect(Object content, StringBuilder out) throws Exception {
		if (content instanceof jakarta.mail.Multipart multi) {
			for (int i = 0; i < multi.getCount(); i++) {
				collect(multi.getBodyPart(i).getContent(), out);
			}
		}
		else {
			out.append(content).append('\n');
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
