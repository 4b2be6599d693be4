package dev.lodestar.knowledge;

/** An article is written as a draft and becomes visible to everybody once published. */
public enum ArticleStatus {
	DRAFT, PUBLISHED
}
