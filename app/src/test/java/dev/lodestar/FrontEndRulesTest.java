package dev.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The front end's house rules, read from the files (no Spring): one page layout
 * ({@code templates/fragments/shell.html}), one client library ({@code static/js/lodestar.js}) for
 * fetching, the CSRF header, dates and numbers, and every colour a variable in the main
 * stylesheet's {@code :root}. Each rule is also shown to catch what it forbids.
 */
class FrontEndRulesTest {

	private static final Path RESOURCES = Path.of("src/main/resources");
	private static final Path TEMPLATES = RESOURCES.resolve("templates");
	private static final Path SCRIPTS = RESOURCES.resolve("static/js");
	private static final Path STYLES = RESOURCES.resolve("static/css");
	/** The sources of the bundled editors and viewers (built into static/vendor). */
	private static final Path BUNDLES = Path.of("frontend/src");
	private static final Path LAYOUT = TEMPLATES.resolve("fragments/shell.html");
	private static final String LIBRARY = "lodestar.js";
	private static final Path MAIN_STYLESHEET = STYLES.resolve("lodestar.css");

	/** The pages that do not use the layout, and why (each says so in a comment at its top, too). */
	static final Map<String, String> NOT_ON_THE_LAYOUT = Map.of(
			"complaint-confirmation.html", "the customer's public page: no app header, no script, English only",
			"insight-pack.html", "the board pack, printed and mailed: inline styles a mail client shows");

	private static final Pattern USES_LAYOUT = Pattern
		.compile("<html\\b[^>]*\\bth:replace=\"~\\{fragments/shell :: page\\(");
	private static final Pattern OWN_HEAD_OR_HEADER = Pattern
		.compile("<meta\\s+charset|<header\\b|<title\\b|fragments/shell :: (head|header)\\b|/css/lodestar\\.css");
	private static final Pattern LIBRARY_SCRIPT = Pattern.compile("<script\\b[^>]*/js/lodestar\\.js[^>]*>");
	private static final Pattern OWN_FETCH_OR_FORMAT = Pattern.compile("\\bfetch\\(|\\bIntl\\.|\\.toLocale\\w*\\(");
	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script\\b[^>]*>(.*?)</script>", Pattern.DOTALL);
	private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
	private static final Pattern ROOT_BLOCK = Pattern.compile(":root\\s*\\{[^{}]*\\}");
	/** A declaration block, innermost (so that @media's blocks are read rule by rule). */
	private static final Pattern CSS_BLOCK = Pattern.compile("\\{([^{}]*)\\}");
	/** A colour in a declaration's value: #hex, rgb()/hsl() and the like, or a colour's name. */
	private static final Pattern COLOUR_VALUE = Pattern.compile(":[^;]*?(#[0-9a-fA-F]{3,8}\\b|\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\("
			+ "|(?<![-\\w])(?:white|black|red|green|blue|gr[ae]y|orange|yellow|purple|silver|navy|maroon|teal|olive|lime|aqua|fuchsia)(?![-\\w]))");
	/** A colour in a template's style attribute or style element. */
	private static final Pattern STYLE_IN_TEMPLATE = Pattern
		.compile("\\bstyle=\"([^\"]*)\"|<style\\b[^>]*>(.*?)</style>", Pattern.DOTALL);
	/** A colour in a script: a string that is one ('#3b7dd8'), or rgb()/hsl() text. */
	private static final Pattern COLOUR_IN_SCRIPT = Pattern
		.compile("['\"`]#[0-9a-fA-F]{3,8}['\"`]|\\b(?:rgba?|hsla?)\\(");

	// ---- the rules, each a function from a file's text to what breaks it

	static boolean usesTheLayout(String page) {
		return USES_LAYOUT.matcher(page).find();
	}

	static List<String> ownHeadOrHeader(String page) {
		return all(OWN_HEAD_OR_HEADER.matcher(page));
	}

	static List<String> ownFetchOrFormatting(String script) {
		return all(OWN_FETCH_OR_FORMAT.matcher(script));
	}

	static List<String> colourLiterals(String css, boolean rootAllowed) {
		String text = CSS_COMMENT.matcher(css).replaceAll("");
		if (rootAllowed) {
			text = ROOT_BLOCK.matcher(text).replaceFirst("");
		}
		List<String> found = new ArrayList<>();
		Matcher block = CSS_BLOCK.matcher(text);
		while (block.find()) {
			for (String declaration : block.group(1).split(";")) {
				Matcher colour = COLOUR_VALUE.matcher(declaration + ";");
				if (colour.find()) {
					found.add(declaration.strip());
				}
			}
		}
		return found;
	}

