package dev.lodestar.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.calendar.Dates;
import dev.lodestar.worklist.CaseContext;
import dev.lodestar.worklist.CaseContextProvider;

/**
 * Shows the rollout beside a rollout task: sponsor, co-project-managers, the current phase (once),
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
	private final MessageSource messages;
	private final Dates dates;

	RolloutCaseContext(Rollouts rollouts, RolloutService service, TrainingService training, StakeholderRegister register,
			MessageSource messages, Dates dates) {
		this.messages = messages;
		this.dates = dates;
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
				.map(w -> new CaseContext("case.kind.trainingWave", waveName(w), w.rolloutId() == null ? "/training" : "/rollouts/" + w.rolloutId(), null, null,
						List.of(fact("case.rollout.completion", text("case.rollout.waveCompletionOf", w.completionPercent(),
								w.invited(), w.target())),
								fact("case.rollout.status", text("rollout.waveStatus." + w.status()))), List.of()));
		}
		var rollout = parse(businessKey).flatMap(rollouts::findById);
		if (StakeholderAssessmentProcess.KEY.equals(processDefinitionKey)) {
			return rollout.map(this::assessments);
		}
		return rollout.map(this::describe);
	}

	/**
	 * Beside an ADKAR assessment: every stakeholder's earlier scores, so that the new scores are
	 * given with the previous ones in view.
	 */
	private CaseContext assessments(Rollout rollout) {
		var facts = new ArrayList<CaseContext.Fact>();
		for (var stakeholder : register.of(rollout.getId())) {
			var history = register.history(stakeholder.getId());
			facts.add(fact(stakeholder.getName(), history.isEmpty() ? text("case.rollout.notAssessedYet")
					: String.join("; ", history.stream()
						.map(a -> day(a.getAssessedAt()) + " " + a.scores())
						.toList())));
		}
		facts.add(fact("case.rollout.openBarrierPoints", String.valueOf(register.openBarrierPoints(rollout.getId()))));
		return new CaseContext("case.kind.stakeholderRegister", title(rollout),
				"/rollouts/" + rollout.getId() + "/stakeholders",
				null, null, List.copyOf(facts), List.of());
	}

	private CaseContext describe(Rollout rollout) {
		var facts = new ArrayList<CaseContext.Fact>();
		facts.add(fact("case.rollout.sponsor", rollout.getSponsor()));
		if (rollout.getInternalProjectManager() != null) {
			facts.add(fact("case.rollout.coProjectManagers", text("case.rollout.twoPeople",
					rollout.getInternalProjectManager(), rollout.getPartnerProjectManager())));
		}
		var phases = service.phasesOf(rollout.getId());
		var current = RolloutPhase.current(phases);
		current.ifPresent(p -> facts.add(fact("case.rollout.currentPhase", text("case.rollout.phaseDates", phaseName(p),
				day(p.getPlannedStart()), day(p.getPlannedEnd()), day(p.getActualStart())))));
		var alongside = phases.stream()
			.filter(RolloutPhase::isRunning)
			.filter(p -> current.map(c -> c != p).orElse(true))
			.map(this::phaseName)
			.toList();
		if (!alongside.isEmpty()) {
			facts.add(fact("case.rollout.runningAlongside", String.join(", ", alongside)));
		}
		for (var wave : training.wavesOf(rollout.getId())) {
			facts.add(fact(waveName(wave), wave.invited() == 0 ? text("case.rollout.waveNotStarted")
					: text("case.rollout.waveCompletion", wave.completionPercent(), wave.target())));
		}
		facts.add(fact("case.rollout.openBarrierPoints", String.valueOf(register.openBarrierPoints(rollout.getId()))));
		return new CaseContext("case.kind.rollout", title(rollout),
				"/rollouts/" + rollout.getId(), null, null, List.copyOf(facts), List.of());
	}

	private String title(Rollout rollout) {
		return text("case.kind.rollout") + " #" + rollout.getId() + " — " + rollout.getName();
	}

	private String phaseName(RolloutPhase phase) {
		return messages.getMessage("rollout.phase." + phase.getCode().name(), null, phase.getName(), locale());
	}

	private String waveName(TrainingProgress.WaveProgress wave) {
		return messages.getMessage("rollout.wave." + wave.kind(), null, wave.name(), locale());
	}

	/** A day in the reader's language, in the company's zone (as the rollout page shows it). */
	private String day(Instant instant) {
		return instant == null ? "–" : dates.date(instant, locale());
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments.length == 0 ? null : arguments, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static CaseContext.Fact fact(String label, String value) {
		return new CaseContext.Fact(label, value);
	}

	private static Optional<Long> parse(String key) {
		return dev.lodestar.system.FormValues.idOrEmpty(key);
	}

}
