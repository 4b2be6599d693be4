package dev.lodestar.complaint;

import java.time.Clock;
import dev.lodestar.system.SystemText;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.system.ProcessApi;

/**
 * Completion of {@code Task_CallWithResolution} ({@code ${complaintPhoneAnswer.record(task)}}): a customer
 * without an e-mail address was called with the resolution. Their answer, as the agent records
 * it, is kept on the complaint (confirmed with a score, or rejected with what is still wrong)
 * and in the customer's interaction log, just as an answer through the e-mailed link would be;
 * {@code customerConfirmed} then takes the process on as the link's answer does.
 */
@Component("complaintPhoneAnswer")
public class ComplaintPhoneAnswer {

	private final Complaints complaints;
	private final CustomerService customers;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ComplaintPhoneAnswer(Complaints complaints, CustomerService customers, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.complaints = complaints;
		this.customers = customers;
		this.events = events;
		this.clock = clock.orElse(dev.lodestar.system.EngineClock.INSTANCE);
	}

	@ProcessApi
	public void record(DelegateTask task) {
		boolean confirmed = dev.lodestar.system.FormValues.bool(task.getVariable(ComplaintToResolution.VAR_CUSTOMER_CONFIRMED));
		Object score = task.getVariable(ComplaintToResolution.VAR_SATISFACTION_SCORE);
		Integer satisfaction = confirmed && score instanceof Number n ? Integer.valueOf(n.intValue()) : null;
		Object said = task.getVariable(ComplaintToResolution.VAR_CUSTOMER_COMMENT);
		String comment = dev.lodestar.system.FormValues.textOrNull(said);
		Object id = task.getVariable(ComplaintToResolution.VAR_COMPLAINT_ID);
		long complaintId = dev.lodestar.system.FormValues.id(id != null ? id : task.getExecution().getProcessBusinessKey());
		Complaint complaint = complaints.findById(complaintId)
			.orElseThrow(() -> new IllegalStateException("complaint " + complaintId + " of this task is gone"));
		complaint.recordReply(confirmed ? CustomerReply.CONFIRMED : CustomerReply.REJECTED, satisfaction, comment);
		if (satisfaction != null) {
			events.publishEvent(new SatisfactionRecorded(complaint.getId(), satisfaction));
		}
		if (complaint.getCustomerId() != null) {
			String number = complaint.getId().toString();
			customers.logInteraction(complaint.getCustomerId(), NewInteraction.written(InteractionType.CALL, clock.instant(),
					task.getAssignee() != null ? task.getAssignee() : complaint.getCreatedBy(), complaint.getCustomerName(),
					comment == null ? SystemText.of("interaction.resolutionByPhone", number)
							: SystemText.of("interaction.resolutionByPhoneWithComment", number, comment),
					!confirmed ? SystemText.of("outcome.rejected")
							: satisfaction == null ? SystemText.of("outcome.confirmed")
									: SystemText.of("outcome.confirmedWithScore", String.valueOf(satisfaction)),
					"complaint", number));
		}
	}

}
