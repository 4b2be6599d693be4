package dev.lodestar.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.CaseMailView;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintMailbox;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.customer.CustomerService;

/**
 * Mail in and out of the case, over real SMTP and IMAP against the embedded mail server: a new
 * mail makes a complaint with its attachment; a mail in Chinese makes a customer who reads Chinese
 * and an acknowledgement in Chinese with the case reference; a reply (In-Reply-To) lands on the
 * same case; auto-replies, bounces, mail without a sender and our own mail make nothing; a broken
 * mail is counted and the others go on; carol's reply from the case reaches the customer's mailbox
 * and is on the thread and the timeline; mail to sales@ makes a lead.
 */
@LodestarIntegrationTest
class MailIntegrationTest {

	@Autowired
	EmbeddedMailServer server;

	@Autowired
	MailboxReader reader;

	@Autowired
	ComplaintService complaints;

	@Autowired
	ComplaintMailbox mailbox;

	@Autowired
	CustomerService customers;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aNewMailMakesAComplaintWithItsAttachment() throws Exception {
		String customer = unique("anna") + "@example.com";
		MimeMessage mail = message(customer, "Anna Meyer", "support@lodestar.local", "My new sofa arrived broken");
		var text = new MimeBodyPart();
		text.setText("The left armrest is cracked and the cushion is torn. Photo attached.", "UTF-8");
		var photo = new MimeBodyPart();
		byte[] jpeg = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5, 6 };
		photo.setDataHandler(new DataHandler(new ByteArrayDataSource(jpeg, "image/jpeg")));
		photo.setFileName("armrest.jpg");
		var program = new MimeBodyPart();
		program.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3 },
				"application/octet-stream")));
		program.setFileName("invoice.pdf");
		mail.setContent(new MimeMultipart(text, photo, program));
		send(mail);

		assertThat(reader.readAll()).containsEntry(InboundOutcome.COMPLAINT, 1);

		Complaint complaint = only(customer);
		assertThat(complaint.getChannel().name()).isEqualTo("EMAIL");
		assertThat(complaint.getCategory().name()).isEqualTo("PRODUCT_DEFECT");
		assertThat(complaint.getSeverity()).as("classified by the decision table").isNotNull();
		assertThat(complaint.getDescription()).contains("My new sofa arrived broken", "armrest is cracked");
		assertThat(complaints.openSteps(complaint.getId())).as("the first task, as for a call").isNotEmpty();
		assertThat(customers.preferredLanguage(complaint.getCustomerId())).isEqualTo("en");
		List<CaseMailView> thread = mailbox.thread(complaint.getId());
		assertThat(thread).singleElement().satisfies(m -> {
			assertThat(m.direction()).isEqualTo("IN");
			assertThat(m.attachments()).isEqualTo("armrest.jpg (image/jpeg, 10 bytes)\ninvoice.pdf (application/octet-stream, 5 bytes)");
		});
		// the photo is kept on the complaint, byte for byte; the program posing as a PDF is left out and noted
		assertThat(jdbc.queryForList("select file_name, content_type, source, content from crm_attachment "
				+ "where owner_kind = 'complaints' and owner_id = ?", complaint.getId())).singleElement().satisfies(row -> {
					assertThat(row.get("FILE_NAME")).isEqualTo("armrest.jpg");
					assertThat(row.get("CONTENT_TYPE")).isEqualTo("image/jpeg");
					assertThat(row.get("SOURCE")).isEqualTo("MAIL");
					assertThat((byte[]) row.get("CONTENT")).isEqualTo(jpeg);
				});
		assertThat(jdbc.queryForObject("select detail from crm_mail_inbound where case_ref = ?", String.class,
				"LS-C-" + complaint.getId())).contains("invoice.pdf");
		MimeMessage ack = awaitMail(customer, "[LS-C-" + complaint.getId() + "]");
		assertThat(ack.getSubject()).contains("We have received your complaint");
		assertThat(ack.getHeader("Auto-Submitted", ",")).isEqualTo("auto-generated");

		assertThat(reader.readAll()).as("each message is taken once").isEmpty();
	}

	@Test
	void aChineseMailIsAnsweredInChineseAndTheReplyLandsOnTheSameCase() throws Exception {
		String customer = unique("mei") + "@example.cn";
		MimeMessage first = message(customer, "陈美", "support@lodestar.local", "沙发送货太晚了");
		first.setText("我订的沙发晚到了两个星期，请尽快处理。", "UTF-8");
		send(first);
		assertThat(reader.readAll()).containsEntry(InboundOutcome.COMPLAINT, 1);
		Complaint complaint = only(customer);
		assertThat(complaint.getCategory().name()).isEqualTo("DELIVERY");
		assertThat(customers.preferredLanguage(complaint.getCustomerId())).isEqualTo("zh-CN");

		MimeMessage ack = awaitMail(customer, "[LS-C-" + complaint.getId() + "]");
		assertThat(ack.getSubject()).contains("我们已收到您的投诉");
		assertThat(text(ack)).contains("尊敬的");

		// the customer answers the acknowledgement: no reference typed, only the mail client's headers
		MimeMessage reply = message(customer, "陈美", "support@lodestar.local", "回复：关于我的沙发");
		reply.setText("还有，沙发腿也有划痕。", "UTF-8");
		reply.setHeader("In-Reply-To", ack.getMessageID());
		reply.setHeader("References", ack.getMessageID());
		send(reply);
		// a reply naming the case only in its subject, from somebody else, is no reply to that case
		String stranger = unique("stranger") + "@example.com";
		MimeMessage forged = message(stranger, null, "support@lodestar.local", "[LS-C-" + complaint.getId() + "] add this");
		forged.setText("Please add this to that case.", "UTF-8");
		send(forged);

		assertThat(reader.readAll()).containsEntry(InboundOutcome.REPLY, 1).containsEntry(InboundOutcome.COMPLAINT, 1);
		assertThat(complaints.search(null, customer, null, null, 10)).hasSize(1);
		assertThat(mailbox.thread(complaint.getId())).extracting(CaseMailView::body)
			.containsExactly("我订的沙发晚到了两个星期，请尽快处理。", "还有，沙发腿也有划痕。");
		assertThat(customers.interactionsAbout("complaint", complaint.getId().toString(), 20))
			.anySatisfy(i -> assertThat(i.summary()).contains("沙发腿也有划痕"));
		assertThat(complaints.search(null, stranger, null, null, 10)).hasSize(1)
			.allSatisfy(c -> assertThat(c.getId()).isNotEqualTo(complaint.getId()));

		// carol replies from the case: in the customer's language, with the reference, through the outbox
		HttpResponse<String> sent = post("/api/complaints/" + complaint.getId() + "/replies", "carol",
				json.writeValueAsString(Map.of("body", "我们的技师周一上门。")));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		MimeMessage carols = awaitMail(customer, "我们的技师周一上门");
		assertThat(carols.getSubject()).startsWith("[LS-C-" + complaint.getId() + "]");
		assertThat(text(carols)).contains("尊敬的 陈美");
		assertThat(carols.getHeader("Auto-Submitted")).isNull();
		assertThat(mailbox.thread(complaint.getId())).last()
			.satisfies(m -> assertThat(m.direction()).isEqualTo("OUT"))
			.satisfies(m -> assertThat(m.recordedBy()).isEqualTo("carol"));
		assertThat(customers.interactionsAbout("complaint", complaint.getId().toString(), 20))
			.anySatisfy(i -> assertThat(i.summary()).contains("Mail to the customer", "我们的技师周一上门"));

		assertThat(post("/api/complaints/" + complaint.getId() + "/replies", "carol", "{\"body\":\"\"}").statusCode())
			.isEqualTo(400);
		assertThat(post("/api/complaints/" + complaint.getId() + "/replies", "alice", "{\"body\":\"hi\"}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void autoRepliesBouncesOwnMailAndBrokenMailMakeNothingAndStopNothing() throws Exception {
		String away = unique("away") + "@example.com";
		MimeMessage outOfOffice = message(away, "Away", "support@lodestar.local", "Out of office");
		outOfOffice.setText("I am away until Monday.", "UTF-8");
		outOfOffice.setHeader("Auto-Submitted", "auto-replied");
		send(outOfOffice);
		MimeMessage bulk = message(away, "Away", "support@lodestar.local", "Newsletter");
		bulk.setText("Our offers.", "UTF-8");
		bulk.setHeader("Precedence", "bulk");
		send(bulk);
		MimeMessage bounce = message("MAILER-DAEMON@example.com", null, "support@lodestar.local", "Undelivered Mail");
		bounce.setText("Delivery failed.", "UTF-8");
		send(bounce);
		MimeMessage own = message("support@lodestar.local", null, "support@lodestar.local", "A loop");
		own.setText("Our own acknowledgement came back.", "UTF-8");
		send(own);
		// no From header at all, sent with an envelope sender only
		MimeMessage anonymous = message(away, null, "support@lodestar.local", "Who am I");
		anonymous.setText("No sender.", "UTF-8");
		anonymous.removeHeader("From");
		send(anonymous);
		// a multipart whose boundary never comes: read as far as it goes, never fatal
		String broken = unique("broken") + "@example.com";
		sendRaw(broken, """
				From: Broken <%s>\r
				To: support@lodestar.local\r
				Subject: Broken mail\r
				Message-ID: <%s@example.com>\r
				MIME-Version: 1.0\r
				Content-Type: multipart/mixed; boundary="nowhere"\r
				\r
				this is not a MIME part at all\r
				""".formatted(broken, UUID.randomUUID()));
		// HTML with a script: kept as text, the script gone
		String html = unique("html") + "@example.com";
		MimeMessage scripted = message(html, "Hans", "support@lodestar.local", "Scratched table");
		scripted.setContent("<p>The table is <b>scratched</b>.</p><script>alert('x')</script>", "text/html; charset=UTF-8");
		send(scripted);

		Map<InboundOutcome, Integer> outcomes = reader.readAll();
		assertThat(outcomes).containsEntry(InboundOutcome.AUTOMATIC, 3)
			.containsEntry(InboundOutcome.OWN, 1)
			.containsEntry(InboundOutcome.NO_SENDER, 1);
		assertThat(outcomes.getOrDefault(InboundOutcome.COMPLAINT, 0)).as(outcomes.toString()).isEqualTo(2);
		assertThat(complaints.search(null, away, null, null, 10)).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from crm_mail_inbound where sender = ? and outcome = 'AUTOMATIC'",
				Integer.class, away)).isEqualTo(2);
		Complaint fromHtml = only(html);
		assertThat(fromHtml.getDescription()).contains("The table is scratched.").doesNotContain("<script>", "alert");
		assertThat(only(broken).getDescription()).contains("Broken mail");
	}

	@Test
	void mailToSalesMakesALead() throws Exception {
		String prospect = unique("buyer") + "@example.org";
		MimeMessage mail = message(prospect, "Acme Hotels", "sales@lodestar.local", "Quote for 40 armchairs");
		mail.setText("We are furnishing a hotel and need 40 armchairs.", "UTF-8");
		send(mail);
		assertThat(reader.readAll()).containsEntry(InboundOutcome.LEAD, 1);
		assertThat(jdbc.queryForObject("select count(*) from crm_lead where email = ? and source = 'EMAIL'", Integer.class,
				prospect)).isEqualTo(1);
	}

	private Complaint only(String email) {
		var found = complaints.search(null, email, null, null, 10);
		assertThat(found).as("complaints from " + email).hasSize(1);
		return found.get(0);
	}

	private MimeMessage message(String from, String name, String to, String subject) throws Exception {
		MimeMessage message = new MimeMessage(session(from));
		message.setFrom(new InternetAddress(from, name, "UTF-8"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		return message;
	}

	private Session session(String envelopeFrom) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(server.smtpPort()));
		properties.put("mail.smtp.from", envelopeFrom);
		return Session.getInstance(properties);
	}

	private void send(MimeMessage message) throws Exception {
		Transport.send(message);
	}

	/** Sends bytes as they are: Jakarta Mail would repair (or refuse) a broken structure first. */
	private void sendRaw(String from, String raw) throws Exception {
		Session session = session(from);
		MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			transport.sendMessage(message, new InternetAddress[] { new InternetAddress("support@lodestar.local") });
		}
	}

	private MimeMessage awaitMail(String to, String subjectOrText) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(server.greenMail().getReceivedMessages())
			.filter(m -> {
				try {
					return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to))
							&& (m.getSubject().contains(subjectOrText) || text(m).contains(subjectOrText));
				}
				catch (Exception ex) {
					return false;
				}
			})
			.findFirst()
			.orElse(null), m -> m != null);
	}

	private static String text(MimeMessage message) throws Exception {
		Object content = message.getContent();
		if (content instanceof String s) {
			return s;
		}
		var multipart = (jakarta.mail.Multipart) content;
		StringBuilder all = new StringBuilder();
		collect(multipart, all);
		return all.toString();
	}

	private static void collect(jakarta.mail.Multipart multipart, StringBuilder all) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			Object part = multipart.getBodyPart(i).getContent();
			if (part instanceof String s) {
				all.append(s);
			}
			else if (part instanceof jakarta.mail.Multipart nested) {
				collect(nested, all);
			}
		}
	}

	private HttpResponse<String> post(String path, String user, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8);
	}

}
