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

/**
 * One knowledge-base article. Its columns hold the text readers see: the last published
 * revision, or — until the first publication — the newest draft. A rewrite of a published
 * article is a new revision that readers see only once a service manager publishes it. Its search
 * terms follow the text it holds.
 */
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

	/** The number of the newest revision. */
	private int revision;

	/** The number of the revision readers see; none before the first publication. */
	private Integer publishedRevision;

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
		this.revision = 1;
		show(title, body, joined(tags), category, now);
	}

	/** The article's first text as its revision 1 (once the article has its id). */
	ArticleRevision firstRevision() {
		return new ArticleRevision(id, 1, title, body, tags, category, createdBy, createdAt);
	}

	/**
	 * Writes a new revision. A draft nobody published shows it at once (only writers see drafts);
	 * a published article keeps its published text until a manager publishes the new revision.
	 */
	ArticleRevision write(String title, String body, List<String> tags, String category, String by, Instant now) {
		this.revision++;
		if (status == ArticleStatus.DRAFT) {
			show(title, body, joined(tags), category, now);
		}
		return new ArticleRevision(id, revision, title, body, joined(tags), category, by, now);
	}

	/** Whether a revision newer than the published one waits for a manager. */
	public boolean hasPendingRevision() {
		return status == ArticleStatus.PUBLISHED && publishedRevision != null && revision > publishedRevision;
	}

	/**
	 * Publishes the newest revision: the first publication of a draft, or the rewrite of a
	 * published article. Publishing what is already live is refused, and so is publishing another
	 * revision than the one the manager read ({@code expected}, when given): somebody wrote since.
	 */
	void publish(ArticleRevision newest, Integer expected, String by, Instant now) {
		if (newest.getNumber() != revision) {
			throw new IllegalArgumentException("revision " + newest.getNumber() + " is not the newest of article " + id);
		}
		if (status == ArticleStatus.PUBLISHED && !hasPendingRevision()) {
			throw new IllegalStateException("article " + id + " is already published");
		}
		if (expected != null && expected != revision) {
			throw new IllegalStateException("article " + id + " has revision " + revision + " now, not " + expected
					+ ": read it again before publishing");
		}
		show(newest.getTitle(), newest.getBody(), newest.tagsColumn(), newest.getCategory(), now);
		newest.markPublished(by, now);
		this.status = ArticleStatus.PUBLISHED;
		this.publishedRevision = revision;
		this.publishedBy = by;
		this.publishedAt = now;
	}

	private void show(String title, String body, String tags, String category, Instant now) {
		this.title = title;
		this.body = body;
		this.tags = tags;
		this.category = category;
		this.updatedAt = now;
		this.terms.clear();
		this.terms.addAll(SearchTerms.of(title, body));
	}

	private static String joined(List<String> tags) {
		return tags == null || tags.isEmpty() ? null : String.join(",", tags);
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

	public int getRevision() {
		return revision;
	}

	public Integer getPublishedRevision() {
		return publishedRevision;
	}

}
