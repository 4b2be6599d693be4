package dev.lodestar.knowledge;

import java.util.Arrays;
import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ListPage;

/**
 * The knowledge base as pages: search ({@code /knowledge}, also "articles like this complaint"
 * from the task page), read ({@code /knowledge/{id}}, Markdown rendered on the server with raw
 * HTML escaped), write a draft (service roles) and publish it (service managers only). Writers see,
 * beside a published article, the revision that waits for a manager, and the history of revisions.
 */
@Controller
class KnowledgePageController {

	private static final String WRITERS = "hasAnyRole('service-agent', 'service-manager')";

	private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create(),
			HeadingAnchorExtension.create());

	private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	private final KnowledgeBase knowledgeBase;

	KnowledgePageController(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	/**
	 * The knowledge base: published articles, newest first, or those matching {@code q}, best
	 * first, a page at a time; writers filter by {@code status} (published, draft, in_review,
	 * all). With {@code like} (a complaint's words) and {@code category}: the articles suggested
	 * for it. The state lives in the URL.
	 */
	@GetMapping("/knowledge")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String like,
			@RequestParam(required = false) String category, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			Authentication user, Model model) {
		boolean suggesting = ((like != null && !like.isBlank()) || (category != null && !category.isBlank()))
				&& (q == null || q.isBlank());
		ArticleFilter filter = filter(status);
		model.addAttribute("q", q);
		model.addAttribute("suggesting", suggesting);
		model.addAttribute("status", filter.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("filters", ArticleFilter.values());
		if (suggesting) {
			var suggested = knowledgeBase.suggest(category, like, 10);
			model.addAttribute("list", new ListPage<>(suggested, 1, 10, suggested.size()));
		}
		else {
			model.addAttribute("list", knowledgeBase.list(q, filter, isWriter(user), page, size));
		}
		return "knowledge";
	}

	/** The status filter as the URL names it (any case); a name it does not know is invalid. */
	static ArticleFilter filter(String status) {
		if (status == null || status.isBlank()) {
			return ArticleFilter.PUBLISHED;
		}
		return java.util.Arrays.stream(ArticleFilter.values())
			.filter(f -> f.name().equalsIgnoreCase(status.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("status", "must be one of published, draft, in_review, all"));
	}

	@GetMapping("/knowledge/new")
	@PreAuthorize(WRITERS)
	String newDraft(Model model) {
		model.addAttribute("article", null);
		return "knowledge-edit";
	}

	@PostMapping("/knowledge")
	@PreAuthorize(WRITERS)
	String draft(@RequestParam String title, @RequestParam String body, @RequestParam(required = false) String tags,
			@RequestParam(required = false) String category, Authentication user, Model model,
			RedirectAttributes redirect) {
		var text = new KnowledgeBase.ArticleText(title, body, tags(tags), blankToNull(category));
		try {
			Article article = knowledgeBase.draft(text, null, user.getName());
			redirect.addFlashAttribute("notice", "knowledge.notice.drafted");
			return "redirect:/knowledge/" + article.getId();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.errors());
			model.addAttribute("draft", text);
			return "knowledge-edit";
		}
	}

	@GetMapping("/knowledge/{id}")
	String read(@PathVariable long id, Authentication user, Model model) {
		Article article = knowledgeBase.get(id, isWriter(user));
		model.addAttribute("article", article);
		model.addAttribute("html", HTML.render(MARKDOWN.parse(article.getBody())));
		var pending = isWriter(user) ? knowledgeBase.pendingRevision(article) : java.util.Optional.<ArticleRevision>empty();
		model.addAttribute("pending", pending.orElse(null));
		model.addAttribute("pendingHtml", pending.map(r -> HTML.render(MARKDOWN.parse(r.getBody()))).orElse(null));
		model.addAttribute("history", isWriter(user) ? knowledgeBase.history(id) : List.of());
		model.addAttribute("canPublish", (article.getStatus() == ArticleStatus.DRAFT || pending.isPresent())
				&& hasRole(user, "service-manager"));
		model.addAttribute("canEdit", isWriter(user));
		return "knowledge-article";
	}

	@GetMapping("/knowledge/{id}/edit")
	@PreAuthorize(WRITERS)
	String edit(@PathVariable long id, Model model) {
		Article article = knowledgeBase.get(id, true);
		model.addAttribute("article", article);
		// a writer goes on from the revision waiting for a manager, not from the published text
		model.addAttribute("draft", knowledgeBase.pendingRevision(article)
			.map(r -> new KnowledgeBase.ArticleText(r.getTitle(), r.getBody(), r.getTags(), r.getCategory()))
			.orElseGet(() -> new KnowledgeBase.ArticleText(article.getTitle(), article.getBody(), article.getTags(),
					article.getCategory())));
		return "knowledge-edit";
	}

	@PostMapping("/knowledge/{id}")
	@PreAuthorize(WRITERS)
	String rewrite(@PathVariable long id, @RequestParam String title, @RequestParam String body,
			@RequestParam(required = false) String tags, @RequestParam(required = false) String category,
			Authentication user, Model model, RedirectAttributes redirect) {
		var text = new KnowledgeBase.ArticleText(title, body, tags(tags), blankToNull(category));
		try {
			Article article = knowledgeBase.rewrite(id, text, user.getName());
			redirect.addFlashAttribute("notice",
					article.hasPendingRevision() ? "knowledge.notice.pending" : "knowledge.notice.saved");
			return "redirect:/knowledge/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("article", knowledgeBase.get(id, true));
			model.addAttribute("errors", ex.errors());
			model.addAttribute("draft", text);
			return "knowledge-edit";
		}
	}

	@PostMapping("/knowledge/{id}/publish")
	@PreAuthorize("hasRole('service-manager')")
	String publish(@PathVariable long id, @RequestParam(required = false) Integer revision, Authentication user,
			RedirectAttributes redirect) {
		try {
			knowledgeBase.publish(id, revision, user.getName());
			redirect.addFlashAttribute("notice", "knowledge.notice.published");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", "knowledge.problem.published");
		}
		return "redirect:/knowledge/" + id;
	}

	private static List<String> tags(String tags) {
		if (tags == null || tags.isBlank()) {
			return List.of();
		}
		return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static boolean isWriter(Authentication user) {
		return hasRole(user, "service-agent") || hasRole(user, "service-manager");
	}

	private static boolean hasRole(Authentication user, String role) {
		return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
	}

	/** The complaint categories an article may belong to (suggestions match on them). */
	static final List<String> CATEGORIES = List.of("PRODUCT_DEFECT", "DELIVERY", "BILLING", "SERVICE", "SAFETY");

	@org.springframework.web.bind.annotation.ModelAttribute("categories")
	List<String> categories() {
		return CATEGORIES;
	}

}