	static List<String> colourLiteralsInTemplate(String template) {
		List<String> found = new ArrayList<>();
		Matcher style = STYLE_IN_TEMPLATE.matcher(template);
		while (style.find()) {
			String css = style.group(1) != null ? "{" + style.group(1) + "}" : style.group(2);
			found.addAll(colourLiterals(css, false));
		}
		return found;
	}

	static List<String> colourLiteralsInScript(String script) {
		return all(COLOUR_IN_SCRIPT.matcher(script));
	}

	// ---- the app obeys them

	@Test
	void everyPageUsesTheLayoutExceptTheListedOnes() {
		List<Path> pages = files(TEMPLATES, ".html", false);
		assertThat(pages).as("pages in " + TEMPLATES).hasSizeGreaterThan(20);
		for (Path page : pages) {
			String name = page.getFileName().toString();
			String text = read(page);
			if (NOT_ON_THE_LAYOUT.containsKey(name)) {
				assertThat(usesTheLayout(text)).as(name + " is listed as not on the layout").isFalse();
				assertThat(text).as(name + " says at its top why it is not on the layout").contains("Not on the page layout");
				continue;
			}
			assertThat(usesTheLayout(text)).as(name + " replaces its <html> with fragments/shell :: page(...)").isTrue();
			assertThat(ownHeadOrHeader(text)).as(name + " repeats what the layout holds (head, title, header, lodestar.css)")
				.isEmpty();
		}
		assertThat(NOT_ON_THE_LAYOUT.keySet()).allSatisfy(name -> assertThat(TEMPLATES.resolve(name)).exists());
	}

	@Test
	void theLayoutIncludesTheLibraryOnceAndNoPageIncludesIt() {
		assertThat(all(LIBRARY_SCRIPT.matcher(read(LAYOUT)))).as("script elements for lodestar.js in the layout")
			.hasSize(1)
			.allSatisfy(tag -> assertThat(tag).contains("type=\"module\""));
		for (Path template : files(TEMPLATES, ".html", true)) {
			if (!template.equals(LAYOUT)) {
				assertThat(all(LIBRARY_SCRIPT.matcher(read(template)))).as(template + " includes lodestar.js itself")
					.isEmpty();
			}
		}
	}

	@Test
	void onlyTheLibraryFetchesAndFormatsDatesAndNumbers() {
		assertThat(ownFetchOrFormatting(read(SCRIPTS.resolve(LIBRARY)))).as("the library does it").isNotEmpty();
		List<Path> scripts = new ArrayList<>(files(SCRIPTS, ".js", false));
		scripts.addAll(files(BUNDLES, ".js", true));
		for (Path script : scripts) {
			if (!script.getFileName().toString().equals(LIBRARY)) {
				assertThat(ownFetchOrFormatting(read(script))).as(script + ": use lodestar.js's request/getJson/"
						+ "sendJson/getText and formatDate/formatDateTime/formatNumber").isEmpty();
			}
		}
		for (Path template : files(TEMPLATES, ".html", true)) {
			Matcher inline = INLINE_SCRIPT.matcher(read(template));
			while (inline.find()) {
				assertThat(ownFetchOrFormatting(inline.group(1))).as(template + ": an inline script").isEmpty();
			}
		}
	}

	@Test
	void pagesShowMomentsOnlyThroughTheTimeFragment() {
		Path fragment = TEMPLATES.resolve("fragments/front.html");
		assertThat(read(fragment)).as("the fragment formats the fallback itself").contains("#temporals");
		for (Path template : files(TEMPLATES, ".html", true)) {
			if (!template.equals(fragment)) {
				assertThat(serverFormattedMoments(read(template))).as(template
						+ ": show an instant with ~{fragments/front :: at(${x})} or day(${x}), which lodestar.js "
						+ "shows in the reader's zone (server texts: calendar.Dates)").isEmpty();
			}
		}
		assertThat(serverFormattedMoments("<td th:text=\"${#temporals.format(v.at, 'yyyy-MM-dd')}\">")).hasSize(1);
		assertThat(serverFormattedMoments("<td th:text=\"${#dates.format(v.at)}\">")).hasSize(1);
		assertThat(serverFormattedMoments("<p th:text=\"${T(java.time.ZoneId).systemDefault()}\">")).hasSize(1);
		assertThat(serverFormattedMoments("<time th:replace=\"~{fragments/front :: at(${v.at})}\"></time>")).isEmpty();
	}

	private static List<String> serverFormattedMoments(String template) {
		return all(SERVER_MOMENT.matcher(template));
	}

	private static final Pattern SERVER_MOMENT = Pattern.compile("#temporals\\.|#dates\\.|ZoneId\\)\\.systemDefault");

