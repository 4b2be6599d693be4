package dev.lodestar.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.BusinessCalendar;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ProcessApi;

/**
 * The resolution clock of a complaint, which stops while the case waits for the customer
 * ({@code Task_AwaitCustomerAnswer} of {@code complaint-to-resolution}) and runs on with the time
 * that was left. The one place that knows a case's paused time ({@link #pausedTime}): on resume it
 * moves {@code resolutionClockStart} by the business time paused, so every date computed from it
 * (the tasks' due and follow-up dates that My work, the complaint list and the cockpit's SLA
 * compliance read, the complaint's resolution target) counts the pause out; and it moves the
 * running SLA timers' jobs ({@code Timer_ResolutionWarning}, {@code Timer_ResolutionBreached}),
 * whose due dates it sets out of reach for the time of the wait ({@link #STOPPED}), so that no
 * warning or breach fires while waiting.
 */
@Component("complaintSlaClock")
public class ComplaintSlaClock {

	static final String SYSTEM = "system";

	/**
	 * A stopped timer's due date: out of reach until the wait ends and sets the real one. (Not a
	 * suspension: the engine cannot reactivate and move a job in the one transaction of the resume.)
	 */
	static final Date STOPPED = Date.from(java.time.LocalDate.of(9999, 12, 31).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());

	/** The timers of the resolution phase that stop while the case waits (a fired warning is gone). */
	private static final List<String> TIMERS = List.of(ComplaintToResolution.TIMER_RESOLUTION_WARNING,
			ComplaintToResolution.TIMER_RESOLUTION_BREACHED);

	private final SlaPauses pauses;
	private final Complaints complaints;
	private final BusinessCalendar calendar;
	private final ManagementService managementService;
	private final RuntimeService runtimeService;
	private final Clock clock;

	ComplaintSlaClock(SlaPauses pauses, Complaints complaints, BusinessCalendar calendar,
			ManagementService managementService, RuntimeService runtimeService, Optional<Clock> clock) {
		this.pauses = pauses;
		this.complaints = complaints;
		this.calendar = calendar;
		this.managementService = managementService;
		this.runtimeService = runtimeService;
		this.clock = clock.orElse(dev.lodestar.system.EngineClock.INSTANCE);
	}

	// --- what people and mail do

	/** An agent asks the customer something: the investigation waits, the clock stops. */
	@Transactional
	public void askCustomer(long complaintId, String question, String agent) {
		known(complaintId);
		String note = required("question", question);
		correlate(ComplaintToResolution.MSG_WAIT_FOR_CUSTOMER, complaintId,
				ComplaintToResolution.VAR_SLA_PAUSED_BY, agent, ComplaintToResolution.VAR_SLA_PAUSE_NOTE, note, null);
	}

	/** An agent continues a waiting case by hand (the customer called, say). */
	@Transactional
	public void resumeByHand(long complaintId, String note, String agent) {
		known(complaintId);
		if (!isWaiting(complaintId)) {
			throw new ConflictException("complaint " + complaintId + " is not waiting for the customer");
		}
		correlate(ComplaintToResolution.MSG_CUSTOMER_ANSWERED, complaintId, ComplaintToResolution.VAR_SLA_RESUMED_BY,
				agent, ComplaintToResolution.VAR_SLA_RESUME_NOTE, required("note", note), SlaPause.Resumed.AGENT);
	}

	/**
	 * The customer's mail reached a case: when the case waits for them, it goes on. Returns whether
	 * it did (a case that does not wait keeps the mail on its thread only).
	 */
	@Transactional
	public boolean customerWrote(long complaintId, String subject) {
		if (!isWaiting(complaintId)) {
			return false;
		}
		correlate(ComplaintToResolution.MSG_CUSTOMER_ANSWERED, complaintId, ComplaintToResolution.VAR_SLA_RESUMED_BY,
				"customer", ComplaintToResolution.VAR_SLA_RESUME_NOTE, subject, SlaPause.Resumed.MAIL);
		return true;
	}

	private void correlate(String message, long complaintId, String byVar, String by, String noteVar, String note,
			SlaPause.Resumed how) {
		var correlation = runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(String.valueOf(complaintId))
			.setVariable(byVar, by)
			.setVariable(noteVar, note);
		if (how != null) {
			correlation.setVariable(ComplaintToResolution.VAR_SLA_RESUMED_HOW, how.name());
		}
		try {
			correlation.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new ConflictException(how == null
					? "complaint " + complaintId + " is not being investigated: there is nothing to ask the customer now"
					: "complaint " + complaintId + " is not waiting for the customer");
		}
	}

	private void known(long complaintId) {
		if (!complaints.existsById(complaintId)) {
			throw new dev.lodestar.system.NotFoundException("Complaint", complaintId);
		}
	}

