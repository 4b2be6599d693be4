package dev.lodestar.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.worklist.CaseContext;
import dev.lodestar.worklist.CaseContextProvider;

/**
 * Shows the rollout beside a rollout task: sponsor, co-project-managers, the phase under way,
 * training completion per wave and the open barrier points; for a wave on its own, the wave.
 * Rollout facts are not secret inside the company, so every user who has the task sees them.
 */
@Component
class RolloutCaseContext implements CaseContextProvider {

	private static final Set<String> KEYS = Set.of(RolloutProcess.KEY, StakeholderAssessmentProcess.KEY,
			TrainingWaveProcess.KEY);

	private final Rollouts rollouts;
	private final RolloutService service;
	private final TrainingService training;
	private final StakeholderRegister register;

	RolloutCaseContext(Rollouts rollouts, RolloutService service, TrainingService training, StakeholderRegister register) {
		this.rollouts = rollouts;
		this.service = service;
		this.training = training;
		this.register = register;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return KEYS.contains(processDefinitionKey);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId) {
		if (businessKey == null) {
			return Optional.empty();
		}
		if (businessKey.startsWith("wave-")) {
			return parse(businessKey.substring(5)).flatMap(id -> Optional.ofNullable(training.waves().stream()
				.filter(w -> w.waveId().equals(id)).findFirst().orElse(null)))
				.map(w -> new CaseContext("case.kind.trainingWave", w.name(), "/api/training-waves/" + w.waveId(), null, null,
						List.of(fact("case.rollout.completion", w.completionPercent() + " % of " + w.invited() + " (target " + w.target() + " %)"),
								fact("case.rollout.status", w.status())), List.of()));
		}
		return parse(businessKey).flatMap(rollouts::findById).map(this::describe);
	}

	private CaseContext describe(Rollout rollout) {
		var facts = new ArrayList<CaseContext.Fact>();
		facts.add(fact("case.rollout.sponsor", rollout.getSponsor()));
		if (rollout.getInternalProjectManager() != null) {
			facts.add(fact("case.rollout.coProjectManagers", rollout.getInternalProjectManager() + " and " + rollout.getPartnerProjectManager()));
		}
		service.phasesOf(rollout.getId()).stream()
			.filter(p -> p.getStatus() == RolloutPhase.Status.RUNNING)
			.forEach(p -> facts.add(fact("case.rollout.phaseUnderWay", p.getName() + " (planned to end " + p.getPlannedEnd().toString().substring(0, 10) + ")")));
		for (var wave : training.wavesOf(rollout.getId())) {
			facts.add(fact(wave.name(), wave.invited() == 0 ? "not started" : wave.completionPercent() + " % (target " + wave.target() + " %)"));
		}
		facts.add(fact("case.rollout.openBarrierPoints", String.valueOf(register.openBarrierPoints(rollout.getId()))));
		return new CaseContext("case.kind.rollout", "Rollout #" + rollout.getId() + " — " + rollout.getName(),
				"/api/rollouts/" + rollout.getId(), null, null, List.copyOf(facts), List.of());
	}

	private static CaseContext.Fact fact(String label, String value) {
		return new CaseContext.Fact(label, value);
	}

	private static Optional<Long> parse(String key) {
		try {
			return Optional.of(Long.valueOf(key));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

}
