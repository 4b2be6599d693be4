package dev.lodestar.attachment;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The type of a file, told by its first bytes: JPEG, PNG, GIF, WebP, PDF, or plain text (valid
 * UTF-8 without control characters other than tab, line feed, carriage return and form feed).
 * Anything else is no type Lodestar keeps. The name and the declared type are never asked.
 */
final class ContentSniffer {

	static final String JPEG = "image/jpeg";
	static final String PNG = "image/png";
	static final String GIF = "image/gif";
	static final String WEBP = "image/webp";
	static final String PDF = "application/pdf";
	static final String TEXT = "text/plain";

	private ContentSniffer() {
	}

	static Optional<String> typeOf(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return Optional.empty();
		}
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (starts(bytes, 'G', 'I', 'F', '8') && bytes.length > 5 && (bytes[4] == '7' || bytes[4] == '9') && bytes[5] == 'a') {
			return Optional.of(GIF);
		}
		if (starts(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
				&& bytes[11] == 'P') {
			return Optional.of(WEBP);
		}
		if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(PDF);
		}
		return text(bytes) ? Optional.of(TEXT) : Optional.empty();
	}

	static boolean image(String type) {
		return type != null && type.startsWith("image/");
	}

	private static boolean starts(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean text(byte[] bytes) {
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
