package dev.lodestar.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One knowledge-base article. Its search terms follow its title and body. */
@Entity
@Table(name = "crm_kb_article")
public class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String body;

	private String tags;

	private String category;

	@Enumerated(EnumType.STRING)
	private ArticleStatus status;

	private Long sourceComplaintId;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	private String publishedBy;

	private Instant publishedAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "crm_kb_article_term", joinColumns = @JoinColumn(name = "article_id"))
	@Column(name = "term")
	private Set<String> terms = new HashSet<>();

	protected Article() {
	}

	Article(String title, String body, List<String> tags, String category, Long sourceComplaintId, String createdBy,
			Instant now) {
		this.status = ArticleStatus.DRAFT;
		this.sourceComplaintId = sourceComplaintId;
		this.createdBy = createdBy;
		this.createdAt = now;
		write(title, body, tags, category, now);
	}

	/** Rewrites the article; a published article stays published, with its new text. */
	void write(String title, String body, List<String> tags, String category, Instant now) {
		this.title = title;
		this.body = body;
		this.tags = tags == null || tags.isEmpty() ? null : String.join(",", tags);
		this.category = category;
		this.updatedAt = now;
		this.terms.clear();
		this.terms.addAll(SearchTerms.of(title, body));
	}

	/** Makes a draft visible to everybody; publishing twice is refused. */
	void publish(String by, Instant now) {
		if (status == ArticleStatus.PUBLISHED) {
			throw new IllegalStateException("article " + id + " is already published");
		}
		this.status = ArticleStatus.PUBLISHED;
		this.publishedBy = by;
		this.publishedAt = now;
	}

	/** How well the article matches these query terms: title hits count more than body hits. */
	int score(Set<String> queryTerms) {
		Set<String> titleTerms = SearchTerms.of(title);
		int score = 0;
		for (String query : queryTerms) {
			score += titleTerms.stream().anyMatch(t -> t.startsWith(query)) ? 3 : 0;
			score += terms.stream().anyMatch(t -> t.startsWith(query)) ? 1 : 0;
		}
		return score;
	}

	public Long getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public List<String> getTags() {
		return tags == null ? List.of() : Arrays.asList(tags.split(","));
	}

	public String getCategory() {
		return category;
	}

	public ArticleStatus getStatus() {
		return status;
	}

	public Long getSourceComplaintId() {
		return sourceComplaintId;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public String getPublishedBy() {
		return publishedBy;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

}
