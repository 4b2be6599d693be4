package dev.lodestar.knowledge;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The knowledge base over HTTP. Every employee reads and searches published articles; service
 * agents and managers also see drafts and write them; only a service manager publishes. A rewrite of
 * a published article is a pending revision: readers keep the published text until a manager
 * publishes the new one; writers see the pending revision beside it, and the history of them all.
 */
@RestController
@RequestMapping("/api/knowledge/articles")
@Tag(name = "Knowledge base")
class KnowledgeBaseController {

	private static final String WRITERS = "hasAnyRole('service-agent', 'service-manager')";

	private final KnowledgeBase knowledgeBase;

	KnowledgeBaseController(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@GetMapping
	@Operation(summary = "Search articles: every word of q must start a word of the title or body; best first, "
			+ "a page at a time (the total in X-Total-Count); writers filter by status (published, draft, in_review, all; all by default)")
	ResponseEntity<List<ArticleView>> search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "page", defaultValue = "1") int page,
			@RequestParam(name = "limit", defaultValue = "20") int limit, Authentication user) {
		// without a status a writer's search covers every article, as it always did
		var filter = status == null ? ArticleFilter.ALL : KnowledgePageController.filter(status);
		var list = knowledgeBase.list(query, filter, isWriter(user), page,
				Math.max(1, Math.min(limit, 100)));
		return ResponseEntity.ok()
			.header("X-Total-Count", String.valueOf(list.total()))
			.body(list.items().stream().map(a -> ArticleView.of(a, null)).toList());
	}

	@GetMapping("/{id}")
	ArticleView get(@PathVariable long id, Authentication user) {
		Article article = knowledgeBase.get(id, isWriter(user));
		return isWriter(user) ? withPending(article) : ArticleView.of(article, null);
	}

	@GetMapping("/{id}/revisions")
	@PreAuthorize(WRITERS)
	@Operation(summary = "Every revision of an article, newest first: who wrote it when, who published it when")
	List<RevisionView> history(@PathVariable long id) {
		return knowledgeBase.history(id).stream().map(RevisionView::of).toList();
	}

	@PostMapping
	@PreAuthorize(WRITERS)
	@Operation(summary = "Write a new draft")
	ResponseEntity<ArticleView> draft(@jakarta.validation.Valid @RequestBody KnowledgeBase.ArticleText text, Authentication user) {
		Article article = knowledgeBase.draft(text, null, user.getName());
		return ResponseEntity.created(URI.create("/api/knowledge/articles/" + article.getId()))
			.body(ArticleView.of(article, null));
	}

	@PutMapping("/{id}")
	@PreAuthorize(WRITERS)
	@Operation(summary = "Write a new revision: a draft changes at once, a published article only when a manager publishes it")
	ArticleView rewrite(@PathVariable long id, @jakarta.validation.Valid @RequestBody KnowledgeBase.ArticleText text, Authentication user) {
		return withPending(knowledgeBase.rewrite(id, text, user.getName()));
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('service-manager')")
	@Operation(summary = "Publish the newest revision (service managers only); with revision: only if it is still the newest")
	ArticleView publish(@PathVariable long id, @RequestParam(name = "revision", required = false) Integer revision,
			Authentication user) {
		return withPending(knowledgeBase.publish(id, revision, user.getName()));
	}

	private ArticleView withPending(Article article) {
		return ArticleView.of(article, knowledgeBase.pendingRevision(article).map(RevisionView::of).orElse(null));
	}

	private static boolean isWriter(Authentication user) {
		return user.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_service-agent")
					|| a.getAuthority().equals("ROLE_service-manager"));
	}

	/** An article as readers see it; {@code pendingRevision} (writers only) is what waits for a manager. */
	record ArticleView(Long id, String title, String body, List<String> tags, String category, ArticleStatus status,
			Long sourceComplaintId, String createdBy, Instant updatedAt, String publishedBy, Instant publishedAt,
			int revision, Integer publishedRevision, RevisionView pendingRevision) {

		static ArticleView of(Article a, RevisionView pending) {
			return new ArticleView(a.getId(), a.getTitle(), a.getBody(), a.getTags(), a.getCategory(), a.getStatus(),
					a.getSourceComplaintId(), a.getCreatedBy(), a.getUpdatedAt(), a.getPublishedBy(),
					a.getPublishedAt(), a.getRevision(), a.getPublishedRevision(), pending);
		}
	}

	record RevisionView(int number, String title, String body, List<String> tags, String category, String writtenBy,
			Instant writtenAt, String publishedBy, Instant publishedAt) {

		static RevisionView of(ArticleRevision r) {
			return new RevisionView(r.getNumber(), r.getTitle(), r.getBody(), r.getTags(), r.getCategory(),
					r.getWrittenBy(), r.getWrittenAt(), r.getPublishedBy(), r.getPublishedAt());
		}
	}

}
