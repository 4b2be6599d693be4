package dev.lodestar.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One text an article had: who wrote it and when, and — once a service manager published it —
 * who published it and when. Revisions are never rewritten; a new text is a new revision.
 */
@Entity
@Table(name = "crm_kb_article_revision")
public class ArticleRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long articleId;

	private int number;

	private String title;

	private String body;

	private String tags;

	private String category;

	private String writtenBy;

	private Instant writtenAt;

	private String publishedBy;

	private Instant publishedAt;

	protected ArticleRevision() {
	}

	ArticleRevision(Long articleId, int number, String title, String body, String tags, String category,
			String writtenBy, Instant writtenAt) {
		this.articleId = articleId;
		this.number = number;
		this.title = title;
		this.body = body;
		this.tags = tags;
		this.category = category;
		this.writtenBy = writtenBy;
		this.writtenAt = writtenAt;
	}

	void markPublished(String by, Instant now) {
		this.publishedBy = by;
		this.publishedAt = now;
	}

	public Long getArticleId() {
		return articleId;
	}

	public int getNumber() {
		return number;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	String tagsColumn() {
		return tags;
	}

	public List<String> getTags() {
		return tags == null ? List.of() : Arrays.asList(tags.split(","));
	}

	public String getCategory() {
		return category;
	}

	public String getWrittenBy() {
		return writtenBy;
	}

	public Instant getWrittenAt() {
		return writtenAt;
	}

	public String getPublishedBy() {
		return publishedBy;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

}
