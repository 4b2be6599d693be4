package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The workspace names a model by its key ({@code /models/{key}}): a process, a decision and a
 * form must not share one, or the page of one opens the other (the briefing's form once hid its
 * process that way).
 */
class ModelKeysTest {

	private static final Pattern PROCESS = Pattern.compile("<bpmn:process\\s[^>]*\\bid=\"([^\"]+)\"");

	private static final Pattern DECISION = Pattern.compile("<decision\\s[^>]*\\bid=\"([^\"]+)\"");

	@Test
	void everyProcessDecisionAndFormHasAKeyOfItsOwn() throws IOException {
		Map<String, List<String>> owners = new HashMap<>();
		try (Stream<Path> files = Files.walk(Path.of("../processes"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = file.getFileName().toString();
				Pattern ids = name.endsWith(".bpmn") ? PROCESS : name.endsWith(".dmn") ? DECISION : null;
				if (ids == null) {
					continue;
				}
				Matcher m = ids.matcher(Files.readString(file));
				while (m.find()) {
					owners.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(name);
				}
			}
		}
		int forms = 0;
		try (Stream<Path> files = Files.walk(Path.of("../forms"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				String id = new ObjectMapper().readTree(file.toFile()).path("id").asText();
				owners.computeIfAbsent(id, k -> new ArrayList<>()).add(file.getFileName().toString());
				forms++;
			}
		}
		assertThat(forms).isPositive();
		assertThat(owners).containsKey("model-change-briefing").containsKey("lead-to-sale");
		assertThat(owners.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString).toList())
			.as("keys shared by more than one model").isEmpty();
	}

}
