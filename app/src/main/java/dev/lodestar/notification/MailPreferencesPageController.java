package dev.lodestar.notification;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where every user chooses, per kind of message, at once, daily digest or not at all. */
@Controller
class MailPreferencesPageController {

	private final MailPreferences preferences;

	MailPreferencesPageController(MailPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/settings/notifications")
	String show(Authentication user, Model model) {
		model.addAttribute("preferences", preferences.of(user.getName()));
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("mailLanguage", preferences.language(user.getName()).getLanguage());
		return "settings-notifications";
	}

	/** Form fields named by kind ({@code task-queued=DIGEST}); unknown names and values are ignored. */
	@PostMapping("/settings/notifications")
	String save(Authentication user, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		var choices = new EnumMap<MessageKind, Delivery>(MessageKind.class);
		for (MessageKind kind : MessageKind.values()) {
			String value = form.get(kind.template());
			for (Delivery delivery : Delivery.values()) {
				if (delivery.name().equals(value)) {
					choices.put(kind, delivery);
				}
			}
		}
		preferences.set(user.getName(), choices);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/settings/notifications";
	}

}
