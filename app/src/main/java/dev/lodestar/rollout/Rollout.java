package dev.lodestar.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One CRM rollout programme, sponsored by an executive (the top-leader principle). */
@Entity
@Table(name = "crm_rollout")
public class Rollout {

	enum Status {
		RUNNING, COMPLETED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String sponsor;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String strategy;

	private String internalProjectManager;

	private String partnerProjectManager;

	private String processInstanceId;

	private String createdBy;

	private Instant createdAt;

	private Instant completedAt;

	protected Rollout() {
	}

	Rollout(String name, String sponsor, String strategy, String createdBy, Instant now) {
		this.name = name;
		this.sponsor = sponsor;
		this.strategy = strategy;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.status = Status.RUNNING;
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** Two co-project-managers: one internal (a Lodestar user), one from the implementation partner. */
	void formProjectTeam(String internal, String partner) {
		var errors = new ArrayList<FieldError>();
		if (internal == null || internal.isBlank()) {
			errors.add(new FieldError("internalProjectManager", "the internal co-project-manager is required"));
		}
		if (partner == null || partner.isBlank()) {
			errors.add(new FieldError("partnerProjectManager", "the partner's co-project-manager is required"));
		}
		if (errors.isEmpty() && internal.trim().equalsIgnoreCase(partner.trim())) {
			errors.add(new FieldError("partnerProjectManager", "the two co-project-managers must be two people"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(List.copyOf(errors));
		}
		this.internalProjectManager = internal.trim();
		this.partnerProjectManager = partner.trim();
	}

	void complete(Instant now) {
		if (status == Status.COMPLETED) {
			return;
		}
		status = Status.COMPLETED;
		completedAt = now;
	}

	public Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	String getSponsor() {
		return sponsor;
	}

	Status getStatus() {
		return status;
	}

	String getStrategy() {
		return strategy;
	}

	String getInternalProjectManager() {
		return internalProjectManager;
	}

	String getPartnerProjectManager() {
		return partnerProjectManager;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getCompletedAt() {
		return completedAt;
	}

}
