package dev.lodestar.activity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;

/**
 * A call, meeting or to-do planned on a case for one person, due at a moment. Its rules: the due
 * time may lie at most {@link #PAST_GRACE} in the past (a call just made is noted as planned and
 * done; older history belongs on the timeline) and at most {@link #HORIZON} ahead; only an open
 * activity is done, rescheduled or cancelled (a second time is a conflict); two people marking it
 * at the same moment: the version lets one win.
 */
@Entity
@Table(name = "crm_activity")
class Activity {

	/** How far in the past a due time may lie when planning or rescheduling. */
	static final Duration PAST_GRACE = Duration.ofHours(24);

	/** How far ahead a due time may lie. */
	static final Duration HORIZON = Duration.ofDays(2 * 366);

	static final int SUBJECT_MAX = 200;

	static final int TEXT_MAX = 2000;

	/** What came of it: as long as the timeline's outcome column holds. */
	static final int OUTCOME_MAX = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String caseType;

	private long caseId;

	private Long customerId;

	private String caseTitle;

	@Enumerated(EnumType.STRING)
	private ActivityType type;

	private String subject;

	private String note;

	private Instant dueAt;

	private String assignee;

	private String plannedBy;

	private Instant plannedAt;

	@Enumerated(EnumType.STRING)
	private ActivityState state;

	private String outcome;

	private String doneBy;

	private Instant doneAt;

	@Version
	private int version;

	protected Activity() {
	}

	Activity(String caseType, long caseId, Long customerId, String caseTitle, ActivityType type, String subject,
			String note, Instant dueAt, String assignee, String plannedBy, Instant now) {
		checkDue(dueAt, now);
		this.caseType = caseType;
		this.caseId = caseId;
		this.customerId = customerId;
		this.caseTitle = caseTitle == null || caseTitle.length() <= SUBJECT_MAX ? caseTitle
				: caseTitle.substring(0, SUBJECT_MAX);
		this.type = type;
		this.subject = subject.strip();
		this.note = blankToNull(note);
		this.dueAt = dueAt;
		this.assignee = assignee;
		this.plannedBy = plannedBy;
		this.plannedAt = now;
		this.state = ActivityState.OPEN;
	}

	/** Done, with what came of it; refused when it is no longer open. */
	ActivityCompleted done(String outcome, String user, Instant now) {
		open("done");
		this.state = ActivityState.DONE;
		this.outcome = blankToNull(outcome);
		this.doneBy = user;
		this.doneAt = now;
		return new ActivityCompleted(id, customerId, caseType, caseId, type, subject, this.outcome, user, now);
	}

	/** Due at another time; refused when it is no longer open or the time breaks the rule. */
	void reschedule(Instant dueAt, Instant now) {
		open("rescheduled");
		checkDue(dueAt, now);
		this.dueAt = dueAt;
	}

	/** Will not happen; refused when it is no longer open. */
	void cancel(String user, Instant now) {
		open("cancelled");
		this.state = ActivityState.CANCELLED;
		this.doneBy = user;
		this.doneAt = now;
	}

	/** Whether this user may work it: the one it is for, or the one who planned it. */
	boolean workableBy(String user) {
		return user.equals(assignee) || user.equals(plannedBy);
	}

	private void open(String action) {
		if (state != ActivityState.OPEN) {
			throw new ConflictException("Activity " + id + " is already " + state.name().toLowerCase()
					+ (doneBy != null ? " (by " + doneBy + ")" : "") + " and cannot be " + action + ".");
		}
	}

	static void checkDue(Instant dueAt, Instant now) {
		if (dueAt == null) {
			throw new InvalidInputException("dueAt", "must not be empty");
		}
		if (dueAt.isBefore(now.minus(PAST_GRACE))) {
			throw new InvalidInputException("dueAt", "must be at most 24 hours in the past");
		}
		if (dueAt.isAfter(now.plus(HORIZON))) {
			throw new InvalidInputException("dueAt", "must be at most two years ahead");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	ActivityView view(Instant now) {
		return new ActivityView(id, caseType, caseId, caseTitle, type, subject, note, dueAt, assignee, plannedBy,
				plannedAt, state, outcome, doneBy, doneAt, state == ActivityState.OPEN && dueAt.isBefore(now));
	}

	Long getId() {
		return id;
	}

	String getCaseType() {
		return caseType;
	}

	long getCaseId() {
		return caseId;
	}

	String getAssignee() {
		return assignee;
	}

}
