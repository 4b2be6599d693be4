package dev.lodestar.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * Names of processes and of their steps in the reader's language, from the bundle
 * {@code i18n/processes} ({@code process.<key>.name}, {@code process.<key>.<element id>}).
 * <p>
 * The engine stores a step's name as the model said it in English, with its expressions
 * ({@code ${waveName}}) already replaced by their values. The English entry of the bundle is
 * the model's name with the expressions kept; where the running name still matches it, the
 * values are lifted out of the running name and put into the translation. Where it no longer
 * matches (a process owner renamed the step) or there is no translation, the running name is
 * shown as it is: a stale translation is never shown.
 * <p>
 * The values themselves are often English texts of the application or of a model (a training
 * wave's title, a go-live gate's reason). Each one is translated where the bundle has it as
 * {@code value.<slug>} (lower-case letters and digits, the rest one hyphen: "Wave 4: all staff" is
 * {@code value.wave-4-all-staff}) and the English entry is still the value; forms and mails
 * translate the values they show the same way ({@link #value}).
 */
@Component
public class ProcessTexts {

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

	private final MessageSource messages;

	/** The bundle's English entries: the keys there are, and the names the models gave. */
	private final Properties english;

	public ProcessTexts(MessageSource messages) {
		this.messages = messages;
		try {
			this.english = PropertiesLoaderUtils.loadProperties(new ClassPathResource("i18n/processes.properties"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("i18n/processes.properties is part of the application", e);
		}
	}

	/** A step's name as the model gives it in English, and in the reader's language. */
	public record StepLabel(String name, String text) {
	}

	/**
	 * Every step of this process that the bundle names otherwise in this language, by element id:
	 * the model's English name (with its expressions, as the diagram shows it) and the translation.
	 * A diagram shows the translation only where the element's name is still that English name.
	 * Empty in English and for a process the bundle does not know.
	 */
	public Map<String, StepLabel> stepLabels(String processKey, Locale locale) {
		Map<String, StepLabel> labels = new TreeMap<>();
		if (processKey == null || locale == null || "en".equals(locale.getLanguage())) {
			return labels;
		}
		String prefix = "process." + processKey + ".";
		for (String key : english.stringPropertyNames()) {
			if (!key.startsWith(prefix) || key.equals(prefix + "name")) {
				continue;
			}
			String name = messages.getMessage(key, null, null, Locale.ROOT);
			String text = messages.getMessage(key, null, null, locale);
			if (name != null && text != null && !text.equals(name)) {
				labels.put(key.substring(prefix.length()), new StepLabel(name, text));
			}
		}
		return labels;
	}

	/** The process's name in this language; {@code name} when there is no translation. */
	public String processName(String processKey, String name, Locale locale) {
		return translate("process." + processKey + ".name", name, locale);
	}

	/** The name of a step (task, event, gateway) in this language; {@code name} as fallback. */
	public String stepName(String processKey, String elementId, String name, Locale locale) {
		if (elementId == null) {
			return name;
		}
		return translate("process." + processKey + "." + elementId, name, locale);
	}

	/**
	 * The name the bundle gives an element the model left unnamed (a sub-process's start), in this
	 * language; where it has none, the element's kind ("Start", "End", "Step"). A person never
	 * reads an element id.
	 */
	public String unnamedStep(String processKey, String elementId, String activityType, Locale locale) {
		Locale in = locale == null ? Locale.ROOT : locale;
		String named = elementId == null ? null
				: messages.getMessage("process." + processKey + "." + elementId, null, null, in);
		if (named != null) {
			return named;
		}
		String kind = activityType == null ? "" : activityType.toLowerCase(Locale.ROOT);
		return messages.getMessage(kind.contains("start") ? "process.unnamed.start"
				: kind.contains("end") ? "process.unnamed.end" : "process.unnamed.step", null, in);
	}

	/**
	 * A value shown inside a name, a form or a mail in this language: the bundle's
	 * {@code value.<slug>} when its English entry is this value, else the value as it is.
	 */
	public String value(String value, Locale locale) {
		if (value == null || value.isBlank() || locale == null || "en".equals(locale.getLanguage())) {
			return value;
		}
		String key = valueKey(value);
		String english = messages.getMessage(key, null, null, Locale.ROOT);
		if (english == null || !english.equals(value.strip())) {
			return value;
		}
		return messages.getMessage(key, null, value, locale);
	}

	/** The key of a value's translation: {@code value.} and the value's slug. */
	public static String valueKey(String value) {
		return "value." + value.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	private String translate(String key, String name, Locale locale) {
		if (name == null || locale == null || "en".equals(locale.getLanguage())) {
			return name;
		}
		String english = messages.getMessage(key, null, null, Locale.ROOT);
		String translated = messages.getMessage(key, null, null, locale);
		if (english == null || translated == null || translated.equals(english)) {
			return name;
		}
		List<String> values = valuesIn(english, name);
		if (values == null) {
			return name;
		}
		// each expression of the translation takes the value of the same expression in English,
		// so that a translation may put them in another order
		Map<String, String> byExpression = new HashMap<>();
		Matcher inEnglish = EXPRESSION.matcher(english);
		for (int i = 0; inEnglish.find() && i < values.size(); i++) {
			byExpression.putIfAbsent(inEnglish.group(), value(values.get(i), locale));
		}
		Matcher expressions = EXPRESSION.matcher(translated);
		var result = new StringBuilder();
		while (expressions.find()) {
			expressions.appendReplacement(result,
					Matcher.quoteReplacement(byExpression.getOrDefault(expressions.group(), expressions.group())));
		}
		expressions.appendTail(result);
		return result.toString();
	}

	/** The values that stand for the expressions of {@code template} in {@code name}, or null. */
	private static List<String> valuesIn(String template, String name) {
		var regex = new StringBuilder("^");
		Matcher expressions = EXPRESSION.matcher(template);
		int last = 0;
		while (expressions.find()) {
			regex.append(Pattern.quote(template.substring(last, expressions.start()))).append("(.*?)");
			last = expressions.end();
		}
		regex.append(Pattern.quote(template.substring(last))).append("$");
		Matcher match = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name);
		if (!match.matches()) {
			return null;
		}
		var values = new ArrayList<String>();
		for (int g = 1; g <= match.groupCount(); g++) {
			values.add(match.group(g));
		}
		return values;
	}

}