	private static String required(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "must not be empty");
		}
		if (text.strip().length() > 2000) {
			throw new InvalidInputException(field, "must be at most 2000 characters");
		}
		return text.strip();
	}

	// --- the model's listeners on Task_AwaitCustomerAnswer

	/** The case starts waiting: the pause is recorded, the resolution timers stop (due out of reach). */
	@ProcessApi
	public void pause(DelegateExecution execution) {
		long complaintId = complaintId(execution);
		Object by = execution.getVariable(ComplaintToResolution.VAR_SLA_PAUSED_BY);
		Object note = execution.getVariable(ComplaintToResolution.VAR_SLA_PAUSE_NOTE);
		pauses.save(new SlaPause(complaintId, clock.instant(), by == null ? SYSTEM : by.toString(),
				note == null ? null : note.toString()));
		for (String timer : TIMERS) {
			for (Job job : resolutionTimers(execution, timer)) {
				managementService.setJobDuedate(job.getId(), STOPPED);
			}
		}
		// what ends this wait says so afresh
		execution.removeVariable(ComplaintToResolution.VAR_SLA_RESUMED_BY);
		execution.removeVariable(ComplaintToResolution.VAR_SLA_RESUMED_HOW);
		execution.removeVariable(ComplaintToResolution.VAR_SLA_RESUME_NOTE);
	}

	/**
	 * The wait ends (answered, or no answer in time): the pause is closed, and the clock runs on
	 * from where it stopped: clock start, resolution target and timers move by the paused time.
	 */
	@ProcessApi
	public void resume(DelegateExecution execution) {
		long complaintId = complaintId(execution);
		Instant now = clock.instant();
		Object how = execution.getVariable(ComplaintToResolution.VAR_SLA_RESUMED_HOW);
		Object by = execution.getVariable(ComplaintToResolution.VAR_SLA_RESUMED_BY);
		Object note = execution.getVariable(ComplaintToResolution.VAR_SLA_RESUME_NOTE);
		SlaPause pause = pauses.findFirstByComplaintIdAndResumedAtIsNullOrderByIdDesc(complaintId)
			.orElseThrow(() -> new IllegalStateException("complaint " + complaintId + " is not paused"));
		pause.resume(now, by == null ? SYSTEM : by.toString(),
				how == null ? SlaPause.Resumed.TIMEOUT : SlaPause.Resumed.valueOf(how.toString()),
				note == null ? null : note.toString());
		pauses.save(pause);

		Duration paused = pausedTime(complaintId, pause.getPausedAt());
		Date start = (Date) execution.getVariable(ComplaintToResolution.VAR_RESOLUTION_CLOCK_START);
		int hours = ((Number) execution.getVariable(ComplaintToResolution.VAR_RESOLUTION_TARGET_HOURS)).intValue();
		Date movedStart = Date.from(calendar.plus(start.toInstant(), paused));
		execution.setVariable(ComplaintToResolution.VAR_RESOLUTION_CLOCK_START, movedStart);
		Complaint complaint = complaints.findById(complaintId).orElseThrow();
		complaint.resolutionClockResumed(calendar.deadline(movedStart, hours).toInstant());
		for (String timer : TIMERS) {
			Date due = ComplaintToResolution.TIMER_RESOLUTION_WARNING.equals(timer)
					? calendar.warning(movedStart, hours) : calendar.deadline(movedStart, hours);
			for (Job job : resolutionTimers(execution, timer)) {
				managementService.setJobDuedate(job.getId(), due);
			}
		}
	}

	// --- what pages and figures read

	/**
	 * The business time a case's resolution clock stood still since {@code since} (a wait still
	 * going on counts until now). The one computation of paused time: the resume moves the
	 * deadlines by it, so every figure read from them counts the pause out.
	 */
	public Duration pausedTime(long complaintId, Instant since) {
		Instant now = clock.instant();
		return pauses.findByComplaintIdOrderByPausedAtAscIdAsc(complaintId)
			.stream()
			.filter(p -> !p.getPausedAt().isBefore(since))
			.map(p -> calendar.between(p.getPausedAt(), p.getResumedAt() == null ? now : p.getResumedAt()))
			.reduce(Duration.ZERO, Duration::plus);
	}

	/** Whether the case waits for the customer now (its resolution clock stopped). */
	public boolean isWaiting(long complaintId) {
		return pauses.findFirstByComplaintIdAndResumedAtIsNullOrderByIdDesc(complaintId).isPresent();
	}

	/** Every pause of a case, oldest first, for its history. */
	public List<SlaPause> pauses(long complaintId) {
		return pauses.findByComplaintIdOrderByPausedAtAscIdAsc(complaintId);
	}

	private List<Job> resolutionTimers(DelegateExecution execution, String timer) {
		return managementService.createJobQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.activityId(timer)
			.list();
	}

	private static long complaintId(DelegateExecution execution) {
		Object id = execution.getVariable(ComplaintToResolution.VAR_COMPLAINT_ID);
		return dev.lodestar.system.FormValues.id(id != null ? id : execution.getProcessBusinessKey());
	}

}
