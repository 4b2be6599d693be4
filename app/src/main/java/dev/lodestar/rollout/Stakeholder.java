package dev.lodestar.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person or group in the stakeholder register (IBM measure 1) with its place on the
 * power/interest grid and its ADKAR assessment.
 */
@Entity
@Table(name = "crm_stakeholder")
public class Stakeholder {

	/** The stakeholder groups the source material names. */
	public enum Category {
		DECISION_MAKER, OPINION_LEADER, SENIOR_MANAGER, MIDDLE_MANAGER, FRONT_LINE_MANAGER, EMPLOYEE, CUSTOMER
	}

	/** A score of 3 or less in an ADKAR dimension is a barrier point. */
	static final int BARRIER_THRESHOLD = 3;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long rolloutId;

	private String name;

	@Enumerated(EnumType.STRING)
	private Category category;

	private String department;

	private int influence;

	private int interest;

	private String responsibleManager;

	private Integer awareness;

	private Integer desire;

	private Integer knowledge;

	private Integer ability;

	private Integer reinforcement;

	private String assessmentNotes;

	private Instant assessedAt;

	private String quadrant;

	private String communicationChannel;

	private String communicationCadence;

	protected Stakeholder() {
	}

	Stakeholder(Long rolloutId, String name, Category category, String department, int influence, int interest,
			String responsibleManager) {
		var errors = new ArrayList<FieldError>();
		checkScale("influence", influence, errors);
		checkScale("interest", interest, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.rolloutId = rolloutId;
		this.name = name;
		this.category = category;
		this.department = department;
		this.influence = influence;
		this.interest = interest;
		this.responsibleManager = responsibleManager;
	}

	/**
	 * Records the ADKAR scores (each 1-5) and returns the dimensions that are barrier points.
	 * Throws, naming each field, when a score is missing or outside 1-5.
	 */
	Map<String, Integer> assess(Integer awareness, Integer desire, Integer knowledge, Integer ability,
			Integer reinforcement, String notes, Instant now) {
		var scores = new LinkedHashMap<String, Integer>();
		scores.put("awareness", awareness);
		scores.put("desire", desire);
		scores.put("knowledge", knowledge);
		scores.put("ability", ability);
		scores.put("reinforcement", reinforcement);
		var errors = new ArrayList<FieldError>();
		scores.forEach((dimension, score) -> checkScale(dimension, score, errors));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.awareness = awareness;
		this.desire = desire;
		this.knowledge = knowledge;
		this.ability = ability;
		this.reinforcement = reinforcement;
		this.assessmentNotes = notes;
		this.assessedAt = now;
		var barriers = new LinkedHashMap<String, Integer>();
		scores.forEach((dimension, score) -> {
			if (score <= BARRIER_THRESHOLD) {
				barriers.put(dimension, score);
			}
		});
		return barriers;
	}

	void planCommunication(String quadrant, String channel, String cadence) {
		this.quadrant = quadrant;
		this.communicationChannel = channel;
		this.communicationCadence = cadence;
	}

	private static void checkScale(String field, Integer score, List<FieldError> errors) {
		if (score == null) {
			errors.add(new FieldError(field, "is required (1-5)"));
		}
		else if (score < 1 || score > 5) {
			errors.add(new FieldError(field, "must be between 1 and 5, was " + score));
		}
	}

	public Long getId() {
		return id;
	}

	Long getRolloutId() {
		return rolloutId;
	}

	String getName() {
		return name;
	}

	Category getCategory() {
		return category;
	}

	String getDepartment() {
		return department;
	}

	int getInfluence() {
		return influence;
	}

	int getInterest() {
		return interest;
	}

	String getResponsibleManager() {
		return responsibleManager;
	}

	Integer getAwareness() {
		return awareness;
	}

	Integer getDesire() {
		return desire;
	}

	Integer getKnowledge() {
		return knowledge;
	}

	Integer getAbility() {
		return ability;
	}

	Integer getReinforcement() {
		return reinforcement;
	}

	Instant getAssessedAt() {
		return assessedAt;
	}

	String getQuadrant() {
		return quadrant;
	}

	String getCommunicationChannel() {
		return communicationChannel;
	}

	String getCommunicationCadence() {
		return communicationCadence;
	}

}
