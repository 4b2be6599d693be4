package dev.lodestar.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The type of a file is told by its first bytes, whatever it is called. */
class ContentSnifferTest {

	@Test
	void tellsTheKeptTypesByTheirMagicBytes() {
		assertThat(ContentSniffer.typeOf(bytes(0xFF, 0xD8, 0xFF, 0xDB, 0))).hasValue("image/jpeg");
		assertThat(ContentSniffer.typeOf(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).hasValue("image/png");
		assertThat(ContentSniffer.typeOf("GIF89a....".getBytes(StandardCharsets.US_ASCII))).hasValue("image/gif");
		assertThat(ContentSniffer.typeOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).hasValue("image/webp");
		assertThat(ContentSniffer.typeOf("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1))).hasValue("application/pdf");
		assertThat(ContentSniffer.typeOf("沙发腿有划痕。\r\nThe legs are scratched.\t".getBytes(StandardCharsets.UTF_8)))
			.hasValue("text/plain");
	}

	@Test
	void refusesProgramsArchivesHtmlLookalikesAndBrokenText() {
		assertThat(ContentSniffer.typeOf(bytes('M', 'Z', 0x90, 0, 3))).as("a Windows program").isEmpty();
		assertThat(ContentSniffer.typeOf(bytes('P', 'K', 3, 4, 20, 0))).as("a zip").isEmpty();
		assertThat(ContentSniffer.typeOf(bytes(0x7F, 'E', 'L', 'F'))).as("an ELF program").isEmpty();
		assertThat(ContentSniffer.typeOf("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).as("a WAV is no WebP")
			.isEmpty();
		assertThat(ContentSniffer.typeOf(bytes('a', 'b', 0xC3))).as("cut UTF-8").isEmpty();
		assertThat(ContentSniffer.typeOf(new byte[0])).isEmpty();
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
