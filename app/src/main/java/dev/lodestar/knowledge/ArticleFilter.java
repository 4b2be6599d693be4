package dev.lodestar.knowledge;

/**
 * Which articles a list shows. Readers see only published ones; writers choose, starting on
 * the published ones as well.
 */
public enum ArticleFilter {
	/** What readers see. */
	PUBLISHED,
	/** Never published yet: waiting to be finished or published. */
	DRAFT,
	/** Published, with a newer revision waiting for a service manager. */
	IN_REVIEW,
	/** Every article. */
	ALL
}
