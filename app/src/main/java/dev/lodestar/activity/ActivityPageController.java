package dev.lodestar.activity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.lodestar.calendar.BusinessCalendar;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.worklist.Caller;

/**
 * The pages' forms: "Plan an activity" on the lead and customer pages, "Done" on those pages and
 * in My work. The same rules as the API; the page answers with a notice or the reason it refused.
 * The due time comes as the reader's wall-clock time with her browser's time zone (the company's
 * when the browser sent none).
 */
@Controller
@PreAuthorize(ActivityController.PLANNERS)
class ActivityPageController {

	private final ActivityService activities;

	private final BusinessCalendar calendar;

	ActivityPageController(ActivityService activities, BusinessCalendar calendar) {
		this.activities = activities;
		this.calendar = calendar;
	}

	@PostMapping("/{kind:leads|customers|complaints}/{id}/activities")
	String plan(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) ActivityType type,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String note,
			@RequestParam(required = false) String due, @RequestParam(required = false) String zone,
			@RequestParam(required = false) String assignee, Authentication user, RedirectAttributes redirect) {
		String caseType = kind.substring(0, kind.length() - 1);
		try {
			activities.plan(new NewActivity(caseType, id, type, subject, note, instant(due, zone), assignee),
					Caller.of(user));
			redirect.addFlashAttribute("activityNotice", "activity.planned");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("activityProblems",
					ex.errors().stream().map(e -> "activity.problem." + e.field()).distinct().toList());
		}
		catch (AccessDeniedException ex) {
			redirect.addFlashAttribute("activityProblems", List.of("activity.problem.forbidden"));
		}
		return "redirect:/" + kind + "/" + id + "#activities";
	}

	@PostMapping("/activities/{id}/done")
	String done(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String from, Authentication user, RedirectAttributes redirect) {
		Caller caller = Caller.of(user);
		ActivityView activity = activities.get(id, caller);
		try {
			activities.done(id, outcome, caller);
			redirect.addFlashAttribute("activityNotice", "activity.doneNotice");
			redirect.addFlashAttribute("activityDoneSubject", activity.subject());
		}
		catch (ConflictException | org.springframework.dao.ConcurrencyFailureException ex) {
			redirect.addFlashAttribute("activityProblems", List.of("activity.problem.conflict"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("activityProblems", List.of("activity.problem.outcome"));
		}
		catch (AccessDeniedException ex) {
			redirect.addFlashAttribute("activityProblems", List.of("activity.problem.notYours"));
		}
		return "work".equals(from) ? "redirect:/#activities" : "redirect:" + activity.caseLink() + "#activities";
	}

	private Instant instant(String due, String zone) {
		ZoneId zoneId = calendar.zone();
		if (zone != null && !zone.isBlank()) {
			try {
				zoneId = ZoneId.of(zone.strip());
			}
			catch (DateTimeException ex) {
				// an unknown zone: the company's
			}
		}
		return FormValues.instant("dueAt", due, zoneId);
	}

}
