package dev.lodestar.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;

/**
 * Attachments over the API on a complaint: carol uploads, carol and dave read, alice and grace
 * hear that nothing is there; the type comes from the bytes (a PNG named {@code .pdf} is a PNG,
 * a program named {@code .jpg} is refused); a file over the limit is refused with 413.
 */
@LodestarIntegrationTest
class AttachmentIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ComplaintService complaints;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void carolAttachesAPhotoThatTheServiceDeskReadsAndNobodyElseSees() throws Exception {
		long id = complaint();
		byte[] png = png();
		var uploaded = upload("carol", "/api/complaints/" + id + "/attachments", "damage.pdf", "application/pdf", png);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode stored = json.readTree(uploaded.body());
		assertThat(stored.path("contentType").asText()).as("sniffed, not the name's or the sender's word")
			.isEqualTo("image/png");
		assertThat(stored.path("fileName").asText()).isEqualTo("damage.pdf");
		assertThat(stored.path("size").asLong()).isEqualTo(png.length);
		assertThat(stored.path("uploadedBy").asText()).isEqualTo("carol");
		String file = "/api/complaints/" + id + "/attachments/" + stored.path("id").asLong();

		for (String reader : new String[] { "carol", "dave" }) {
			var list = get(reader, "/api/complaints/" + id + "/attachments");
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(json.readTree(new String(list.body(), StandardCharsets.UTF_8))).singleElement()
				.satisfies(a -> assertThat(a.path("fileName").asText()).isEqualTo("damage.pdf"));
			var content = get(reader, file);
			assertThat(content.statusCode()).isEqualTo(200);
			assertThat(content.body()).isEqualTo(png);
			assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
			assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		for (String stranger : new String[] { "alice", "grace" }) {
			assertThat(get(stranger, "/api/complaints/" + id + "/attachments").statusCode()).isEqualTo(404);
			assertThat(get(stranger, file).statusCode()).isEqualTo(404);
			assertThat(upload(stranger, "/api/complaints/" + id + "/attachments", "x.png", "image/png", png).statusCode())
				.isEqualTo(404);
		}
		assertThat(get("carol", "/api/complaints/" + (id + 1_000_000) + "/attachments").statusCode()).isEqualTo(404);
		assertThat(get("carol", "/api/leads/" + id + "/attachments/" + stored.path("id").asLong()).statusCode())
			.as("an attachment is found only under its own case").isEqualTo(404);
	}

	@Test
	void aProgramNamedLikeAPhotoAndAFileOverTheLimitAreRefusedNamingTheField() throws Exception {
		long id = complaint();
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[2] = (byte) 0x90;
		var program = upload("carol", "/api/complaints/" + id + "/attachments", "holiday.jpg", "image/jpeg", exe);
		assertThat(program.statusCode()).isEqualTo(400);
		assertThat(json.readTree(program.body()).path("errors").get(0).path("field").asText()).isEqualTo("file");

		byte[] large = new byte[10 * 1024 * 1024 + 1];
		large[0] = (byte) 0xFF;
		large[1] = (byte) 0xD8;
		large[2] = (byte) 0xFF;
		var tooLarge = upload("carol", "/api/complaints/" + id + "/attachments", "big.jpg", "image/jpeg", large);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(json.readTree(tooLarge.body()).path("errors").get(0).path("field").asText()).isEqualTo("file");

		var none = upload("carol", "/api/complaints/" + id + "/attachments", null, null, null);
		assertThat(none.statusCode()).isEqualTo(400);

		byte[] text = "Delivery note: two chairs, one table.\n".getBytes(StandardCharsets.UTF_8);
		var note = upload("carol", "/api/complaints/" + id + "/attachments", "note.exe", "application/octet-stream", text);
		assertThat(json.readTree(note.body()).path("contentType").asText()).isEqualTo("text/plain");
		var served = get("dave", "/api/complaints/" + id + "/attachments/" + json.readTree(note.body()).path("id").asLong());
		assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).as("only images are shown inline")
			.startsWith("attachment");
		assertThat(get("dave", "/api/complaints/" + id + "/attachments").body()).asString()
			.doesNotContain("holiday.jpg", "big.jpg");
	}

	private long complaint() {
		Complaint complaint = complaints.register(new ComplaintIntake("Ada Brandt",
				"ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.com", null, "PHONE", "PRODUCT_DEFECT",
				"The table top is scratched.", null, null), "carol");
		return complaint.getId();
	}

	static byte[] png() throws Exception {
		var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(0x8B5A2B));
		g.fillRect(0, 0, 40, 30);
		g.setColor(Color.WHITE);
		g.drawLine(0, 0, 39, 29);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private HttpResponse<byte[]> get(String user, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic(user))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> upload(String user, String path, String name, String type, byte[] content)
			throws Exception {
		String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
		var body = new ByteArrayOutputStream();
		if (content != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
					+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		else {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnone\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic(user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
