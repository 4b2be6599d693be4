package dev.lodestar.modeling;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import dev.lodestar.system.InvalidInputException;

/**
 * Reads what a process owner uploads: one {@code .bpmn}, {@code .dmn} or {@code .form} file,
 * or a zip laid out like the export ({@code processes/*.bpmn}, {@code processes/*.dmn},
 * {@code forms/*.form}; other entries such as a README are passed over). Every model file must
 * be named by its key, be readable by its kind's parser and define the process, decision or
 * form of that key; the first refusal ends the upload (400 naming {@code file}, with the
 * file's name and the reason), so nothing of a refused upload is kept.
 */
final class ModelUploads {

	/** One model file of an upload. */
	record File(String fileName, String key, ModelKind kind, String content) {
	}

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_FILES = 200;

	private static final Pattern ZIP_ENTRY = Pattern.compile("(?:[^/]+/)?(processes|forms)/([^/]+)\\.(bpmn|dmn|form)");

	private ModelUploads() {
	}

	static List<File> read(String fileName, byte[] bytes) {
		if (fileName == null || fileName.isBlank()) {
			throw refused("a file name is needed");
		}
		String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		if (bytes == null || bytes.length == 0) {
			throw refused(name + " is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw refused(name + " is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
		}
		if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
			return zip(name, bytes);
		}
		return List.of(model(name, name, bytes));
	}

	private static List<File> zip(String zipName, byte[] bytes) {
		var files = new ArrayList<File>();
		var keys = new HashSet<String>();
		long total = 0;
		try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String path = entry.getName();
				if (entry.isDirectory() || ModelKind.of(path) == null) {
					continue;
				}
				Matcher layout = ZIP_ENTRY.matcher(path);
				String where = zipName + ": " + path;
				if (!layout.matches() || !folderFits(layout.group(1), layout.group(3))) {
					throw refused(where + " is not where the export puts it (processes/<key>.bpmn, processes/<key>.dmn, "
							+ "forms/<key>.form)");
				}
				if (files.size() == MAX_FILES) {
					throw refused(zipName + " holds more than " + MAX_FILES + " models");
				}
				var out = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
					total += read;
					if (total > MAX_BYTES) {
						throw refused(zipName + " unpacks to more than " + MAX_BYTES / 1024 / 1024 + " MB");
					}
					out.write(buffer, 0, read);
				}
				File file = model(where, layout.group(2) + "." + layout.group(3), out.toByteArray());
				if (!keys.add(file.key())) {
					throw refused(where + ": the key " + file.key() + " is in the zip twice");
				}
				files.add(file);
			}
		}
		catch (ZipException ex) {
			throw refused(zipName + " is not a readable zip: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw refused(zipName + " cannot be read: " + ex.getMessage());
		}
		if (files.isEmpty()) {
			throw refused(zipName + " holds no model (processes/*.bpmn, processes/*.dmn, forms/*.form)");
		}
		return files;
	}

	private static boolean folderFits(String folder, String ending) {
		return "forms".equals(folder) == "form".equals(ending);
	}

	private static File model(String where, String fileName, byte[] bytes) {
		ModelKind kind = ModelKind.of(fileName);
		if (kind == null) {
			throw refused(where + " is not a .bpmn, .dmn or .form file (or a .zip of them)");
		}
		String key = ModelKind.keyOf(fileName);
		try {
			ModelContents.checkKey("file", key);
		}
		catch (InvalidInputException ex) {
			throw refused(where + ": its name " + ex.errors().get(0).message());
		}
		String content;
		try {
			content = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw refused(where + " is not UTF-8 text");
		}
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		String unreadable = ModelContents.unreadable(kind, content);
		if (unreadable != null) {
			throw refused(where + " " + unreadable);
		}
		try {
			ModelContents.checkDefinitionId("file", kind, key, content);
		}
		catch (InvalidInputException ex) {
			throw refused(where + ": " + ex.errors().get(0).message());
		}
		return new File(fileName, key, kind, content);
	}

	private static InvalidInputException refused(String reason) {
		return new InvalidInputException("file", reason);
	}

}
