package dev.lodestar.rollout;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One ADKAR assessment of a stakeholder, kept so that each new one is read beside the ones before. */
@Entity
@Table(name = "crm_stakeholder_assessment")
class StakeholderAssessment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long stakeholderId;

	private int awareness;

	private int desire;

	private int knowledge;

	private int ability;

	private int reinforcement;

	private String notes;

	private Instant assessedAt;

	protected StakeholderAssessment() {
	}

	StakeholderAssessment(Long stakeholderId, int awareness, int desire, int knowledge, int ability, int reinforcement,
			String notes, Instant assessedAt) {
		this.stakeholderId = stakeholderId;
		this.awareness = awareness;
		this.desire = desire;
		this.knowledge = knowledge;
		this.ability = ability;
		this.reinforcement = reinforcement;
		this.notes = notes;
		this.assessedAt = assessedAt;
	}

	/** "A4 D3 K4 A4 R2": the five scores in ADKAR order. */
	String scores() {
		return "A" + awareness + " D" + desire + " K" + knowledge + " A" + ability + " R" + reinforcement;
	}

	Long getStakeholderId() {
		return stakeholderId;
	}

	int getAwareness() {
		return awareness;
	}

	int getDesire() {
		return desire;
	}

	int getKnowledge() {
		return knowledge;
	}

	int getAbility() {
		return ability;
	}

	int getReinforcement() {
		return reinforcement;
	}

	String getNotes() {
		return notes;
	}

	Instant getAssessedAt() {
		return assessedAt;
	}

}
