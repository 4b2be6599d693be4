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
 * agents and managers also see drafts and write them; only a service manager publishes.
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
	@Operation(summary = "Search articles: every word of q must start a word of the title or body")
	List<ArticleView> search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "limit", defaultValue = "20") int limit, Authentication user) {
		return knowledgeBase.search(query, isWriter(user), Math.max(1, Math.min(limit, 100)))
			.stream()
			.map(ArticleView::of)
			.toList();
	}

	@GetMapping("/{id}")
	ArticleView get(@PathVariable long id, Authentication user) {
		return ArticleView.of(knowledgeBase.get(id, isWriter(user)));
	}

	@PostMapping
	@PreAuthorize(WRITERS)
	@Operation(summary = "Write a new draft")
	ResponseEntity<ArticleView> draft(@RequestBody KnowledgeBase.ArticleText text, Authentication user) {
		Article article = knowledgeBase.draft(text, null, user.getName());
		return ResponseEntity.created(URI.create("/api/knowledge/articles/" + article.getId()))
			.body(ArticleView.of(article));
	}

	@PutMapping("/{id}")
	@PreAuthorize(WRITERS)
	ArticleView rewrite(@PathVariable long id, @RequestBody KnowledgeBase.ArticleText text) {
		return ArticleView.of(knowledgeBase.rewrite(id, text));
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('service-manager')")
	@Operation(summary = "Publish a draft (service managers only)")
	ArticleView publish(@PathVariable long id, Authentication user) {
		return ArticleView.of(knowledgeBase.publish(id, user.getName()));
	}

	private static boolean isWriter(Authentication user) {
		return user.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_service-agent")
					|| a.getAuthority().equals("ROLE_service-manager"));
	}

	record ArticleView(Long id, String title, String body, List<String> tags, String category, ArticleStatus status,
			Long sourceComplaintId, String createdBy, Instant updatedAt, String publishedBy, Instant publishedAt) {

		static ArticleView of(Article a) {
			return new ArticleView(a.getId(), a.getTitle(), a.getBody(), a.getTags(), a.getCategory(), a.getStatus(),
					a.getSourceComplaintId(), a.getCreatedBy(), a.getUpdatedAt(), a.getPublishedBy(),
					a.getPublishedAt());
		}
	}

}
