package dev.lodestar.notification;

import java.util.EnumSet;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What Lodestar sent, for administrators: the newest messages of the outbox and their delivery. */
@Controller
class OutboxPageController {

	static final int SHOWN = 200;

	private final Notifications notifications;

	OutboxPageController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/settings/outbox")
	@PreAuthorize("hasRole('camunda-admin')")
	String outbox(@RequestParam(required = false) NotificationStatus status, Model model) {
		var statuses = status == null ? EnumSet.allOf(NotificationStatus.class) : EnumSet.of(status);
		model.addAttribute("messages", notifications.findByStatusInOrderByCreatedAtDesc(statuses, PageRequest.of(0, SHOWN)));
		model.addAttribute("statuses", NotificationStatus.values());
		model.addAttribute("status", status);
		return "settings-outbox";
	}

}
