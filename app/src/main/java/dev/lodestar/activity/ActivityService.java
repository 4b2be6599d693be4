package dev.lodestar.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.access.Roles;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ListPage;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;

/**
 * Plans, lists and closes activities. A case's activities are for those who may read the case
 * (to others the case does not exist: 404); an activity is worked by the one it is for or the
 * one who planned it (403 for anybody else who may see it, 404 for those who may not). A person
 * plans for herself, or, as a manager, for a member of the role she manages.
 */
@Service
public class ActivityService {

	/** The roles that plan activities; a manager may plan for the role she manages. */
	static final Map<String, String> MANAGES = Map.of(Roles.SALES_MANAGER, Roles.SALES_REP, Roles.SERVICE_MANAGER,
			Roles.SERVICE_AGENT);

	/** The roles that plan and are planned for: the API's and the pages' rule. */
	static final List<String> PLANNING_ROLES = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER);

	/** How many activities a case's page shows. */
	static final int CASE_PAGE = 20;

	/** The most team members a manager's form offers. */
	static final int TEAM_MAX = 200;

	private static final Sort BY_DUE = Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("id"));

	// OPEN sorts after DONE and CANCELLED: descending puts the open ones first
	private static final Sort OPEN_FIRST = Sort.by(Sort.Order.desc("state"), Sort.Order.asc("dueAt"),
			Sort.Order.asc("id"));

	private static final Sort LATEST_FIRST = Sort.by(Sort.Order.desc("dueAt"), Sort.Order.desc("id"));

	private final Activities activities;
	private final Map<String, ActivityCase> cases = new HashMap<>();
	private final IdentityService identity;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ActivityService(Activities activities, List<ActivityCase> cases, IdentityService identity,
			ApplicationEventPublisher events, Optional<Clock> clock) {
		this.activities = activities;
		cases.forEach(c -> this.cases.put(c.type(), c));
		this.identity = identity;
		this.events = events;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** Plans an activity on a case the caller may plan on, for her or for a member of her team. */
	@Transactional
	public ActivityView plan(NewActivity draft, Caller caller) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		ActivityCase owner = draft.caseType() == null ? null : cases.get(draft.caseType());
		if (owner == null) {
			errors.add(new InvalidInputException.FieldError("caseType", "must be one of " + cases.keySet().stream().sorted().toList()));
		}
		if (draft.caseId() == null) {
			errors.add(new InvalidInputException.FieldError("caseId", "must not be empty"));
		}
		if (draft.type() == null) {
			errors.add(new InvalidInputException.FieldError("type", "must be one of CALL, MEETING, TODO"));
		}
		if (draft.subject() == null || draft.subject().isBlank()) {
			errors.add(new InvalidInputException.FieldError("subject", "must not be blank"));
		}
		else if (draft.subject().strip().length() > Activity.SUBJECT_MAX) {
			errors.add(new InvalidInputException.FieldError("subject", "must be at most " + Activity.SUBJECT_MAX + " characters"));
		}
		if (draft.note() != null && draft.note().strip().length() > Activity.TEXT_MAX) {
			errors.add(new InvalidInputException.FieldError("note", "must be at most " + Activity.TEXT_MAX + " characters"));
		}
		if (draft.dueAt() == null) {
			errors.add(new InvalidInputException.FieldError("dueAt", "must not be empty"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long caseId = draft.caseId();
		if (!owner.mayRead(caseId, caller)) {
			throw new NotFoundException(draft.caseType(), caseId);
		}
		ActivityCase.Found found = owner.find(caseId).orElseThrow(() -> new NotFoundException(draft.caseType(), caseId));
		if (!owner.mayPlan(caseId, caller)) {
			throw new AccessDeniedException("you may not plan activities on " + draft.caseType() + " " + caseId);
		}
		String assignee = assignee(draft.assignee(), caller);
		Activity activity = new Activity(draft.caseType(), caseId, found.customerId(), found.title(), draft.type(),
				draft.subject(), draft.note(), draft.dueAt(), assignee, caller.userId(), clock.instant());
		return activities.save(activity).view(clock.instant());
	}

	private String assignee(String given, Caller caller) {
		if (given == null || given.isBlank() || given.strip().equals(caller.userId())) {
			return caller.userId();
		}
		String member = given.strip();
		boolean managed = MANAGES.entrySet()
			.stream()
			.filter(e -> caller.hasRole(e.getKey()))
			.anyMatch(e -> identity.createUserQuery().userId(member).memberOfGroup(e.getValue()).count() > 0);
		if (!managed) {
			boolean manager = MANAGES.keySet().stream().anyMatch(caller::hasRole);
			throw new InvalidInputException("assignee", manager ? "must be you or a member of the team you manage"
					: "must be you: only a manager plans for others");
		}
		return member;
	}

	/** The caller's own activities, by due time (done ones latest first), a page at a time. */
	@Transactional(readOnly = true)
	public ListPage<ActivityView> mine(Caller caller, ActivityFilter filter, int page, int size) {
		Instant now = clock.instant();
		var request = ListPage.request(page, size, filter == ActivityFilter.DONE || filter == ActivityFilter.ALL
				? LATEST_FIRST : BY_DUE);
		String me = caller.userId();
		var rows = switch (filter) {
			case OPEN -> activities.findByAssigneeAndState(me, ActivityState.OPEN, request);
			case OVERDUE -> activities.findByAssigneeAndStateAndDueAtBefore(me, ActivityState.OPEN, now, request);
			case DONE -> activities.findByAssigneeAndState(me, ActivityState.DONE, request);
			case ALL -> activities.findByAssignee(me, request);
		};
		return ListPage.of(rows, a -> a.view(now));
	}

	/** How many of the caller's open activities are overdue. */
	@Transactional(readOnly = true)
	public long overdueCount(Caller caller) {
		return activities.countByAssigneeAndStateAndDueAtBefore(caller.userId(), ActivityState.OPEN, clock.instant());
	}

	/** A case's activities, open first, by due time, a page at a time, for a caller who may read the case. */
	@Transactional(readOnly = true)
	public ListPage<ActivityView> ofCase(String caseType, long caseId, Caller caller, int page, int size) {
		readable(caseType, caseId, caller);
		Instant now = clock.instant();
		return ListPage.of(activities.findByCaseTypeAndCaseId(caseType, caseId, ListPage.request(page, size, OPEN_FIRST)),
				a -> a.view(now));
	}

	/**
	 * What a case's page shows: its first {@value #CASE_PAGE} activities (open first), whether the
	 * reader may plan on it, and for whom; {@code null} when the reader may not read the case.
	 */
	@Transactional(readOnly = true)
	public CaseActivities forCase(String caseType, long caseId, Caller caller) {
		ActivityCase owner = cases.get(caseType);
		if (owner == null || !owner.mayRead(caseId, caller)) {
			return null;
		}
		boolean mayPlan = owner.mayPlan(caseId, caller);
		return new CaseActivities(caseType, caseId, ofCase(caseType, caseId, caller, 1, CASE_PAGE), mayPlan,
				mayPlan ? planFor(caller) : List.of());
	}

	/** The people this caller may plan for: herself first, then the members of the roles she manages. */
	public List<String> planFor(Caller caller) {
		var people = new java.util.LinkedHashSet<String>();
		people.add(caller.userId());
		MANAGES.entrySet()
			.stream()
			.filter(e -> caller.hasRole(e.getKey()))
			.forEach(e -> identity.createUserQuery()
				.memberOfGroup(e.getValue())
				.orderByUserId()
				.asc()
				.listPage(0, TEAM_MAX)
				.forEach(u -> people.add(u.getId())));
		return List.copyOf(people);
	}

	/** A case's activities as its page shows them. */
	public record CaseActivities(String caseType, long caseId, ListPage<ActivityView> page, boolean mayPlan,
			List<String> planFor) {
	}

	/** One activity, for a caller who may read its case. */
	@Transactional(readOnly = true)
	public ActivityView get(long id, Caller caller) {
		return visible(id, caller).view(clock.instant());
	}

	/** Done, with what came of it; the customer's timeline notes it. A second time is a conflict. */
	@Transactional
	public ActivityView done(long id, String outcome, Caller caller) {
		if (outcome != null && outcome.strip().length() > Activity.OUTCOME_MAX) {
			throw new InvalidInputException("outcome", "must be at most " + Activity.OUTCOME_MAX + " characters");
		}
		Activity activity = workable(id, caller);
		Instant now = clock.instant();
		ActivityCompleted completed = activity.done(outcome, caller.userId(), now);
		activities.saveAndFlush(activity);
		events.publishEvent(completed);
		return activity.view(now);
	}

	/** Due at another time. */
	@Transactional
	public ActivityView reschedule(long id, Instant dueAt, Caller caller) {
		Activity activity = workable(id, caller);
		Instant now = clock.instant();
		activity.reschedule(dueAt, now);
		activities.saveAndFlush(activity);
		return activity.view(now);
	}

	/** Will not happen. */
	@Transactional
	public ActivityView cancel(long id, Caller caller) {
		Activity activity = workable(id, caller);
		Instant now = clock.instant();
		activity.cancel(caller.userId(), now);
		activities.saveAndFlush(activity);
		return activity.view(now);
	}

	private Activity workable(long id, Caller caller) {
		Activity activity = visible(id, caller);
		if (!activity.workableBy(caller.userId())) {
			throw new AccessDeniedException("activity " + id + " is " + activity.getAssignee() + "'s");
		}
		return activity;
	}

	private Activity visible(long id, Caller caller) {
		Activity activity = activities.findById(id).orElseThrow(() -> new NotFoundException("activity", id));
		if (!caller.userId().equals(activity.getAssignee())) {
			ActivityCase owner = cases.get(activity.getCaseType());
			if (owner == null || !owner.mayRead(activity.getCaseId(), caller)) {
				throw new NotFoundException("activity", id);
			}
		}
		return activity;
	}

	private ActivityCase readable(String caseType, long caseId, Caller caller) {
		ActivityCase owner = cases.get(caseType);
		if (owner == null || !owner.mayRead(caseId, caller)) {
			throw new NotFoundException(caseType, caseId);
		}
		return owner;
	}

}
