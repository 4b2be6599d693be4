package dev.lodestar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Message bundles are merged line by line (a union merge in {@code .gitattributes}): a key that two
 * branches both added would stand twice, and the later line would silently win. Each key once.
 */
class MessageBundleKeysTest {

	private static final List<Path> BUNDLES = List.of(Path.of("src/main/resources"), Path.of("../forms/i18n"));

	@Test
	void everyKeyOfEveryBundleStandsOnce() throws IOException {
		List<String> twice = new ArrayList<>();
		int files = 0;
		for (Path root : BUNDLES) {
			try (Stream<Path> paths = Files.walk(root)) {
				for (Path file : paths.filter(p -> p.toString().endsWith(".properties")).toList()) {
					files++;
					var seen = new HashSet<String>();
					for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
						String trimmed = line.strip();
						if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
							continue;
						}
						String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
						if (!seen.add(key)) {
							twice.add(file + ": " + key);
						}
					}
				}
			}
		}
		assertThat(files).as("bundles read").isGreaterThan(30);
		assertThat(twice).as("keys that stand twice in one bundle").isEmpty();
	}

}
