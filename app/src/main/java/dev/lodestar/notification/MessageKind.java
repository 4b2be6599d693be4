package dev.lodestar.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kinds of message a user may choose about, each named by its mail template, with its
 * default delivery and the roles whose default differs. Messages to customers are no kind a
 * user chooses: they always go out.
 */
public enum MessageKind {

	/** A pool task landed in one of the user's queues: a digest, so a busy queue does not flood everyone. */
	TASK_QUEUED("task-queued", Delivery.DIGEST, Map.of()),
	TASK_ASSIGNED("task-assigned", Delivery.IMMEDIATE, Map.of()),
	/** Executives are told of overdue work once a day; those who do the work at once. */
	TASK_OVERDUE("task-overdue", Delivery.IMMEDIATE, Map.of("executive", Delivery.DIGEST)),
	LEAD_RETURNED_TO_QUEUE("lead-returned-to-queue", Delivery.IMMEDIATE, Map.of()),
	LEAD_FOLLOW_UP_DUE("lead-follow-up-due", Delivery.IMMEDIATE, Map.of()),
	COMPLAINT_SLA_WARNING("complaint-sla-warning", Delivery.IMMEDIATE, Map.of()),
	COMPLAINT_ESCALATED("complaint-escalated", Delivery.IMMEDIATE, Map.of()),
	TRAINING_INVITATION("training-invitation", Delivery.IMMEDIATE, Map.of()),
	/** Trainers and the project team see who is behind on their own pages. */
	TRAINING_REMINDER("training-reminder", Delivery.IMMEDIATE,
			Map.of("trainer", Delivery.DIGEST, "project-team", Delivery.DIGEST));

	private final String template;
	private final Delivery fallback;
	private final Map<String, Delivery> byRole;

	MessageKind(String template, Delivery fallback, Map<String, Delivery> byRole) {
		this.template = template;
		this.fallback = fallback;
		this.byRole = byRole;
	}

	/** The mail template, which is also the kind's id in preferences and in the outbox. */
	public String template() {
		return template;
	}

	/**
	 * The default for a member of these roles: the most immediate of their roles' defaults
	 * (a user in two roles is not told less because one of them needs less).
	 */
	public Delivery defaultFor(Collection<String> roles) {
		// everybody is an employee: that role decides only for those who have no other
		List<String> deciding = roles.stream().filter(r -> !"employee".equals(r)).toList();
		Delivery result = null;
		for (String role : deciding.isEmpty() ? List.copyOf(roles) : deciding) {
			Delivery d = byRole.getOrDefault(role, fallback);
			if (result == null || d.ordinal() < result.ordinal()) {
				result = d;
			}
		}
		return result == null ? fallback : result;
	}

	public static Optional<MessageKind> ofTemplate(String template) {
		return Stream.of(values()).filter(k -> k.template.equals(template)).findFirst();
	}

}
