package dev.lodestar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything a user reads exists in Simplified Chinese: every text of every form, every key of
 * every message bundle (and every Chinese key in English), every named step of every process,
 * every mail template. Each failure lists exactly what lacks its Chinese (or English) twin, so
 * whoever adds a text sees what to add.
 */
class ChineseTextCompletenessTest {

	private static final Path RESOURCES = Path.of("src/main/resources");
	private static final Path FORMS = Path.of("../forms");
	private static final Path PROCESSES = Path.of("../processes");
	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
	private static final Pattern LETTERS = Pattern.compile("\\p{IsLatin}");

	/**
	 * The only texts that read the same in Chinese as in English: names and abbreviations that a
	 * Chinese user reads in Latin letters too. Anything else in Latin letters only is untranslated.
	 */
	private static final java.util.Set<String> SAME_IN_CHINESE = java.util.Set.of("Lodestar", "API", "CSV", "ADKAR",
			"KPI", "P90", "ROI", "UAT", "BANT", "EMEA", "SLA");

	@Test
	void everyTextOfEveryFormHasAChineseTranslation() throws IOException {
		var missing = new ArrayList<String>();
		try (Stream<Path> forms = Files.list(FORMS)) {
			for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				JsonNode schema = new ObjectMapper().readTree(form.toFile());
				String id = schema.path("id").asText();
				Path bundle = FORMS.resolve("i18n/" + id + "_zh_CN.properties");
				Properties zh = Files.exists(bundle) ? load(bundle) : new Properties();
				for (String key : textKeys(schema.path("components"), new ArrayList<>())) {
					String text = zh.getProperty(key);
					if (text == null || !CHINESE.matcher(text).find()) {
						missing.add("forms/i18n/" + id + "_zh_CN.properties: " + key);
					}
				}
			}
		}
		assertThat(missing).as("form texts without Chinese (key = <field key or component id>.label|description|text"
				+ " or <key>.dateLabel|timeLabel or <key>.option.<value>)").isEmpty();
	}

	@Test
	void everyMessageKeyHasItsTwinInTheOtherLanguageAndChineseIsWrittenInChinese() throws IOException {
		var missing = new ArrayList<String>();
		for (String basename : basenames()) {
			Properties en = load(RESOURCES.resolve(basename + ".properties"));
			Path zhFile = RESOURCES.resolve(basename + "_zh_CN.properties");
			Properties zh = Files.exists(zhFile) ? load(zhFile) : new Properties();
			for (String key : new TreeSet<>(en.stringPropertyNames())) {
				String chinese = zh.getProperty(key, "");
				if (chinese.isBlank()) {
					missing.add(basename + "_zh_CN.properties lacks " + key);
				}
				else if (LETTERS.matcher(en.getProperty(key)).find() && !CHINESE.matcher(chinese).find()
						&& !SAME_IN_CHINESE.contains(chinese.strip()) && !chinese.strip().matches("https?://\\S+")) {
					missing.add(basename + "_zh_CN.properties has no Chinese in " + key + "=" + chinese);
				}
			}
			for (String key : new TreeSet<>(zh.stringPropertyNames())) {
				if (!en.containsKey(key)) {
					missing.add(basename + ".properties lacks " + key);
				}
			}
		}
		assertThat(missing).as("message keys without their twin, or with English (Latin letters only) in Chinese;"
				+ " names that stay in Latin letters: " + SAME_IN_CHINESE).isEmpty();
	}

	@Test
	void everyNamedStepOfEveryProcessHasAChineseName() throws Exception {
		Properties en = load(RESOURCES.resolve("i18n/processes.properties"));
		Properties zh = load(RESOURCES.resolve("i18n/processes_zh_CN.properties"));
		var missing = new ArrayList<String>();
		try (Stream<Path> models = Files.list(PROCESSES)) {
			for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				var factory = DocumentBuilderFactory.newInstance();
				factory.setNamespaceAware(true);
				NodeList processes = factory.newDocumentBuilder().parse(model.toFile())
					.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "process");
				for (int p = 0; p < processes.getLength(); p++) {
					var process = (Element) processes.item(p);
					String processKey = process.getAttribute("id");
					check(en, zh, "process." + processKey + ".name", process.getAttribute("name"), missing);
					NodeList elements = process.getElementsByTagName("*");
					for (int e = 0; e < elements.getLength(); e++) {
						var element = (Element) elements.item(e);
						String type = element.getLocalName();
						if (!element.getAttribute("name").isBlank() && !element.getAttribute("id").isBlank()
								&& !"sequenceFlow".equals(type) && !"lane".equals(type)
								&& "http://www.omg.org/spec/BPMN/20100524/MODEL".equals(element.getNamespaceURI())) {
							check(en, zh, "process." + processKey + "." + element.getAttribute("id"),
									element.getAttribute("name"), missing);
						}
					}
				}
			}
		}
		assertThat(missing).as("process and step names without Chinese (i18n/processes*.properties; the English"
				+ " entry is the model's name as written, ${...} included)").isEmpty();
	}

	@Test
	void everyMailTemplateHasAChineseVariant() throws IOException {
		var missing = new ArrayList<String>();
		Path mail = RESOURCES.resolve("mail");
		try (Stream<Path> templates = Files.list(mail)) {
			for (Path template : templates.map(Path::getFileName).sorted().toList()) {
				String name = template.toString();
				if (name.contains(".zh-CN.")) {
					continue;
				}
				int dot = name.indexOf('.');
				Path chinese = mail.resolve(name.substring(0, dot) + ".zh-CN" + name.substring(dot));
				if (!Files.exists(chinese) || !CHINESE.matcher(Files.readString(chinese)).find()) {
					missing.add("mail/" + chinese.getFileName());
				}
			}
		}
		assertThat(missing).as("mail templates without a Chinese variant").isEmpty();
	}

	private static void check(Properties en, Properties zh, String key, String name, List<String> missing) {
		if (!name.equals(en.getProperty(key))) {
			missing.add("i18n/processes.properties: " + key + "=" + name);
		}
		if (zh.getProperty(key) == null || !CHINESE.matcher(zh.getProperty(key)).find()) {
			missing.add("i18n/processes_zh_CN.properties: " + key);
		}
	}

	private static List<String> textKeys(JsonNode components, List<String> into) {
		for (JsonNode component : components) {
			String name = component.path("key").asText(component.path("id").asText(""));
			for (String property : new String[] { "label", "description", "text", "dateLabel", "timeLabel" }) {
				if (!component.path(property).asText("").isBlank()) {
					into.add(name + "." + property);
				}
			}
			for (JsonNode option : component.path("values")) {
				if (!option.path("label").asText("").isBlank()) {
					into.add(name + ".option." + option.path("value").asText());
				}
			}
			textKeys(component.path("components"), into);
		}
		return into;
	}

	/** The bundles that {@code spring.messages.basename} registers. */
	private static List<String> basenames() throws IOException {
		Matcher basename = Pattern.compile("(?m)^\\s+basename:\\s*(.+)$")
			.matcher(Files.readString(RESOURCES.resolve("application.yml")));
		assertThat(basename.find()).as("spring.messages.basename in application.yml").isTrue();
		return Stream.of(basename.group(1).split(",")).map(String::strip).toList();
	}

	private static Properties load(Path file) throws IOException {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
