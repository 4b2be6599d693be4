package dev.lodestar.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.CaseReply;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintMailbox;
import dev.lodestar.complaint.ComplaintService;

/**
 * A complaint that came by mail with a photo, in Chromium as carol: the mail thread, the photo as
 * a thumbnail that really loads, an upload that is kept and one that is refused, answered on the
 * page; in English and in Chinese (screenshots {@code complaint-attachments.en.png} and
 * {@code complaint-attachments.zh-CN.png} under {@code target/screenshots}).
 */
@LodestarIntegrationTest
class MailAttachmentsBrowserTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedMailServer server;

	@Autowired
	MailboxReader reader;

	@Autowired
	ComplaintService complaints;

	@Autowired
	ComplaintMailbox mailbox;

	@BeforeAll
	static void start() {
		browser = Browser.start();
	}

	@AfterAll
	static void stop() {
		browser.quit();
	}

	@Test
	void carolSeesTheMailedPhotoOnTheComplaintAndAttachesAFileInBothLanguages() throws Exception {
		browser.baseUrl("http://localhost:" + port);
		String customer = "tom." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		var session = session(customer);
		MimeMessage mail = new MimeMessage(session);
		mail.setFrom(new InternetAddress(customer, "Tom Fischer", "UTF-8"));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress("support@lodestar.local"));
		mail.setSubject("Oak table arrived with a crack", "UTF-8");
		var text = new MimeBodyPart();
		text.setText("Hello, the oak table I received yesterday has a long crack across the top. Photo attached.", "UTF-8");
		var photo = new MimeBodyPart();
		photo.setDataHandler(new DataHandler(new ByteArrayDataSource(photo(), "image/jpeg")));
		photo.setFileName("table-crack.jpg");
		mail.setContent(new MimeMultipart(text, photo));
		Transport.send(mail);
		assertThat(reader.readAll()).containsEntry(InboundOutcome.COMPLAINT, 1);
		Complaint complaint = complaints.search(null, customer, null, null, 10).get(0);
		mailbox.reply(complaint.getId(), new CaseReply("Your oak table",
				"Dear Mr Fischer, thank you for the photo. A technician will call you tomorrow to arrange a replacement top."),
				"carol");

		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1300)); // the attachments and the mail thread in one view
		browser.logIn("carol");
		browser.open("/complaints/" + complaint.getId());
		WebElement thumbnail = browser.waitFor(By.cssSelector("#attachments img.thumbnail"));
		browser.waitUntil(d -> Long.valueOf(1).equals(browser.script(
				"return arguments[0].complete && arguments[0].naturalWidth > 0 ? 1 : 0", thumbnail)));
		assertThat(browser.driver().findElement(By.id("mail-messages")).getText()).contains("long crack",
				"A technician will call you");

		Path folder = Files.createTempDirectory("attachments");
		Path note = folder.resolve("delivery-note.txt");
		Files.writeString(note, "Delivery note 4711: one oak table, signed by the customer.\n", StandardCharsets.UTF_8);
		browser.driver().findElement(By.id("attachment-file")).sendKeys(note.toString());
		browser.driver().findElement(By.id("attachment-upload")).click();
		assertThat(browser.waitFor(By.id("attachment-notice")).getText()).isEqualTo("The file is attached.");
		assertThat(browser.driver().findElements(By.cssSelector("#attachments li.attachment"))).hasSize(2);

		browser.script("document.getElementById('attachments').scrollIntoView()");
		browser.screenshot("complaint-attachments.en");

		Path program = folder.resolve("holiday.jpg");
		Files.write(program, new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 });
		browser.driver().findElement(By.id("attachment-file")).sendKeys(program.toString());
		browser.driver().findElement(By.id("attachment-upload")).click();
		assertThat(browser.waitFor(By.id("attachment-problem")).getText()).contains("only photos");
		assertThat(browser.driver().findElements(By.cssSelector("#attachments li.attachment"))).hasSize(2);
		assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();

		browser.open("/complaints/" + complaint.getId() + "?lang=zh-CN");
		assertThat(browser.waitFor(By.cssSelector("#attachments h2")).getText()).isEqualTo("附件");
		WebElement thumbnailZh = browser.waitFor(By.cssSelector("#attachments img.thumbnail"));
		browser.waitUntil(d -> Long.valueOf(1).equals(browser.script(
				"return arguments[0].complete && arguments[0].naturalWidth > 0 ? 1 : 0", thumbnailZh)));
		browser.script("document.getElementById('attachments').scrollIntoView()");
		browser.screenshot("complaint-attachments.zh-CN");
		Files.deleteIfExists(note);
		Files.deleteIfExists(program);
		Files.deleteIfExists(folder);
	}

	/** A small picture of a cracked table top. */
	private static byte[] photo() throws Exception {
		var image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(0xB07A45), 480, 320, new Color(0x7A4E26)));
		g.fillRect(0, 0, 480, 320);
		g.setColor(new Color(0x5C3A1C));
		for (int y = 20; y < 320; y += 28) {
			g.drawLine(0, y, 480, y + 12);
		}
		g.setColor(new Color(0x1E120A));
		g.setStroke(new java.awt.BasicStroke(5));
		g.drawPolyline(new int[] { 40, 120, 170, 260, 330, 440 }, new int[] { 60, 110, 95, 180, 210, 290 }, 6);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private Session session(String envelopeFrom) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(server.smtpPort()));
		properties.put("mail.smtp.from", envelopeFrom);
		return Session.getInstance(properties);
	}

}
