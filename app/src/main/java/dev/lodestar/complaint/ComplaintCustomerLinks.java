package dev.lodestar.complaint;

import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerMergeUndone;
import dev.lodestar.customer.CustomerRecords;
import dev.lodestar.customer.CustomersMerged;

/**
 * Complaints follow their customer when a duplicate is merged away, and go back when the merge
 * is undone, in the customer module's transaction.
 */
@Component
class ComplaintCustomerLinks implements CustomerRecords {

	static final String COMPLAINTS = "complaints";

	private final Complaints complaints;

	ComplaintCustomerLinks(Complaints complaints) {
		this.complaints = complaints;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, List<Long>> recordsOf(long customerId) {
		return Map.of(COMPLAINTS, complaints.idsOfCustomer(customerId));
	}

	@EventListener
	@Transactional
	void on(CustomersMerged merged) {
		complaints.moveToCustomer(merged.duplicateId(), merged.survivorId());
	}

	@EventListener
	@Transactional
	void on(CustomerMergeUndone undone) {
		List<Long> ids = undone.records().getOrDefault(COMPLAINTS, List.of());
		for (int from = 0; from < ids.size(); from += 1000) {
			complaints.moveBack(ids.subList(from, Math.min(from + 1000, ids.size())), undone.survivorId(),
					undone.duplicateId());
		}
	}

}
