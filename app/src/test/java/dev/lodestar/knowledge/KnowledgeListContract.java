package dev.lodestar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.PageLogin;

/**
 * The knowledge base as a list, the same on every database: it opens on published articles,
 * writers filter by status, results are paged with a count and ranked (title before body).
 */
abstract class KnowledgeListContract {

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeBase knowledgeBase;

	/** A word no other article has: letters only, so that it is one search term. */
	final String word = "kw" + UUID.randomUUID().toString().replace("-", "").chars().limit(10)
		.mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16)))).collect(java.util.stream.Collectors.joining());

	private Article draft(String title, String body) {
		return knowledgeBase.draft(new KnowledgeBase.ArticleText(title, body, List.of(), null), null, "carol");
	}

	private Article published(String title, String body) {
		return knowledgeBase.publish(draft(title, body).getId(), "dave");
	}

	@Test
	void opensOnPublishedArticlesAndWritersFilterByStatus() throws Exception {
		var live = published("Live " + word + " article", "Published text.");
		var unfinished = draft("Unfinished " + word + " article", "Draft text.");
		var revised = published("Revised " + word + " article", "First text.");
		knowledgeBase.rewrite(revised.getId(), new KnowledgeBase.ArticleText("Revised " + word + " article",
				"Second text.", List.of(), null), "carol");

		var carol = PageLogin.as(port, "carol");
		String opening = carol.get("/knowledge").body();
		assertThat(opening).as("a writer opens on published articles").doesNotContain("class=\"status draft\"")
			.contains("id=\"knowledge-status\"");
		assertThat(carol.get("/knowledge?q=" + word).body()).contains(live.getTitle()).doesNotContain(unfinished.getTitle());
		assertThat(carol.get("/knowledge?q=" + word + "&status=draft").body()).contains(unfinished.getTitle())
			.doesNotContain(live.getTitle());
		assertThat(carol.get("/knowledge?q=" + word + "&status=in_review").body()).contains(revised.getTitle())
			.doesNotContain(live.getTitle());
		assertThat(carol.get("/knowledge?status=shoe").statusCode()).isEqualTo(400);

		var alice = PageLogin.as(port, "alice");
		String reader = alice.get("/knowledge?q=" + word + "&status=draft").body();
		assertThat(reader).as("readers see published ones whatever they ask").contains(live.getTitle())
			.doesNotContain(unfinished.getTitle())
			.doesNotContain("id=\"knowledge-status\"");
	}

	@Test
	void searchIsPagedCountedAndRanksTitleHitsFirst() {
		for (int i = 0; i < 23; i++) {
			published("Note " + i, "Mentions " + word + " in passing, number " + i + ".");
		}
		var titled = published("How to fix " + word + " hinges", "Tighten the screws.");
		// newer than the one with the word in its title, and still ranked after it
		published("Another note", "Also about " + word + " somewhere.");

		var first = knowledgeBase.list(word.substring(0, 6) + " ", ArticleFilter.PUBLISHED, true, 1, 10);
		assertThat(first.total()).isEqualTo(25);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.items()).hasSize(10);
		assertThat(first.items().get(0).getId()).as("title hit first").isEqualTo(titled.getId());
		var last = knowledgeBase.list(word, ArticleFilter.PUBLISHED, true, 3, 10);
		assertThat(last.items()).hasSize(5);
		assertThat(last.items()).extracting(Article::getId).doesNotContain(titled.getId());

		// every word must match, as a word prefix
		assertThat(knowledgeBase.list(word + " hing", ArticleFilter.ALL, true, 1, 10).items()).extracting(Article::getId)
			.containsExactly(titled.getId());
		assertThat(knowledgeBase.list(word + " inges", ArticleFilter.ALL, true, 1, 10).total()).isZero();
	}

}
