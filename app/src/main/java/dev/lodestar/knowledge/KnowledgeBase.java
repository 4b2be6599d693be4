package dev.lodestar.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ListPage;
import dev.lodestar.system.NotFoundException;

/**
 * The knowledge base's API. Drafts are visible to those who may write them; published articles
 * to everybody. Search matches every word of the query as a word prefix in title or body
 * ("deliv damag" finds "Damaged delivery") and ranks title hits first. Every text is kept as a
 * revision; what readers see changes only when a service manager publishes.
 */
@Service
public class KnowledgeBase {

	private static final Set<ArticleStatus> PUBLISHED_ONLY = EnumSet.of(ArticleStatus.PUBLISHED);
	private static final Set<ArticleStatus> ALL = EnumSet.allOf(ArticleStatus.class);

	private final Articles articles;
	private final ArticleRevisions revisions;
	private final ArticleSearch search;
	private final Clock clock;

	KnowledgeBase(Articles articles, ArticleRevisions revisions, ArticleSearch search, Optional<Clock> clock) {
		this.articles = articles;
		this.search = search;
		this.revisions = revisions;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** What an author writes. */
	public record ArticleText(@jakarta.validation.constraints.Size(max = 300) String title,
			@jakarta.validation.constraints.Size(max = 20000) String body, List<String> tags,
			@jakarta.validation.constraints.Size(max = 30) String category) {
	}

	/** Writes a new draft. */
	@Transactional
	public Article draft(ArticleText text, Long sourceComplaintId, String author) {
		validate(text);
		Article article = articles.save(new Article(text.title().strip(), text.body().strip(), text.tags(),
				text.category(), sourceComplaintId, author, now()));
		revisions.save(article.firstRevision());
		return article;
	}

	/**
	 * Writes a new revision of an article. A draft shows it at once; a published article keeps
	 * its published text, and the revision waits for a service manager ({@link #pendingRevision}).
	 * Two writers at once: one wins, the other gets a conflict.
	 */
	@Transactional
	public Article rewrite(long id, ArticleText text, String author) {
		validate(text);
		Article article = get(id, true);
		ArticleRevision written = article.write(text.title().strip(), text.body().strip(), text.tags(), text.category(),
				author, now());
		// the article's version first: of two writers at once, the second fails here with a conflict
		articles.saveAndFlush(article);
		revisions.save(written);
		return article;
	}

	/** Publishes the newest revision; publishing what is already live is a conflict. */
	@Transactional
	public Article publish(long id, String by) {
		return publish(id, null, by);
	}

	/**
	 * Publishes the newest revision, provided it is {@code revision} (the one the manager read;
	 * {@code null}: whichever is newest); otherwise, or when it is already live, a conflict.
	 */
	@Transactional
	public Article publish(long id, Integer revision, String by) {
		Article article = get(id, true);
		ArticleRevision newest = revisions.findByArticleIdAndNumber(article.getId(), article.getRevision())
			.orElseThrow(() -> new IllegalStateException("article " + id + " lacks its revision " + article.getRevision()));
		try {
			article.publish(newest, revision, by, now());
		}
		catch (IllegalStateException ex) {
			throw new ConflictException(ex.getMessage());
		}
		articles.saveAndFlush(article);
		return article;
	}

	/** The revision of a published article that waits for a service manager, if any. */
	@Transactional(readOnly = true)
	public Optional<ArticleRevision> pendingRevision(Article article) {
		if (!article.hasPendingRevision()) {
			return Optional.empty();
		}
		return revisions.findByArticleIdAndNumber(article.getId(), article.getRevision());
	}

	/** Every revision of an article, newest first: who wrote it when, who published it when. */
	@Transactional(readOnly = true)
	public List<ArticleRevision> history(long id) {
		Article article = get(id, true);
		return revisions.findByArticleIdOrderByNumberDesc(article.getId());
	}

	/** One article; drafts only when {@code withDrafts}. */
	@Transactional(readOnly = true)
	public Article get(long id, boolean withDrafts) {
		return articles.findById(id)
			.filter(a -> withDrafts || a.getStatus() == ArticleStatus.PUBLISHED)
			.orElseThrow(() -> new NotFoundException("Article", id));
	}

	/**
	 * One page of the knowledge base as the list shows it: with a query, the articles whose title
	 * or body contain every word of it (as word prefixes), best first (see {@link ArticleSearch});
	 * without, the newest first. {@code filter} is what a writer chose; a reader
	 * ({@code withDrafts} false) sees published articles whatever it says.
	 */
	@Transactional(readOnly = true)
	public ListPage<Article> list(String query, ArticleFilter filter, boolean withDrafts, int page, int size) {
		ArticleFilter shown = withDrafts && filter != null ? filter : ArticleFilter.PUBLISHED;
		var request = ListPage.request(page, size,
				Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by(Sort.Direction.DESC, "id")));
		Set<String> queryTerms = SearchTerms.of(query);
		if (queryTerms.isEmpty()) {
			var found = switch (shown) {
				case PUBLISHED -> articles.findByStatus(ArticleStatus.PUBLISHED, request);
				case DRAFT -> articles.findByStatus(ArticleStatus.DRAFT, request);
				case IN_REVIEW -> articles.findInReview(request);
				case ALL -> articles.findAll(request);
			};
			return ListPage.of(found, a -> a);
		}
		var hits = search.search(queryTerms, shown, (int) request.getOffset(), size);
		var byId = new java.util.HashMap<Long, Article>();
		articles.findAllById(hits.ids()).forEach(a -> byId.put(a.getId(), a));
		return new ListPage<>(hits.ids().stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), page, size,
				hits.total());
	}

	/** Articles whose title or body contain every word of the query (as word prefixes), best first. */
	@Transactional(readOnly = true)
	public List<Article> search(String query, boolean withDrafts, int limit) {
		Set<ArticleStatus> statuses = withDrafts ? ALL : PUBLISHED_ONLY;
		Set<String> queryTerms = SearchTerms.of(query);
		if (queryTerms.isEmpty()) {
			return articles.findByStatusInOrderByUpdatedAtDesc(statuses).stream().limit(limit).toList();
		}
		Set<Long> ids = null;
		// terms hold only letters and digits, so no LIKE wildcard can reach the query
		for (String term : queryTerms) {
			var matching = new HashSet<>(articles.idsWithTermStartingWith(term + "%", statuses));
			if (ids == null) {
				ids = matching;
			}
			else {
				ids.retainAll(matching);
			}
		}
		return articles.findAllById(ids)
			.stream()
			.sorted(Comparator.comparingInt((Article a) -> -a.score(queryTerms))
				.thenComparing(Article::getUpdatedAt, Comparator.reverseOrder()))
			.limit(limit)
			.toList();
	}

	/**
	 * Published articles that share words with a text (a complaint's description), those sharing
	 * the most first: a hint for the agent, where {@link #search} would demand every word.
	 */
	@Transactional(readOnly = true)
	public List<Article> related(String text, int limit) {
		Set<String> terms = SearchTerms.of(text);
		terms.removeIf(t -> t.length() < 4); // short words (the, and, with) relate everything
		if (terms.isEmpty()) {
			return List.of();
		}
		var hits = new java.util.HashMap<Long, Integer>();
		for (String term : terms) {
			articles.idsWithTermStartingWith(term + "%", PUBLISHED_ONLY).forEach(id -> hits.merge(id, 1, Integer::sum));
		}
		return articles.findAllById(hits.keySet())
			.stream()
			.sorted(Comparator.comparingInt((Article a) -> -hits.get(a.getId())).thenComparing(Article::getId))
			.limit(limit)
			.toList();
	}

	/**
	 * Published articles to suggest for a case of this category described by this text: those of
	 * the same category or sharing words with the text, the category and the most shared words
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<Article> suggest(String category, String text, int limit) {
		Set<String> terms = SearchTerms.of(text);
		terms.removeIf(t -> t.length() < 4);
		var hits = new java.util.HashMap<Long, Integer>();
		for (String term : terms) {
			articles.idsWithTermStartingWith(term + "%", PUBLISHED_ONLY).forEach(id -> hits.merge(id, 1, Integer::sum));
		}
		if (category != null && !category.isBlank()) {
			articles.findByStatusInOrderByUpdatedAtDesc(PUBLISHED_ONLY)
				.stream()
				.filter(a -> category.equalsIgnoreCase(a.getCategory()))
				.forEach(a -> hits.merge(a.getId(), 3, Integer::sum));
		}
		return articles.findAllById(hits.keySet())
			.stream()
			.sorted(Comparator.comparingInt((Article a) -> -hits.get(a.getId())).thenComparing(Article::getId))
			.limit(limit)
			.toList();
	}

	/** Whether an article was already proposed from this complaint. */
	@Transactional(readOnly = true)
	public boolean hasArticleFromComplaint(long complaintId) {
		return articles.existsBySourceComplaintId(complaintId);
	}

	private static void validate(ArticleText text) {
		var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
		if (text.title() == null || text.title().isBlank()) {
			errors.add(new InvalidInputException.FieldError("title", "must not be blank"));
		}
		else if (text.title().length() > 300) {
			errors.add(new InvalidInputException.FieldError("title", "must be at most 300 characters"));
		}
		if (text.body() == null || text.body().isBlank()) {
			errors.add(new InvalidInputException.FieldError("body", "must not be blank"));
		}
		else if (text.body().length() > 20000) {
			errors.add(new InvalidInputException.FieldError("body", "must be at most 20000 characters"));
		}
		if (text.tags() != null && String.join(",", text.tags()).length() > 500) {
			errors.add(new InvalidInputException.FieldError("tags", "must be at most 500 characters together"));
		}
		if (text.category() != null && text.category().length() > 30) {
			errors.add(new InvalidInputException.FieldError("category", "must be at most 30 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private Instant now() {
		return clock.instant();
	}

}
