package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * What a failed completion answers. The race behind it: eight completions of one task at once,
 * where the losers' stage rule saw the case already moved on and answered 400 (CI of stop 29).
 */
class EngineErrorsTest {

	@Test
	void aRuleBrokenOnATaskSomebodyElseCompletedIsAConflict() {
		RuntimeException answer = EngineErrors.translate(new InvalidInputException("qualified", "the lead is closed"),
				() -> true, "task 7 was completed by somebody else a moment ago");
		assertThat(answer).isInstanceOf(ConflictException.class).hasMessageContaining("somebody else");
	}

	@Test
	void aRuleBrokenOnATaskStillThereIsTheRulesAnswer() {
		InvalidInputException broken = new InvalidInputException("qualified", "must be chosen");
		assertThat(EngineErrors.translate(broken, () -> false, "gone")).isSameAs(broken);
	}

	@Test
	void aQuestionThatCannotBeAnsweredKeepsTheFirstFailure() {
		InvalidInputException broken = new InvalidInputException("qualified", "must be chosen");
		assertThat(EngineErrors.translate(broken, () -> {
			throw new IllegalStateException("current transaction is aborted");
		}, "gone")).isSameAs(broken);
	}

	@Test
	void anEntitysIllegalStateIsAConflictAndItsIllegalArgumentABadRequest() {
		assertThat(EngineErrors.translate(new RuntimeException(new IllegalStateException("won already")), () -> false,
				null))
			.isInstanceOf(ConflictException.class);
		assertThat(EngineErrors.translate(new IllegalArgumentException("negative amount"), () -> false, null))
			.isInstanceOf(InvalidInputException.class);
	}

}