	@Test
	void everyColourIsAVariableOfTheMainStylesheetsRoot() {
		Matcher palette = ROOT_BLOCK.matcher(CSS_COMMENT.matcher(read(MAIN_STYLESHEET)).replaceAll(""));
		assertThat(palette.find()).as("lodestar.css has a :root").isTrue();
		assertThat(colourLiterals(palette.group(), false)).as("the palette in lodestar.css's :root").hasSizeGreaterThan(20);
		for (Path stylesheet : files(STYLES, ".css", false)) {
			String css = read(stylesheet);
			boolean main = stylesheet.equals(MAIN_STYLESHEET);
			assertThat(colourLiterals(css, main)).as(stylesheet + ": a colour outside lodestar.css's :root").isEmpty();
			if (!main) {
				assertThat(css).as(stylesheet + " defines a :root of its own").doesNotContain(":root");
			}
		}
		for (Path template : files(TEMPLATES, ".html", true)) {
			if (!NOT_ON_THE_LAYOUT.containsKey(template.getFileName().toString())) {
				assertThat(colourLiteralsInTemplate(read(template))).as(template + ": a colour in a style").isEmpty();
			}
		}
		for (Path script : files(SCRIPTS, ".js", false)) {
			assertThat(colourLiteralsInScript(read(script))).as(script + ": a colour (read it with lodestar.js's colour())")
				.isEmpty();
		}
	}

	// ---- and each rule sees what it forbids (a blind rule would pass on anything)

	@Test
	void theRulesSeeWhatTheyForbid() {
		assertThat(usesTheLayout("""
				<html xmlns:th="http://www.thymeleaf.org"
				      th:replace="~{fragments/shell :: page(pageTitle=#{x}, pageContent=~{::content})}">""")).isTrue();
		assertThat(usesTheLayout("""
				<html th:lang="${#locale.toLanguageTag()}" xmlns:th="http://www.thymeleaf.org">
				<head th:replace="~{fragments/shell :: head(#{x})}"></head>""")).isFalse();
		assertThat(ownHeadOrHeader("<body><header th:replace=\"~{fragments/shell :: header}\"></header>")).isNotEmpty();
		assertThat(ownHeadOrHeader("<head><meta charset=\"UTF-8\"><title>x</title>")).hasSize(2);

		assertThat(ownFetchOrFormatting("const r = await fetch(url, { method: 'POST' });")).isNotEmpty();
		assertThat(ownFetchOrFormatting("new Intl.DateTimeFormat(lang).format(d)")).isNotEmpty();
		assertThat(ownFetchOrFormatting("d.toLocaleDateString(lang)")).isNotEmpty();
		assertThat(ownFetchOrFormatting("const n = Number(v).toLocaleString(lang);")).isNotEmpty();
		assertThat(ownFetchOrFormatting("// the answers are fetched until the batch ends\nprefetchAll();")).isEmpty();

		assertThat(colourLiterals(".a { background: #eef1f5; color: var(--ink); }", true)).containsExactly("background: #eef1f5");
		assertThat(colourLiterals(".a { border: 1px solid rgba(0,0,0,.2) }", true)).hasSize(1);
		assertThat(colourLiterals("@media print { body { background: white; } }", true)).hasSize(1);
		assertThat(colourLiterals(":root { --ink: #1d2733; }\n.a { color: var(--ink); }", true)).isEmpty();
		assertThat(colourLiterals(":root { --ink: #1d2733; }", false)).hasSize(1);
		assertThat(colourLiterals("#add, #bad, #face { white-space: nowrap; color: var(--ink); } /* #fff */", true))
			.as("ids, property names and comments are no colours").isEmpty();
		assertThat(colourLiteralsInTemplate("<p style=\"color: #c0392b\">x</p>")).hasSize(1);
		assertThat(colourLiteralsInTemplate("<span th:style=\"|width: ${w}%|\"></span>")).isEmpty();
		assertThat(colourLiteralsInScript("itemStyle: { color: '#3b7dd8' }")).hasSize(1);
		assertThat(colourLiteralsInScript("el.style.background = `rgba(192, 57, 43, ${a})`;")).hasSize(1);
		assertThat(colourLiteralsInScript("document.querySelector('#add-row'); location.hash === '#kpi'")).isEmpty();
	}

	// ---- files

	private static List<Path> files(Path folder, String suffix, boolean deep) {
		try (Stream<Path> found = deep ? Files.walk(folder) : Files.list(folder)) {
			return found.filter(p -> p.getFileName().toString().endsWith(suffix)).filter(Files::isRegularFile).sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> all(Matcher matcher) {
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
