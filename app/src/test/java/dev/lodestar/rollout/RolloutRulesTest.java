package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;

/** The rules the rollout's entities hold, without the engine. */
class RolloutRulesTest {

	private final Instant now = Instant.parse("2026-11-01T08:00:00Z");

	@Test
	void everyAdkarScoreOfThreeOrLessIsABarrierPoint() {
		var stakeholder = new Stakeholder(1L, "Sales", Stakeholder.Category.EMPLOYEE, "Sales", 2, 5, "bob");
		var barriers = stakeholder.assess(4, 3, 5, 1, 4, null, now);
		assertThat(barriers).containsOnlyKeys("desire", "ability").containsEntry("ability", 1);
		assertThat(stakeholder.getAssessedAt()).isEqualTo(now);
	}

	@Test
	void scoresOutsideOneToFiveAreRefusedNamingEachField() {
		var stakeholder = new Stakeholder(1L, "Sales", Stakeholder.Category.EMPLOYEE, "Sales", 2, 5, "bob");
		assertThatThrownBy(() -> stakeholder.assess(7, 0, 3, null, 5, null, now))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InvalidInputException.FieldError::field)
				.containsExactly("awareness", "desire", "ability"));
		assertThat(stakeholder.getAssessedAt()).isNull();
		assertThatThrownBy(() -> new Stakeholder(1L, "X", Stakeholder.Category.CUSTOMER, null, 6, 0, null))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("influence").hasMessageContaining("interest");
	}

	@Test
	void theProjectTeamNeedsTwoDifferentCoProjectManagers() {
		var rollout = new Rollout("R", "erin", null, "frank", now);
		assertThatThrownBy(() -> rollout.formProjectTeam("frank", " ")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("partnerProjectManager");
		assertThatThrownBy(() -> rollout.formProjectTeam("frank", "Frank")).hasMessageContaining("two people");
		rollout.formProjectTeam("frank", "Petra Partner");
		assertThat(rollout.getPartnerProjectManager()).isEqualTo("Petra Partner");
	}

	@Test
	void aWaveNeedsAnAudienceATargetAndAFutureDeadline() {
		assertThatThrownBy(() -> new TrainingWave(null, WaveKind.ALL_STAFF, List.of(), 0, now.minusSeconds(1), now))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InvalidInputException.FieldError::field)
				.containsExactly("audience", "completionTarget", "deadline"));
		var wave = new TrainingWave(null, WaveKind.ALL_STAFF, List.of("employee"), 90, now.plus(Duration.ofDays(8)), now);
		assertThat(wave.getReminderAt()).isEqualTo(now.plus(Duration.ofDays(6)));
		wave.close(false, now);
		assertThat(wave.getStatus()).isEqualTo(TrainingWave.Status.ACCEPTED_BELOW_TARGET);
		assertThatThrownBy(() -> wave.extend(now.plus(Duration.ofDays(9)), now)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aParticipantCompletesOnlyWhenAttendedAndScored() {
		var record = new TrainingRecord(1L, "alice", now);
		record.record(false, null, now);
		assertThat(record.isCompleted()).isFalse();
		assertThatThrownBy(() -> record.record(true, null, now)).hasMessageContaining("score");
		assertThatThrownBy(() -> record.record(true, 101, now)).hasMessageContaining("0 and 100");
		record.record(true, 80, now);
		assertThat(record.isCompleted()).isTrue();
	}

	@Test
	void aBarrierPointIsMitigatedOnceWithWhatWasDone() {
		var stakeholder = new Stakeholder(1L, "Sales", Stakeholder.Category.EMPLOYEE, "Sales", 2, 5, "bob");
		var point = new BarrierPoint(stakeholder, "desire", 2, now);
		assertThatThrownBy(() -> point.mitigate(" ", now)).isInstanceOf(InvalidInputException.class);
		point.mitigate("Coaching", now);
		assertThat(point.getStatus()).isEqualTo(BarrierPoint.Status.MITIGATED);
		assertThatThrownBy(() -> point.mitigate("Again", now)).isInstanceOf(ConflictException.class);
	}

}
