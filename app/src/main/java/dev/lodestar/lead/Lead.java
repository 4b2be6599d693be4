package dev.lodestar.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;

import dev.lodestar.system.ConflictException;
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
 * A prospective sale as it came in, and its qualification. The stage rules live here: a lead
 * is qualified only with all four BANT answers, disqualified only with a reason, and never
 * twice.
 */
@Entity
@Table(name = "crm_lead")
public class Lead {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String company;

	private String contactName;

	private String email;

	private String phone;

	@Enumerated(EnumType.STRING)
	private LeadSource source;

	@Enumerated(EnumType.STRING)
	private Region region;

	@Enumerated(EnumType.STRING)
	private Segment segment;

	private BigDecimal estimatedValue;

	private String notes;

	private Long customerId;

	private Long duplicateOfId;

	@Enumerated(EnumType.STRING)
	private LeadStage stage;

	private String priority;

	private String queue;

	private String owner;

	private String budget;

	private String decisionMaker;

	private String need;

	private String timeline;

	private String disqualifyReason;

	private int timesReturned;

	private java.time.LocalDate expectedClose;

	private Integer probability;

	private String processInstanceId;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected Lead() {
	}

	Lead(String company, String contactName, String email, String phone, LeadSource source, Region region,
			Segment segment, BigDecimal estimatedValue, String notes, String createdBy, Instant now) {
		this.company = company.strip();
		this.contactName = blankToNull(contactName);
		this.email = blankToNull(email);
		this.phone = blankToNull(phone);
		this.source = source;
		this.region = region;
		this.segment = segment != null ? segment : Segment.UNKNOWN;
		this.estimatedValue = estimatedValue;
		this.notes = blankToNull(notes);
		this.stage = LeadStage.NEW;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** The customer master entry this lead belongs to; a likely duplicate waits for a person. */
	void linkCustomer(long customerId, Long likelyDuplicateOf, Instant now) {
		requireStage(LeadStage.NEW, LeadStage.DUPLICATE_REVIEW);
		this.customerId = customerId;
		this.duplicateOfId = likelyDuplicateOf;
		this.stage = likelyDuplicateOf != null ? LeadStage.DUPLICATE_REVIEW : LeadStage.NEW;
		this.updatedAt = now;
	}

	/** The rep decided about the likely duplicate: the lead now belongs to this customer. */
	void duplicateResolved(long customerId, Instant now) {
		requireStage(LeadStage.DUPLICATE_REVIEW);
		this.customerId = customerId;
		this.duplicateOfId = null;
		this.updatedAt = now;
	}

	void routed(String priority, String queue, Instant now) {
		requireStage(LeadStage.NEW, LeadStage.DUPLICATE_REVIEW);
		this.priority = priority;
		this.queue = queue;
		this.stage = LeadStage.QUALIFYING;
		this.updatedAt = now;
	}

	/** Nobody touched the lead in time: it goes back to its queue, without an owner. */
	void returnedToQueue(Instant now) {
		requireStage(LeadStage.QUALIFYING);
		this.owner = null;
		this.timesReturned++;
		this.updatedAt = now;
	}

	/** A sales rep captured the lead herself: it is hers from the start. */
	void ownedByCreator(Instant now) {
		requireStage(LeadStage.NEW);
		this.owner = createdBy;
		this.updatedAt = now;
	}

	/** A rep claimed the lead's qualification: she owns it, unless somebody does already. */
	void claimedBy(String user, Instant now) {
		requireStage(LeadStage.QUALIFYING);
		if (owner == null) {
			this.owner = user;
		}
		this.updatedAt = now;
	}

	/** A manager made somebody else the owner; a disqualified lead keeps the owner it ended with. */
	void transferTo(String user, Instant now) {
		if (stage == LeadStage.DISQUALIFIED) {
			throw new ConflictException("Lead " + id + " is disqualified; its owner stays " + owner + ".");
		}
		if (user == null || user.isBlank()) {
			throw new InvalidInputException("userId", "must name the new owner");
		}
		this.owner = user;
		this.updatedAt = now;
	}

	/** BANT: budget, authority (the decision maker), need and timeline must all be known. */
	void qualify(String budget, String decisionMaker, String need, String timeline, String by, Instant now) {
		requireStage(LeadStage.QUALIFYING);
		var errors = new ArrayList<FieldError>();
		requireText(errors, "budget", budget, "is needed to qualify a lead (BANT: budget)");
		requireText(errors, "decisionMaker", decisionMaker, "is needed to qualify a lead (BANT: authority)");
		requireText(errors, "need", need, "is needed to qualify a lead (BANT: need)");
		requireText(errors, "timeline", timeline, "is needed to qualify a lead (BANT: timeline)");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.budget = budget.strip();
		this.decisionMaker = decisionMaker.strip();
		this.need = need.strip();
		this.timeline = timeline.strip();
		if (owner == null) {
			this.owner = by;
		}
		this.stage = LeadStage.QUALIFIED;
		this.updatedAt = now;
	}

	void disqualify(String reason, String by, Instant now) {
		requireStage(LeadStage.QUALIFYING);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("disqualifyReason", "is needed to disqualify a lead");
		}
		this.disqualifyReason = reason.strip();
		if (owner == null) {
			this.owner = by;
		}
		this.stage = LeadStage.DISQUALIFIED;
		this.updatedAt = now;
	}

