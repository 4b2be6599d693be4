package dev.lodestar.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A lead as the API shows it: its record, its opportunity (once qualified) and its open tasks. */
public record LeadView(long id, String company, String contactName, String email, String phone, LeadSource source,
		Region region, Segment segment, BigDecimal estimatedValue, String notes, LeadStage stage, String priority,
		String queue, String owner, Long customerId, Long duplicateOfId, String budget, String decisionMaker,
		String need, String timeline, String disqualifyReason, int timesReturned, String processInstanceId,
		Instant createdAt, String createdBy, java.time.LocalDate expectedCloseDate, Integer probability,
		OpportunityView opportunity, List<OpenTask> openTasks) {

	/** The opportunity of a qualified lead. */
	public record OpportunityView(long id, OpportunityStage stage, String owner, BigDecimal amount,
			BigDecimal discountPercent, String decisionMaker, String proposalSummary, Instant nextFollowUp,
			String discountDecision, String discountComment, String discountDecidedBy, BigDecimal finalAmount,
			String lostReason, Instant closedAt) {

		static OpportunityView of(Opportunity o) {
			return new OpportunityView(o.getId(), o.getStage(), o.getOwner(), o.getAmount(), o.getDiscountPercent(),
					o.getDecisionMaker(), o.getProposalSummary(), o.getNextFollowUp(), o.getDiscountDecision(),
					o.getDiscountComment(), o.getDiscountDecidedBy(), o.getFinalAmount(), o.getLostReason(),
					o.getClosedAt());
		}

	}

	/** An open user task of the lead's process. */
	public record OpenTask(String id, String taskDefinitionKey, String name, String assignee,
			List<String> candidateGroups, Instant due, Instant followUp, String formKey) {
	}

	static LeadView of(Lead l, Opportunity o, List<OpenTask> tasks) {
		return new LeadView(l.getId(), l.getCompany(), l.getContactName(), l.getEmail(), l.getPhone(), l.getSource(),
				l.getRegion(), l.getSegment(), l.getEstimatedValue(), l.getNotes(), l.getStage(), l.getPriority(),
				l.getQueue(), l.getOwner(), l.getCustomerId(), l.getDuplicateOfId(), l.getBudget(), l.getDecisionMaker(),
				l.getNeed(), l.getTimeline(), l.getDisqualifyReason(), l.getTimesReturned(), l.getProcessInstanceId(),
				l.getCreatedAt(), l.getCreatedBy(), l.getExpectedClose(), l.getProbability(), o == null ? null : OpportunityView.of(o), tasks);
	}

}
