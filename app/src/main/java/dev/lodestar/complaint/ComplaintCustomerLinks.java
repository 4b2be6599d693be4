package dev.lodestar.complaint;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomersMerged;

/** Complaints follow their customer when a duplicate is merged away, in the merging transaction. */
@Component
class ComplaintCustomerLinks {

	private final Complaints complaints;

	ComplaintCustomerLinks(Complaints complaints) {
		this.complaints = complaints;
	}

	@EventListener
	@Transactional
	void on(CustomersMerged merged) {
		complaints.moveToCustomer(merged.duplicateId(), merged.survivorId());
	}

}
