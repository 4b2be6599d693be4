package dev.lodestar.complaint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.knowledge.Article;
import dev.lodestar.knowledge.KnowledgeBase;
import dev.lodestar.worklist.CaseContext;
import dev.lodestar.worklist.CaseContextProvider;

/**
 * Beside a complaint's task, the published knowledge-base articles that fit it (same category,
 * shared words). One article links straight to its page; several link to the knowledge page that
 * lists them, each with its own link.
 */
@Component
@org.springframework.core.annotation.Order(20)
class ComplaintArticleSuggestions implements CaseContextProvider {

	static final int LIMIT = 3;

	private final Complaints complaints;
	private final KnowledgeBase knowledgeBase;
	private final ComplaintReaders readers;
	private final org.springframework.context.MessageSource messages;

	ComplaintArticleSuggestions(Complaints complaints, KnowledgeBase knowledgeBase, ComplaintReaders readers,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.complaints = complaints;
		this.knowledgeBase = knowledgeBase;
		this.readers = readers;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return ComplaintToResolution.PROCESS_KEY.equals(processDefinitionKey);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId) {
		if (!supports(processDefinitionKey) || !readers.mayRead(userId)) {
			return Optional.empty();
		}
		return complaints.findByBusinessKey(businessKey).flatMap(c -> {
			List<Article> articles = suggestionsFor(c);
			if (articles.isEmpty()) {
				return Optional.empty();
			}
			String link = articles.size() == 1 ? "/knowledge/" + articles.get(0).getId()
					: "/knowledge?category=" + c.getCategory().name() + "&like="
							+ URLEncoder.encode(c.getDescription(), StandardCharsets.UTF_8);
			var facts = articles.stream()
				.map(a -> new CaseContext.Fact("#" + a.getId(), a.getTitle()))
				.toList();
			var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
			return Optional.of(new CaseContext(messages.getMessage("complaints.case.suggestions.kind", null, "Knowledge base", locale),
					messages.getMessage("complaints.case.suggestions.title", null, "Suggested articles", locale), link, null,
					null, facts, List.of()));
		});
	}

	List<Article> suggestionsFor(Complaint c) {
		return knowledgeBase.suggest(c.getCategory().name(), c.getDescription(), LIMIT);
	}

}
