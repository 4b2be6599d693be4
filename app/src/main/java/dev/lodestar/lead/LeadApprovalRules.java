package dev.lodestar.lead;

import org.springframework.stereotype.Component;

import dev.lodestar.system.FormValues;
import dev.lodestar.system.ProcessApi;

/**
 * The approval decision of earlier versions of {@code lead-to-sale}'s gateway {@code Gateway_DiscountNeedsApproval},
 * as a one-line expression ({@code ${leadApprovalRules.needsApproval(leadId)}}): the proposal's
 * discount as the opportunity holds it, against the threshold of {@link LeadSettings}. Nothing a
 * task's worker can write (a process variable) takes part in it. The current model holds its
 * threshold itself ({@code ${discountPercent > 10}}, processes/README.md); cases running on a
 * version from before still call this.
 */
// public: the engine's expression language calls it by reflection
@Component("leadApprovalRules")
public class LeadApprovalRules {

	private final LeadSteps leads;

	LeadApprovalRules(LeadSteps leads) {
		this.leads = leads;
	}

	@ProcessApi
	public boolean needsApproval(Object leadId) {
		return leads.needsDiscountApproval(FormValues.id(leadId));
	}

}
