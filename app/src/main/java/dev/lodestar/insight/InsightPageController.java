package dev.lodestar.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The cockpit page and its drill-down list; the data comes from {@code /api/insight/**}, the
 * texts of the page's script as a JSON data block in the user's language.
 */
@Controller
@PreAuthorize("hasAnyRole('executive', 'project-team')")
class InsightPageController {

	private final MessageSource messages;
	private final ObjectMapper json;
	private final java.util.List<String> keys;

	InsightPageController(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
		var bundle = new Properties();
		try (InputStream in = new ClassPathResource("i18n/insight.properties").getInputStream()) {
			bundle.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.keys = bundle.stringPropertyNames().stream().sorted().toList();
	}

	@GetMapping("/insight")
	String cockpit(Authentication user, Model model, Locale locale) {
		model.addAttribute("mayEditTargets",
				user.getAuthorities().stream().anyMatch(a -> "ROLE_executive".equals(a.getAuthority())));
		model.addAttribute("texts", texts(locale));
		return "insight";
	}

	@GetMapping("/insight/cases")
	String cases(@RequestParam String kpi, Model model, Locale locale) {
		model.addAttribute("kpi", InsightController.kpi(kpi));
		model.addAttribute("texts", texts(locale));
		return "insight-cases";
	}

	private String texts(Locale locale) {
		var texts = new TreeMap<String, String>();
		keys.forEach(k -> texts.put(k.substring("insight.".length()), messages.getMessage(k, null, k, locale)));
		try {
			// a JSON data block inside <script>: "</" must not end the element
			return json.writeValueAsString(texts).replace("</", "<\\/");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
