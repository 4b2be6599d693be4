package dev.lodestar.notification;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox, readable: one's own messages, and every message for administrators. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final Notifications notifications;
	private final NotificationService service;

	NotificationController(Notifications notifications, NotificationService service) {
		this.notifications = notifications;
		this.service = service;
	}

	/** Every message in the given states (all by default), newest first; administrators only. */
	@GetMapping
	@PreAuthorize("hasRole('camunda-admin')")
	List<NotificationView> all(@RequestParam(required = false) List<NotificationStatus> status,
			@RequestParam(defaultValue = "50") int limit) {
		var statuses = status == null || status.isEmpty() ? EnumSet.allOf(NotificationStatus.class)
				: EnumSet.copyOf(status);
		return notifications.findByStatusInOrderByCreatedAtDesc(statuses, PageRequest.of(0, clamp(limit)))
			.stream()
			.map(NotificationView::of)
			.toList();
	}

	/** The messages sent to the caller, newest first. */
	@GetMapping("/mine")
	List<NotificationView> mine(Authentication user, @RequestParam(defaultValue = "50") int limit) {
		return service.recentFor(user.getName(), clamp(limit)).stream().map(NotificationView::of).toList();
	}

	private static int clamp(int limit) {
		return Math.max(1, Math.min(limit, 500));
	}

	record NotificationView(long id, String kind, String recipientEmail, String recipientUserId, String subject,
			NotificationStatus status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
			Instant sentAt) {

		static NotificationView of(Notification n) {
			return new NotificationView(n.getId(), n.getKind(), n.getRecipientEmail(), n.getRecipientUserId(),
					n.getSubject(), n.getStatus(), n.getAttempts(), n.getLastError(), n.getCreatedAt(),
					n.getNextAttemptAt(), n.getSentAt());
		}

	}

}
