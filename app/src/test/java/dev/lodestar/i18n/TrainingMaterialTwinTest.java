package dev.lodestar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every training document exists in English and in Chinese ({@code <name>.zh-CN.md} beside
 * {@code <name>.md}), with the same headings structure; the knowledge checks are quizzes with
 * both languages in one file and have no twin. Where the English end-user material shows a
 * screenshot, the Chinese shows the Chinese screenshot of the same page.
 */
class TrainingMaterialTwinTest {

	private static final Path MATERIAL = Path.of("../training-material");
	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
	private static final Pattern SCREENSHOT = Pattern.compile("screenshots/([a-z0-9-]+)\\.(en|zh-CN)\\.png");

	@Test
	void everyTrainingDocumentHasItsTwinInTheOtherLanguage() throws IOException {
		var missing = new ArrayList<String>();
		for (Path doc : documents()) {
			String name = MATERIAL.relativize(doc).toString();
			if (name.endsWith(".zh-CN.md")) {
				Path english = doc.resolveSibling(doc.getFileName().toString().replace(".zh-CN.md", ".md"));
				if (!Files.exists(english)) {
					missing.add("training-material/" + MATERIAL.relativize(english) + " (English twin of " + name + ")");
				}
			}
			else {
				Path chinese = doc.resolveSibling(doc.getFileName().toString().replace(".md", ".zh-CN.md"));
				if (!Files.exists(chinese)) {
					missing.add("training-material/" + MATERIAL.relativize(chinese));
				}
				else if (!CHINESE.matcher(Files.readString(chinese)).find()) {
					missing.add("training-material/" + MATERIAL.relativize(chinese) + " has no Chinese text");
				}
				else if (!headingLevels(doc).equals(headingLevels(chinese))) {
					missing.add("training-material/" + MATERIAL.relativize(chinese) + " has headings " + headingLevels(chinese)
							+ ", its English twin " + headingLevels(doc));
				}
			}
		}
		assertThat(missing).as("training documents without their twin").isEmpty();
	}

	@Test
	void theChineseEndUserMaterialShowsTheChineseScreenshotsOfThePagesItExplains() throws IOException {
		var wrong = new ArrayList<String>();
		var shown = new TreeSet<String>();
		try (Stream<Path> docs = Files.list(MATERIAL.resolve("03-end-users"))) {
			for (Path chinese : docs.filter(p -> p.toString().endsWith(".zh-CN.md")).sorted().toList()) {
				List<String> zh = screenshots(chinese);
				zh.stream().filter(s -> !s.endsWith(".zh-CN.png")).forEach(s -> wrong.add(chinese.getFileName() + ": " + s));
				zh.forEach(s -> shown.add(s.replaceAll("\\.(en|zh-CN)\\.png", "") + " in " + chinese.getFileName()));
				Path english = chinese.resolveSibling(chinese.getFileName().toString().replace(".zh-CN.md", ".md"));
				for (String en : screenshots(english)) {
					String expected = en.replace(".en.png", ".zh-CN.png");
					if (!zh.contains(expected)) {
						wrong.add(chinese.getFileName() + " lacks " + expected + " (the English shows " + en + ")");
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(shown).contains("screenshots/my-work in 01-my-work.zh-CN.md")
			.anyMatch(s -> s.startsWith("screenshots/task in "));
	}

	private static List<Path> documents() throws IOException {
		try (Stream<Path> files = Files.walk(MATERIAL)) {
			return files.filter(p -> p.toString().endsWith(".md"))
				.filter(p -> !p.getFileName().toString().startsWith("knowledge-check"))
				.sorted()
				.toList();
		}
	}

	private static List<Integer> headingLevels(Path doc) throws IOException {
		var levels = new ArrayList<Integer>();
		boolean code = false;
		for (String line : Files.readAllLines(doc)) {
			if (line.startsWith("```")) {
				code = !code;
			}
			else if (!code && line.matches("#{1,6} .*")) {
				levels.add(line.indexOf(' '));
			}
		}
		return levels;
	}

	private static List<String> screenshots(Path doc) throws IOException {
		var found = new ArrayList<String>();
		Matcher m = SCREENSHOT.matcher(Files.readString(doc));
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

}