	/**
	 * When the owner expects the lead to close and, optionally, how likely that is in percent
	 * (without it, the forecast takes its stage's). Only for a lead still in play: a disqualified
	 * lead has nothing to forecast (a won or lost deal is refused by the caller, which knows the
	 * opportunity).
	 */
	void expectClose(java.time.LocalDate date, Integer probabilityPercent, Instant now) {
		if (stage == LeadStage.DISQUALIFIED) {
			throw new ConflictException("Lead " + id + " is disqualified; it has no expected close date.");
		}
		var errors = new ArrayList<FieldError>();
		if (date == null) {
			errors.add(new FieldError("expectedCloseDate", "is required"));
		}
		if (probabilityPercent != null && (probabilityPercent < 0 || probabilityPercent > 100)) {
			errors.add(new FieldError("probability", "must be between 0 and 100"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.expectedClose = date;
		this.probability = probabilityPercent;
		this.updatedAt = now;
	}

	void customerMerged(long survivorId) {
		this.customerId = survivorId;
		if (duplicateOfId != null && duplicateOfId == survivorId) {
			this.duplicateOfId = null;
		}
	}

	/** An undone merge: the lead goes back to the customer it belonged to before. */
	void customerMovedBack(long customerId) {
		this.customerId = customerId;
	}

	private void requireStage(LeadStage... allowed) {
		for (LeadStage s : allowed) {
			if (stage == s) {
				return;
			}
		}
		throw new ConflictException("Lead " + id + " is " + stage + "; this step needs it to be "
				+ java.util.Arrays.toString(allowed) + ".");
	}

	static void requireText(java.util.List<FieldError> errors, String field, String value, String message) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, message));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public Long getId() {
		return id;
	}

	public String getCompany() {
		return company;
	}

	public String getContactName() {
		return contactName;
	}

	public String getEmail() {
		return email;
	}

	public String getPhone() {
		return phone;
	}

	public LeadSource getSource() {
		return source;
	}

	public Region getRegion() {
		return region;
	}

	public Segment getSegment() {
		return segment;
	}

	public BigDecimal getEstimatedValue() {
		return estimatedValue;
	}

	public String getNotes() {
		return notes;
	}

	public Long getCustomerId() {
		return customerId;
	}

	public Long getDuplicateOfId() {
		return duplicateOfId;
	}

	public LeadStage getStage() {
		return stage;
	}

	public String getPriority() {
		return priority;
	}

	public String getQueue() {
		return queue;
	}

	public String getOwner() {
		return owner;
	}

	public String getBudget() {
		return budget;
	}

	public String getDecisionMaker() {
		return decisionMaker;
	}

	public String getNeed() {
		return need;
	}

	public String getTimeline() {
		return timeline;
	}

	public String getDisqualifyReason() {
		return disqualifyReason;
	}

	public int getTimesReturned() {
		return timesReturned;
	}

	public java.time.LocalDate getExpectedClose() {
		return expectedClose;
	}

	public Integer getProbability() {
		return probability;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
