package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The quiz format of {@code knowledge-check.md} and the four waves' checks written in it. */
class KnowledgeCheckUnitTest {

	private static final Path MATERIAL = Path.of("..", "training-material");

	@Test
	void parsesQuestionsOptionsAndTheKeyAndScoresExactlyTheRightOptions() {
		var check = KnowledgeCheck.parse("""
				# Check

				Intro text.

				1. One?
				   - [ ] a
				   - [x] b
				2. Two, with a question text
				   on two lines?
				   - [x] c
				   - [ ] d
				   - [X] e
				""");
		assertThat(check.title()).isEqualTo("Check");
		assertThat(check.introduction()).isEqualTo("Intro text.");
		assertThat(check.questions()).hasSize(2);
		assertThat(check.questions().get(1).text()).isEqualTo("Two, with a question text on two lines?");
		assertThat(check.questions().get(1).key()).containsExactlyInAnyOrder(0, 2);
		assertThat(check.questions().get(1).multiple()).isTrue();
		assertThat(check.score(Map.of(1, Set.of(1), 2, Set.of(0, 2)))).isEqualTo(new KnowledgeCheck.Result(2, 2, 100));
		// a multiple-answer question counts only when every right option and nothing else is chosen
		assertThat(check.score(Map.of(1, Set.of(1), 2, Set.of(0)))).isEqualTo(new KnowledgeCheck.Result(1, 2, 50));
		assertThat(check.score(Map.of(2, Set.of(0, 1, 2))).score()).isZero();
	}

	@Test
	void aQuestionWithoutAKeyOrWithOneOptionIsRefused() {
		assertThatThrownBy(() -> KnowledgeCheck.parse("1. Q?\n   - [ ] a\n   - [ ] b\n"))
			.hasMessageContaining("no option marked [x]");
		assertThatThrownBy(() -> KnowledgeCheck.parse("1. Q?\n   - [x] a\n")).hasMessageContaining("two options");
		assertThatThrownBy(() -> KnowledgeCheck.parse("# Nothing to ask\n")).hasMessageContaining("numbered questions");
	}

	@ParameterizedTest
	@ValueSource(strings = { "01-executives", "02-project-team-and-managers", "03-end-users", "04-all-staff" })
	void everyWaveHasAtLeastTenQuestionsInEnglishAndChineseWithTheSameKey(String folder) throws IOException {
		var english = KnowledgeCheck.parse(Files.readString(MATERIAL.resolve(folder).resolve("knowledge-check.md")));
		var chinese = KnowledgeCheck.parse(Files.readString(MATERIAL.resolve(folder).resolve("knowledge-check.zh-CN.md")));
		assertThat(english.questions()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(chinese.shape()).isEqualTo(english.shape());
		var all = new HashMap<Integer, Set<Integer>>();
		english.questions().forEach(q -> all.put(q.number(), q.key()));
		assertThat(english.score(all).score()).isEqualTo(100);
		assertThat(english.score(Map.of()).score()).isZero();
	}

}
