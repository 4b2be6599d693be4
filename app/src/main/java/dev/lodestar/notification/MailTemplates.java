package dev.lodestar.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import dev.lodestar.system.ProcessTexts;

/**
 * Renders {@code mail/<template>.subject.txt}, {@code .txt} and {@code .html}. A template
 * engine of its own, not a bean, so the web UI's Thymeleaf set-up stays Spring Boot's.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final ProcessTexts texts;

	MailTemplates(MessageSource messages, ProcessTexts texts) {
		this.texts = texts;
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
		engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * The message in the reader's language: {@code <template>.zh-CN.*} for Chinese readers where
	 * it exists, else the English {@code <template>.*}. A model with {@code processKey} (and
	 * {@code taskKey}) has its {@code processName} and {@code taskName} translated too; so has
	 * every text value that the bundle {@code i18n/processes} translates ({@link ProcessTexts#value}).
	 */
	Rendered render(String template, Map<String, Object> model, Locale locale) {
		String name = name(template, locale);
		var context = context(model, locale);
		String subject = engine.process(name + ".subject.txt", context).strip();
		String text = engine.process(name + ".txt", context);
		String html = engine.process(name + ".html", context);
		return new Rendered(subject, text, html);
	}

	/** Only the subject line, as {@link #render} gives it (a digest holds no more than that). */
	String subject(String template, Map<String, Object> model, Locale locale) {
		return engine.process(name(template, locale) + ".subject.txt", context(model, locale)).strip();
	}

	private static String name(String template, Locale locale) {
		if ("zh".equals(locale.getLanguage()) && new ClassPathResource("mail/" + template + ".zh-CN.txt").exists()) {
			return template + ".zh-CN";
		}
		return template;
	}

	private Context context(Map<String, Object> model, Locale locale) {
		var translated = new HashMap<>(model);
		if (texts == null) {
			return new Context(locale, translated); // rendered without the process bundle (unit tests)
		}
		// the values the message names (a wave's title) in the reader's language where the bundle has them
		model.forEach((name, value) -> {
			if (value instanceof String text) {
				translated.put(name, texts.value(text, locale));
			}
		});
		if (model.get("processKey") instanceof String processKey) {
			if (model.get("processName") instanceof String processName) {
				translated.put("processName", texts.processName(processKey, processName, locale));
			}
			if (model.get("taskName") instanceof String taskName) {
				translated.put("taskName", texts.stepName(processKey, (String) model.get("taskKey"), taskName, locale));
			}
		}
		return new Context(locale, translated);
	}

	record Rendered(String subject, String text, String html) {
	}

}
