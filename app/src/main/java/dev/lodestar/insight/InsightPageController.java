package dev.lodestar.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * texts of the page's script as a JSON data block in the user's language: the insight bundle's
 * texts (without their {@code insight.} prefix) and, under their own keys, the names it shows
 * from other bundles (roles, rollout phases and statuses, training waves, ADKAR dimensions and
 * stakeholder groups).
 */
@Controller
@PreAuthorize("hasAnyRole('executive', 'project-team')")
class InsightPageController {

	private final MessageSource messages;
	private final ObjectMapper json;
	private final java.util.List<String> keys;
	private final java.util.List<String> borrowed;

	/** Names the cockpit's charts and tables show that other modules' bundles hold. */
	static final java.util.List<String> BORROWED = java.util.List.of("role.", "rollout.phase.", "rollout.phaseStatus.",
			"rollout.issueStatus.", "rollout.wave.", "rollout.gate.", "rollout.yes", "rollout.no", "stakeholders.dim.", "stakeholders.category.");

	private final BoardPack pack;

	private final Cockpit cockpit;

	InsightPageController(MessageSource messages, ObjectMapper json, BoardPack pack, Cockpit cockpit) {
		this.pack = pack;
		this.cockpit = cockpit;
		this.messages = messages;
		this.json = json;
		this.keys = keysOf("i18n/insight.properties").stream().sorted().toList();
		var others = new java.util.TreeSet<String>();
		others.addAll(keysOf("i18n/platform.properties"));
		others.addAll(keysOf("i18n/rollout.properties"));
		this.borrowed = others.stream().filter(k -> BORROWED.stream().anyMatch(k::startsWith)).toList();
	}

	private static java.util.Set<String> keysOf(String bundleFile) {
		var bundle = new Properties();
		try (InputStream in = new ClassPathResource(bundleFile).getInputStream()) {
			bundle.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bundle.stringPropertyNames();
	}

	@GetMapping("/insight")
	String cockpit(Authentication user, Model model, Locale locale) {
		model.addAttribute("mayEditTargets",
				user.getAuthorities().stream().anyMatch(a -> "ROLE_executive".equals(a.getAuthority())));
		model.addAttribute("texts", texts(locale));
		return "insight";
	}

	/** The print view as the board pack mails it, for the cockpit's window: lights, reasons, rules and every figure, in the reader's language. */
	@GetMapping("/insight/pack")
	String pack(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate to, Model model,
			Locale locale) {
		model.addAllAttributes(pack.model(cockpit.window(from, to), locale));
		return "insight-pack";
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
		borrowed.forEach(k -> texts.putIfAbsent(k, messages.getMessage(k, null, k, locale)));
		try {
			// a JSON data block inside <script>: "</" must not end the element
			return json.writeValueAsString(texts).replace("</", "<\\/");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
