package dev.lodestar.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code mail/<template>.subject.txt}, {@code .txt} and {@code .html}. A template
 * engine of its own, not a bean, so the web UI's Thymeleaf set-up stays Spring Boot's.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MailTemplates(MessageSource messages) {
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

	Rendered render(String template, Map<String, Object> model, Locale locale) {
		var context = new Context(locale, model);
		String subject = engine.process(template + ".subject.txt", context).strip();
		String text = engine.process(template + ".txt", context);
		String html = engine.process(template + ".html", context);
		return new Rendered(subject, text, html);
	}

	record Rendered(String subject, String text, String html) {
	}

}
