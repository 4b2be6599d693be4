package dev.lodestar.complaint;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One time a complaint waited for the customer: its resolution clock stopped at {@code pausedAt}
 * (who asked, and why) and ran again at {@code resumedAt} (the customer's mail, an agent, or no
 * answer in time). Open while {@code resumedAt} is empty.
 */
@Entity
@Table(name = "crm_complaint_sla_pause")
public class SlaPause {

	/** How the clock started again. */
	public enum Resumed {
		/** the customer's mail answered the question */
		MAIL,
		/** an agent resumed the case by hand */
		AGENT,
		/** the customer did not answer in time */
		TIMEOUT
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long complaintId;

	private Instant pausedAt;

	private String pausedBy;

	private String pauseNote;

	private Instant resumedAt;

	private String resumedBy;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Resumed resumedHow;

	private String resumeNote;

	protected SlaPause() {
	}

	SlaPause(long complaintId, Instant pausedAt, String pausedBy, String pauseNote) {
		this.complaintId = complaintId;
		this.pausedAt = pausedAt;
		this.pausedBy = cut(pausedBy, 64);
		this.pauseNote = cut(pauseNote, 2000);
	}

	/** The clock runs again; a pause ends once. */
	void resume(Instant at, String by, Resumed how, String note) {
		if (resumedAt != null) {
			throw new IllegalStateException("the pause of complaint " + complaintId + " already ended");
		}
		this.resumedAt = at.isBefore(pausedAt) ? pausedAt : at;
		this.resumedBy = cut(by, 64);
		this.resumedHow = how;
		this.resumeNote = cut(note, 2000);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	public Long getId() {
		return id;
	}

	public long getComplaintId() {
		return complaintId;
	}

	public Instant getPausedAt() {
		return pausedAt;
	}

	public String getPausedBy() {
		return pausedBy;
	}

	public String getPauseNote() {
		return pauseNote;
	}

	public Instant getResumedAt() {
		return resumedAt;
	}

	public String getResumedBy() {
		return resumedBy;
	}

	public Resumed getResumedHow() {
		return resumedHow;
	}

	public String getResumeNote() {
		return resumeNote;
	}

}
