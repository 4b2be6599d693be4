package dev.lodestar.rollout;

import dev.lodestar.system.FormValues;
import dev.lodestar.system.EngineClock;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessApi;

/**
 * The stakeholder register and the glue the {@code stakeholder-assessment} process calls
 * ({@code ${stakeholderRegister...}}): ADKAR scores in, barrier points and the communication plan out.
 */
@Service("stakeholderRegister")
@Transactional
public class StakeholderRegister {

	private final Stakeholders stakeholders;
	private final BarrierPoints barrierPoints;
	private final StakeholderAssessments assessments;
	private final IdentityService identityService;
	private final Clock clock;

	StakeholderRegister(Stakeholders stakeholders, BarrierPoints barrierPoints, StakeholderAssessments assessments,
			IdentityService identityService, Optional<Clock> clock) {
		this.assessments = assessments;
		this.stakeholders = stakeholders;
		this.identityService = identityService;
		this.barrierPoints = barrierPoints;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	public Stakeholder register(Long rolloutId, String name, Stakeholder.Category category, String department, int influence,
			int interest, String responsibleManager) {
		if (responsibleManager != null && !responsibleManager.isBlank()
				&& identityService.createUserQuery().userId(responsibleManager).count() == 0) {
			// the manager receives the mitigation tasks: an unknown user would leave them with nobody
			throw new InvalidInputException("responsibleManager", "no such user: " + responsibleManager);
		}
		return stakeholders.save(new Stakeholder(rolloutId, name, category, department, influence, interest,
				responsibleManager));
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public List<Long> stakeholderIds(Long rolloutId) {
		return stakeholders.findByRolloutIdOrderById(rolloutId).stream().map(Stakeholder::getId).toList();
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public String nameOf(Long stakeholderId) {
		var s = stakeholder(stakeholderId);
		return s.getDepartment() == null ? s.getName() : s.getName() + " (" + s.getDepartment() + ")";
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public int influenceOf(Long stakeholderId) {
		return stakeholder(stakeholderId).getInfluence();
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public int interestOf(Long stakeholderId) {
		return stakeholder(stakeholderId).getInterest();
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public String responsibleManagerOf(Long stakeholderId) {
		return stakeholder(stakeholderId).getResponsibleManager();
	}

	/** Records the scores; every dimension scored 3 or less opens a barrier point. */
	@ProcessApi
	public int recordAssessment(Long stakeholderId, Object awareness, Object desire, Object knowledge, Object ability,
			Object reinforcement, Object notes) {
		var stakeholder = stakeholder(stakeholderId);
		var barriers = stakeholder.assess(FormValues.integer("awareness", awareness), FormValues.integer("desire", desire),
				FormValues.integer("knowledge", knowledge), FormValues.integer("ability", ability),
				FormValues.integer("reinforcement", reinforcement), FormValues.text(notes), clock.instant());
		barriers.forEach((dimension, score) -> barrierPoints
			.save(new BarrierPoint(stakeholder, dimension, score, clock.instant())));
		assessments.save(new StakeholderAssessment(stakeholderId, stakeholder.getAwareness(), stakeholder.getDesire(),
				stakeholder.getKnowledge(), stakeholder.getAbility(), stakeholder.getReinforcement(), FormValues.text(notes),
				stakeholder.getAssessedAt()));
		return barriers.size();
	}

	@ProcessApi
	public void planCommunication(Long stakeholderId, Map<String, Object> plan) {
		if (plan == null) {
			throw new InvalidInputException("communicationPlan", "the power/interest grid gave no plan");
		}
		stakeholder(stakeholderId).planCommunication(FormValues.text(plan.get("quadrant")), FormValues.text(plan.get("channel")),
				FormValues.text(plan.get("cadence")));
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public boolean hasOpenBarrierPoints(Long stakeholderId) {
		return !openBarrierPointIds(stakeholderId).isEmpty();
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public List<Long> openBarrierPointIds(Long stakeholderId) {
		return barrierPoints.findByStakeholderIdAndStatusOrderById(stakeholderId, BarrierPoint.Status.OPEN)
			.stream()
			.map(BarrierPoint::getId)
			.toList();
	}

	@ProcessApi
	@Transactional(readOnly = true)
	public String describeBarrierPoint(Long barrierPointId) {
		var point = barrierPoint(barrierPointId);
		return nameOf(point.getStakeholderId()) + ": " + point.getDimension() + " scored " + point.getScore() + " of 5";
	}

	@ProcessApi
	public void mitigate(Long barrierPointId, Object mitigation) {
		barrierPoint(barrierPointId).mitigate(FormValues.text(mitigation), clock.instant());
	}

	@Transactional(readOnly = true)
	long openBarrierPoints(Long rolloutId) {
		return barrierPoints.countByRolloutIdAndStatus(rolloutId, BarrierPoint.Status.OPEN);
	}

	@Transactional(readOnly = true)
	List<Stakeholder> of(Long rolloutId) {
		return stakeholders.findByRolloutIdOrderById(rolloutId);
	}

	@Transactional(readOnly = true)
	List<BarrierPoint> barrierPointsOf(Long rolloutId) {
		return barrierPoints.findByRolloutIdOrderById(rolloutId);
	}

	/** Every ADKAR assessment of one stakeholder, oldest first. */
	@Transactional(readOnly = true)
	List<StakeholderAssessment> history(Long stakeholderId) {
		return assessments.findByStakeholderIdOrderByAssessedAtAscIdAsc(stakeholderId);
	}

	Stakeholder stakeholder(Long id) {
		return stakeholders.findById(id).orElseThrow(() -> new NotFoundException("Stakeholder", id));
	}

	private BarrierPoint barrierPoint(Long id) {
		return barrierPoints.findById(id).orElseThrow(() -> new NotFoundException("Barrier point", id));
	}

}
