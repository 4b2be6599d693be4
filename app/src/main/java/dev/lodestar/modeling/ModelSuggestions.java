package dev.lodestar.modeling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.worklist.Caller;

/**
 * Suggestions of the people who work in a process, each on one element of its diagram; the
 * process owner closes them with an answer (or a new version, named in the answer).
 */
@Component
class ModelSuggestions {

	private final Suggestions suggestions;
	private final ModelService models;
	private final Clock clock = EngineClock.INSTANCE;

	ModelSuggestions(Suggestions suggestions, ModelService models) {
		this.suggestions = suggestions;
		this.models = models;
	}

	record SuggestionView(long id, String modelKey, String elementId, String author, Instant createdAt, String text,
			String status, String answer, String closedBy, Instant closedAt) {

		static SuggestionView of(Suggestion s) {
			return new SuggestionView(s.id(), s.modelKey(), s.elementId(), s.author(), s.createdAt(), s.text(),
					s.status().name(), s.answer(), s.closedBy(), s.closedAt());
		}

	}

	@Transactional
	SuggestionView suggest(Caller caller, String key, String elementId, String text) {
		if (!models.worksIn(caller, key)) {
			throw new AccessDeniedException("only people who work in the process make suggestions on it");
		}
		if (elementId == null || elementId.isBlank()) {
			throw new InvalidInputException("elementId", "choose an element of the diagram");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "must not be empty");
		}
		return SuggestionView.of(suggestions.save(new Suggestion(key, elementId.trim(), caller.userId(), text.trim(),
				Instant.now(clock))));
	}

	@Transactional(readOnly = true)
	List<SuggestionView> of(String key) {
		return suggestions.findByModelKeyOrderByCreatedAtDesc(key).stream().map(SuggestionView::of).toList();
	}

	/** The suggestions the caller made on a model, with their state and the owner's answer. */
	@Transactional(readOnly = true)
	List<SuggestionView> mine(Caller caller, String key) {
		return suggestions.findByModelKeyAndAuthorOrderByCreatedAtDesc(key, caller.userId())
			.stream()
			.map(SuggestionView::of)
			.toList();
	}

	/** The open suggestions of every model that has any, by model key, in one query. */
	@Transactional(readOnly = true)
	java.util.Map<String, Long> openCounts() {
		var counts = new java.util.HashMap<String, Long>();
		for (Object[] row : suggestions.countPerModel(Suggestion.Status.OPEN)) {
			counts.put((String) row[0], ((Number) row[1]).longValue());
		}
		return counts;
	}

	@Transactional
	SuggestionView close(Caller caller, long id, String answer) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners close suggestions");
		}
		if (answer == null || answer.isBlank()) {
			throw new InvalidInputException("answer", "must not be empty");
		}
		Suggestion suggestion = suggestions.findById(id).orElseThrow(() -> new NotFoundException("Suggestion", id));
		suggestion.close(caller.userId(), answer.trim(), Instant.now(clock));
		return SuggestionView.of(suggestions.save(suggestion));
	}

}
