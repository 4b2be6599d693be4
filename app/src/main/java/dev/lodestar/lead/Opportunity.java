package dev.lodestar.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.DecimalColumn;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A qualified lead on its way to a sale. Stage gating lives here: no proposal without an
 * amount, a decision maker and a follow-up date; no rejected discount without a comment; no
 * lost deal without a reason.
 */
@Entity
@Table(name = "crm_opportunity")
public class Opportunity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long leadId;

	private Long customerId;

	@Enumerated(EnumType.STRING)
	private OpportunityStage stage;

	private String owner;

	private BigDecimal amount;

	private BigDecimal discountPercent;

	private String decisionMaker;

	private String proposalSummary;

	private Instant nextFollowUp;

	private String discountDecision;

	private String discountComment;

	private String discountDecidedBy;

	private BigDecimal finalAmount;

	private String lostReason;

	private Instant closedAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Opportunity() {
	}

	Opportunity(Lead lead, Instant now) {
		if (lead.getStage() != LeadStage.QUALIFIED) {
			throw new ConflictException("Only a qualified lead becomes an opportunity; lead " + lead.getId() + " is "
					+ lead.getStage() + ".");
		}
		this.leadId = lead.getId();
		this.customerId = lead.getCustomerId();
		this.owner = lead.getOwner();
		this.decisionMaker = lead.getDecisionMaker();
		this.amount = lead.getEstimatedValue();
		this.stage = OpportunityStage.PROPOSAL;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * The proposal: amount, decision maker and next follow-up are required; a discount between
	 * 0 and 100 %. Whether the discount needs approval is the process's business.
	 */
	void propose(BigDecimal amount, BigDecimal discountPercent, String decisionMaker, String summary,
			Instant nextFollowUp, Instant now) {
		requireStage(OpportunityStage.PROPOSAL);
		var errors = new ArrayList<FieldError>();
		if (amount == null || amount.signum() <= 0) {
			errors.add(new FieldError("amount", "a proposal needs an amount above zero"));
		}
		else {
			DecimalColumn.MONEY_15_2.check("amount", amount, errors);
		}
		if (discountPercent != null && (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
			errors.add(new FieldError("discountPercent", "must be between 0 and 100"));
		}
		else if (discountPercent != null) {
			DecimalColumn.PERCENT_5_2.check("discountPercent", discountPercent, errors);
		}
		Lead.requireText(errors, "decisionMaker", decisionMaker, "a proposal needs the decision maker it goes to");
		if (nextFollowUp == null) {
			errors.add(new FieldError("nextFollowUp", "a proposal needs the date of the next follow-up"));
		}
		else if (!nextFollowUp.isAfter(now)) {
			errors.add(new FieldError("nextFollowUp", "must be in the future"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.amount = amount;
		this.discountPercent = discountPercent != null ? discountPercent : BigDecimal.ZERO;
		this.decisionMaker = decisionMaker.strip();
		this.proposalSummary = summary;
		this.nextFollowUp = nextFollowUp;
		this.discountDecision = null;
		this.discountComment = null;
		this.discountDecidedBy = null;
		this.updatedAt = now;
	}

	void awaitDiscountApproval(Instant now) {
		requireStage(OpportunityStage.PROPOSAL);
		this.stage = OpportunityStage.DISCOUNT_APPROVAL;
		this.updatedAt = now;
	}

	/** Whether this proposal's discount is above the threshold, so a sales manager must approve it. */
	boolean needsDiscountApproval(BigDecimal threshold) {
		return discountPercent != null && discountPercent.compareTo(threshold) > 0;
	}

	/**
	 * Negotiation starts with an approved discount or one within the threshold, whatever path
	 * led here: the rule holds even if the process were steered around the approval.
	 */
	void startNegotiation(BigDecimal threshold, Instant now) {
		requireStage(OpportunityStage.PROPOSAL, OpportunityStage.DISCOUNT_APPROVAL);
		if (needsDiscountApproval(threshold) && !"APPROVED".equals(discountDecision)) {
			throw new dev.lodestar.system.ConflictException("A discount of " + discountPercent.stripTrailingZeros()
				.toPlainString() + " % is above the approval threshold of " + threshold.stripTrailingZeros()
					.toPlainString() + " %: a sales manager approves it first.");
		}
		this.stage = OpportunityStage.NEGOTIATION;
		this.updatedAt = now;
	}

	void approveDiscount(String by, String comment, Instant now) {
		requireStage(OpportunityStage.DISCOUNT_APPROVAL);
		this.discountDecision = "APPROVED";
		this.discountComment = comment;
		this.discountDecidedBy = by;
		this.updatedAt = now;
	}

	/** A rejected discount goes back to the proposal, with the manager's reason for the rep. */
	void rejectDiscount(String by, String comment, Instant now) {
		requireStage(OpportunityStage.DISCOUNT_APPROVAL);
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputException("discountComment", "say why the discount is rejected");
		}
		this.discountDecision = "REJECTED";
		this.discountComment = comment.strip();
		this.discountDecidedBy = by;
		this.stage = OpportunityStage.PROPOSAL;
		this.updatedAt = now;
	}

	void win(BigDecimal finalAmount, Instant now) {
		requireStage(OpportunityStage.NEGOTIATION);
		this.finalAmount = finalAmount != null ? DecimalColumn.MONEY_15_2.require("finalAmount", finalAmount)
				: discounted();
		this.stage = OpportunityStage.WON;
		this.closedAt = now;
		this.updatedAt = now;
	}

	void lose(String reason, Instant now) {
		requireStage(OpportunityStage.NEGOTIATION);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("lostReason", "a lost deal needs a reason");
		}
		this.lostReason = reason.strip();
		this.stage = OpportunityStage.LOST;
		this.closedAt = now;
		this.updatedAt = now;
	}

	void customerMerged(long survivorId) {
		this.customerId = survivorId;
	}

	/** An undone merge: the opportunity goes back to the customer it belonged to before. */
	void customerMovedBack(long customerId) {
		this.customerId = customerId;
	}

	private BigDecimal discounted() {
		if (amount == null) {
			return null;
		}
		BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
		return amount.multiply(BigDecimal.valueOf(100).subtract(discount)).divide(BigDecimal.valueOf(100), 2,
				java.math.RoundingMode.HALF_UP);
	}

	/** A manager made somebody else the owner of the deal; a closed deal keeps its owner. */
	void transferTo(String user, Instant now) {
		if (stage == OpportunityStage.WON || stage == OpportunityStage.LOST) {
			throw new ConflictException("The deal of lead " + leadId + " is " + stage + "; its owner stays " + owner + ".");
		}
		this.owner = user;
		this.updatedAt = now;
	}

	private void requireStage(OpportunityStage... allowed) {
		for (OpportunityStage s : allowed) {
			if (stage == s) {
				return;
			}
		}
		throw new ConflictException("Opportunity " + id + " is " + stage + "; this step needs it to be "
				+ java.util.Arrays.toString(allowed) + ".");
	}

	public Long getId() {
		return id;
	}

	public Long getLeadId() {
		return leadId;
	}

	public Long getCustomerId() {
		return customerId;
	}

	public OpportunityStage getStage() {
		return stage;
	}

	public String getOwner() {
		return owner;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public BigDecimal getDiscountPercent() {
		return discountPercent;
	}

	public String getDecisionMaker() {
		return decisionMaker;
	}

	public String getProposalSummary() {
		return proposalSummary;
	}

	public Instant getNextFollowUp() {
		return nextFollowUp;
	}

	public String getDiscountDecision() {
		return discountDecision;
	}

	public String getDiscountComment() {
		return discountComment;
	}

	public String getDiscountDecidedBy() {
		return discountDecidedBy;
	}

	public BigDecimal getFinalAmount() {
		return finalAmount;
	}

	public String getLostReason() {
		return lostReason;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

}
