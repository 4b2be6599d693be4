package dev.lodestar.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import dev.lodestar.system.NotFoundException;

/**
 * The documents of {@code training-material/} (on the classpath): listed, read in the reader's
 * language ({@code <name>.zh-CN.md} beside {@code <name>.md}, else English with a note) and
 * rendered to HTML by commonmark. Raw HTML in a document is escaped and unsafe link schemes are
 * dropped, so a document can never run script in the reader's browser.
 */
@Component
public class TrainingLibrary {

	static final String ROOT = "training-material/";

	static final String KNOWLEDGE_CHECK = "knowledge-check";

	/** A document id: an optional folder, then a name; lower-case words, digits and hyphens. */
	private static final Pattern ID = Pattern.compile("([a-z0-9][a-z0-9-]*/)?[a-zA-Z0-9][a-zA-Z0-9-]*");

	private static final Pattern IMAGE = Pattern.compile("[a-z0-9-]+/screenshots/[a-z0-9-]+\\.(en|zh-CN)\\.png");

	private final ResourcePatternResolver resources;

	private final Parser parser;

	private final HtmlRenderer renderer;

	private final Map<String, KnowledgeCheck> checks = new ConcurrentHashMap<>();

	TrainingLibrary(ResourcePatternResolver resources) {
		this.resources = resources;
		var extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
		this.parser = Parser.builder().extensions(extensions).build();
		this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
	}

	/** A document as listed: its id (path without {@code .md}), title and the languages it exists in. */
	record Entry(String id, String folder, String title, boolean chinese) {

		boolean knowledgeCheck() {
			return id.endsWith("/" + KNOWLEDGE_CHECK);
		}

	}

	/** A document rendered for a reader; {@code fallback} = shown in English because no translation exists. */
	record Page(String id, String folder, String title, String html, String language, boolean fallback) {
	}

	/** Every document, folders in order, each folder's documents in order; titles in the reader's language. */
	List<Entry> documents(Locale locale) {
		var ids = new TreeMap<String, Boolean>();
		for (Resource r : list("**/*.md")) {
			String path = relative(r);
			if (path == null) {
				continue;
			}
			if (path.endsWith(".zh-CN.md")) {
				ids.merge(path.substring(0, path.length() - ".zh-CN.md".length()), true, (a, b) -> true);
			}
			else {
				ids.putIfAbsent(path.substring(0, path.length() - 3), false);
			}
		}
		var entries = new ArrayList<Entry>();
		ids.forEach((id, chinese) -> {
			if (ID.matcher(id).matches() && exists(id + ".md")) {
				String folder = id.contains("/") ? id.substring(0, id.indexOf('/')) : "";
				entries.add(new Entry(id, folder, title(read(source(id, locale).orElseThrow())), chinese));
			}
		});
		entries.sort(Comparator.comparing((Entry e) -> !e.folder().isEmpty()).thenComparing(Entry::id));
		return entries;
	}

	/** One document rendered in the reader's language (or English, with {@code fallback} set). */
	Page page(String id, Locale locale) {
		if (!ID.matcher(id).matches() || !exists(id + ".md") || id.endsWith("/" + KNOWLEDGE_CHECK)) {
			throw new NotFoundException("Training document", id);
		}
		String file = source(id, locale).orElseThrow();
		String markdown = read(file);
		boolean fallback = chinese(locale) && !file.endsWith(".zh-CN.md");
		String folder = id.contains("/") ? id.substring(0, id.indexOf('/')) : "";
		return new Page(id, folder, title(markdown), renderer.render(parser.parse(markdown)),
				file.endsWith(".zh-CN.md") ? "zh-CN" : "en", fallback);
	}

	/** Markdown of one line or paragraph as HTML (question texts, options), with the same safety. */
	String inline(String markdown) {
		String html = renderer.render(parser.parse(markdown)).strip();
		return html.startsWith("<p>") && html.endsWith("</p>") ? html.substring(3, html.length() - 4) : html;
	}

	String block(String markdown) {
		return renderer.render(parser.parse(markdown));
	}

	/** The knowledge check of a folder in the reader's language; {@code fallback} as for pages. */
	public Optional<KnowledgeCheck> knowledgeCheck(String folder, Locale locale) {
		String id = folder + "/" + KNOWLEDGE_CHECK;
		if (!ID.matcher(id).matches() || !exists(id + ".md")) {
			return Optional.empty();
		}
		String file = source(id, locale).orElseThrow();
		return Optional.of(checks.computeIfAbsent(file, f -> KnowledgeCheck.parse(read(f))));
	}

	boolean translated(String id) {
		return exists(id + ".zh-CN.md");
	}

	/** A screenshot of the end-user material, or empty. */
	Optional<byte[]> image(String path) {
		if (!IMAGE.matcher(path).matches()) {
			return Optional.empty();
		}
		Resource r = resources.getResource("classpath:" + ROOT + path);
		if (!r.exists()) {
			return Optional.empty();
		}
		try (var in = r.getInputStream()) {
			return Optional.of(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Optional<String> source(String id, Locale locale) {
		if (chinese(locale) && exists(id + ".zh-CN.md")) {
			return Optional.of(id + ".zh-CN.md");
		}
		return exists(id + ".md") ? Optional.of(id + ".md") : Optional.empty();
	}

	static boolean chinese(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage());
	}

	private boolean exists(String file) {
		return resources.getResource("classpath:" + ROOT + file).exists();
	}

	private String read(String file) {
		try (var in = resources.getResource("classpath:" + ROOT + file).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String title(String markdown) {
		return markdown.lines()
			.filter(l -> l.startsWith("# "))
			.findFirst()
			.map(l -> l.substring(2).strip())
			.orElse("");
	}

	private Resource[] list(String pattern) {
		try {
			return resources.getResources("classpath*:" + ROOT + pattern);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String relative(Resource r) {
		try {
			String url = r.getURL().toString();
			int at = url.lastIndexOf("/" + ROOT);
			return at < 0 ? null : url.substring(at + ROOT.length() + 1);
		}
		catch (IOException e) {
			return null;
		}
	}

}
