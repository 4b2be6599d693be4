package dev.lodestar.complaint;

import java.time.Clock;
import dev.lodestar.system.SystemText;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.InteractionType;
import dev.lodestar.customer.NewInteraction;
import dev.lodestar.system.ProcessApi;

/**
 * Completion of {@code Task_RespondToCustomer} ({@code ${complaintFirstResponse.record(task)}}): the agent who
 * gave the first response becomes the case's {@code firstResponder}, so that the investigation
 * comes back to them; the note is kept on the complaint and in the customer's interaction log.
 */
@Component("complaintFirstResponse")
public class ComplaintFirstResponse {

	private final Complaints complaints;
	private final CustomerService customers;
	private final Clock clock;

	ComplaintFirstResponse(Complaints complaints, CustomerService customers, Optional<Clock> clock) {
		this.complaints = complaints;
		this.customers = customers;
		this.clock = clock.orElse(dev.lodestar.system.EngineClock.INSTANCE); // the engine's time, as the case's history and timers
	}

	@ProcessApi
	public void record(DelegateTask task) {
		String responder = task.getAssignee();
		if (responder == null) {
			Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			responder = current == null ? null : current.getUserId();
		}
		task.setVariable(ComplaintToResolution.VAR_FIRST_RESPONDER, responder);
		Object id = task.getVariable(ComplaintToResolution.VAR_COMPLAINT_ID);
		long complaintId = dev.lodestar.system.FormValues.id(id != null ? id : task.getExecution().getProcessBusinessKey());
		Complaint complaint = complaints.findById(complaintId)
			.orElseThrow(() -> new IllegalStateException("complaint " + complaintId + " of this task is gone"));
		Object note = task.getVariable(ComplaintToResolution.VAR_CONTACT_NOTE);
		String text = dev.lodestar.system.FormValues.textOrNull(note);
		Instant now = clock.instant();
		String by = responder != null ? responder : complaint.getCreatedBy();
		complaint.firstResponse(text, by, now);
		if (complaint.getCustomerId() != null && text != null) {
			customers.logInteraction(complaint.getCustomerId(), NewInteraction.written(
					complaint.getCustomerPhone() != null ? InteractionType.CALL : InteractionType.EMAIL, now, by,
					complaint.getCustomerName(), SystemText.of("interaction.firstResponse", complaint.getId().toString(), text),
					null, "complaint", complaint.getId().toString()));
		}
	}

}
