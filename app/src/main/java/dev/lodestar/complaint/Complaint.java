package dev.lodestar.complaint;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's complaint. Its life follows the process, and its rules hold here: a complaint is
 * resolved only while open, answered by the customer only while resolved, reopened only when
 * the customer rejected the resolution, closed only once resolved.
 */
@Entity
@Table(name = "crm_complaint")
public class Complaint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long customerId;

	private String customerName;

	private String customerEmail;

	private String customerPhone;

	@Enumerated(EnumType.STRING)
	private ReplyChannel preferredContact;

	@Enumerated(EnumType.STRING)
	private CustomerTier customerTier;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	private Category category;

	private String description;

	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	private ComplaintStatus status;

	private String severity;

	private String queue;

	private String handlingRole;

	private Integer responseTargetHours;

	private Integer resolutionTargetHours;

	private Instant responseDueAt;

	private Instant resolutionDueAt;

	private int escalationCount;

	private String resolution;

	private BigDecimal compensation;

	@Enumerated(EnumType.STRING)
	private CustomerReply customerReply;

	private String customerComment;

	private Integer satisfaction;

	private int reopenCount;

	private String firstResponseNote;

	private String firstResponseBy;

	private Instant firstResponseAt;

	private String createdBy;

	private Instant createdAt;

	private Instant resolvedAt;

	private Instant closedAt;

	@Version
	private long version;

	protected Complaint() {
	}

	Complaint(Long customerId, String customerName, String customerEmail, String customerPhone, CustomerTier tier,
			Channel channel, Category category, String description, Instant receivedAt, String createdBy,
			Instant now) {
		this.customerId = customerId;
		this.customerName = customerName;
		this.customerEmail = customerEmail;
		this.customerPhone = customerPhone;
		this.preferredContact = customerEmail == null ? ReplyChannel.PHONE : ReplyChannel.EMAIL;
		this.customerTier = tier;
		this.channel = channel;
		this.category = category;
		this.description = description;
		this.receivedAt = receivedAt;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.status = ComplaintStatus.OPEN;
	}

	/** The classification decision's verdict and the targets it implies. */
	void classify(String severity, String queue, String handlingRole, int responseTargetHours,
			int resolutionTargetHours, Instant responseDueAt, Instant resolutionDueAt) {
		this.severity = severity;
		this.queue = queue;
		this.handlingRole = handlingRole;
		this.responseTargetHours = responseTargetHours;
		this.resolutionTargetHours = resolutionTargetHours;
		this.responseDueAt = responseDueAt;
		this.resolutionDueAt = resolutionDueAt;
	}

	/** The agent contacted the customer: what was said is kept with the case. */
	void firstResponse(String note, String by, Instant at) {
		if (status == ComplaintStatus.CLOSED) {
			throw new IllegalStateException("complaint " + id + " is closed");
		}
		this.firstResponseNote = note;
		this.firstResponseBy = by;
		this.firstResponseAt = at;
	}

	/** A service level was breached and the managers were told. */
	void escalated() {
		this.escalationCount++;
	}

	/** The agreed resolution; refused unless the complaint is open. */
	void resolve(String resolution, BigDecimal compensation, Instant now) {
		if (status != ComplaintStatus.OPEN) {
			throw new IllegalStateException("complaint " + id + " is " + status + ", not open: it cannot be resolved");
		}
		if (resolution == null || resolution.isBlank()) {
			throw new IllegalArgumentException("a resolution needs a text");
		}
		this.resolution = resolution;
		this.compensation = compensation;
		this.status = ComplaintStatus.RESOLVED;
		this.resolvedAt = now;
		this.customerReply = null;
	}

	/** The customer's answer to the resolution; only one answer per resolution. */
	void recordReply(CustomerReply reply, Integer satisfaction, String comment) {
		if (status != ComplaintStatus.RESOLVED || customerReply != null) {
			throw new IllegalStateException("complaint " + id + " is not waiting for the customer's answer");
		}
		if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
			throw new IllegalArgumentException("satisfaction must be between 1 and 5");
		}
		this.customerReply = reply;
		if (satisfaction != null) {
			this.satisfaction = satisfaction;
		}
		this.customerComment = comment;
	}

	/** The customer rejected the resolution: work on it again, with a fresh resolution target. */
	void reopen(Instant resolutionDueAt) {
		if (status != ComplaintStatus.RESOLVED || customerReply != CustomerReply.REJECTED) {
			throw new IllegalStateException("complaint " + id + " can only reopen after the customer rejected its resolution");
		}
		this.status = ComplaintStatus.OPEN;
		this.reopenCount++;
		this.resolutionDueAt = resolutionDueAt;
	}

	/**
	 * The resolution clock ran again after the case waited for the customer: the target moves by
	 * the business time it waited (only while the complaint is open).
	 */
	void resolutionClockResumed(Instant resolutionDueAt) {
		if (status != ComplaintStatus.OPEN) {
			throw new IllegalStateException("complaint " + id + " waits for the customer only while open");
		}
		this.resolutionDueAt = resolutionDueAt;
	}

	/** Closes a resolved complaint that the customer confirmed or left unanswered. */
	void close(Instant now) {
		if (status != ComplaintStatus.RESOLVED || customerReply == CustomerReply.REJECTED || customerReply == null) {
			throw new IllegalStateException("complaint " + id + " can only close once resolved and confirmed or unanswered");
		}
		this.status = ComplaintStatus.CLOSED;
		this.closedAt = now;
	}

	public Long getId() {
		return id;
	}

	public Long getCustomerId() {
		return customerId;
	}

	public String getCustomerName() {
		return customerName;
	}

	public String getCustomerEmail() {
		return customerEmail;
	}

	public String getCustomerPhone() {
		return customerPhone;
	}

	/** How the customer wants the resolution; null on complaints recorded before it was asked. */
	public ReplyChannel getPreferredContact() {
		return preferredContact;
	}

	/**
	 * Whether the resolution goes out as a confirmation link by e-mail: the customer has an address
	 * and did not ask for a call. Otherwise an agent calls, and no page may speak of a link.
	 */
	public boolean repliesByEmail() {
		return customerEmail != null && preferredContact != ReplyChannel.PHONE;
	}

	/** The caller asked to be reached this way; the channel must have its address or number. */
	void preferContact(ReplyChannel channel) {
		if (channel == ReplyChannel.EMAIL && customerEmail == null) {
			throw new IllegalStateException("no e-mail address to reply to");
		}
		if (channel == ReplyChannel.PHONE && customerPhone == null) {
			throw new IllegalStateException("no phone number to call");
		}
		this.preferredContact = channel;
	}

	public CustomerTier getCustomerTier() {
		return customerTier;
	}

	public Channel getChannel() {
		return channel;
	}

	public Category getCategory() {
		return category;
	}

	public String getDescription() {
		return description;
	}

	public Instant getReceivedAt() {
		return receivedAt;
	}

	public ComplaintStatus getStatus() {
		return status;
	}

	public String getSeverity() {
		return severity;
	}

	public String getQueue() {
		return queue;
	}

	public String getHandlingRole() {
		return handlingRole;
	}

	public Integer getResponseTargetHours() {
		return responseTargetHours;
	}

	public Integer getResolutionTargetHours() {
		return resolutionTargetHours;
	}

	public Instant getResponseDueAt() {
		return responseDueAt;
	}

	public Instant getResolutionDueAt() {
		return resolutionDueAt;
	}

	public int getEscalationCount() {
		return escalationCount;
	}

	public String getResolution() {
		return resolution;
	}

	public BigDecimal getCompensation() {
		return compensation;
	}

	public CustomerReply getCustomerReply() {
		return customerReply;
	}

	public String getCustomerComment() {
		return customerComment;
	}

	public Integer getSatisfaction() {
		return satisfaction;
	}

	public int getReopenCount() {
		return reopenCount;
	}

	public String getFirstResponseNote() {
		return firstResponseNote;
	}

	public String getFirstResponseBy() {
		return firstResponseBy;
	}

	public Instant getFirstResponseAt() {
		return firstResponseAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getResolvedAt() {
		return resolvedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

}
