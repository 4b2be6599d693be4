package dev.lodestar.rollout;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Knowledge checks taken in the app: the questions without their key, and the participant's
 * answers scored against it (the result goes to their training record; their task completes).
 */
@RestController
@RequestMapping("/api/training/knowledge-checks")
class KnowledgeCheckController {

	private final TrainingLibrary library;
	private final TrainingDesk desk;

	KnowledgeCheckController(TrainingLibrary library, TrainingDesk desk) {
		this.library = library;
		this.desk = desk;
	}

	/** The questions of a wave's check in the caller's language, and whether one is open for the caller. */
	@GetMapping("/{folder}")
	CheckView check(@PathVariable String folder, Authentication user, Locale locale) {
		var check = library.knowledgeCheck(folder, locale).orElseThrow(() -> new NotFoundException("Knowledge check", folder));
		return new CheckView(folder, check.title(), desk.openCheck(user.getName(), folder).isPresent(),
				check.questions().stream().map(q -> new QuestionView(q.number(), q.text(), q.options(), q.multiple())).toList());
	}

	/** Scores the answers (question number → chosen option indexes from 0); 409 when no check is open for the caller. */
	@PostMapping("/{folder}")
	KnowledgeCheck.Result take(@PathVariable String folder, @Valid @RequestBody Answers body, Authentication user,
			Locale locale) {
		var answers = new HashMap<Integer, Set<Integer>>();
		body.answers().forEach((q, options) -> answers.put(q, options == null ? Set.of() : Set.copyOf(options)));
		return desk.takeCheck(Caller.of(user), folder, answers, locale);
	}

	record Answers(@NotNull Map<Integer, List<Integer>> answers) {
	}

	record CheckView(String folder, String title, boolean open, List<QuestionView> questions) {
	}

	record QuestionView(int number, String text, List<String> options, boolean multiple) {
	}

}
