package dev.lodestar.frontoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.knowledge.Article;
import dev.lodestar.knowledge.KnowledgeBase;

/** The knowledge pages: an agent's rewrite of a published article waits, shown to managers, until one publishes it. */
@LodestarIntegrationTest
class KnowledgeRevisionPagesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeBase knowledgeBase;

	@Test
	void anAgentsRewriteOnThePageWaitsForAManagerWhoSeesItAndPublishesIt() {
		String title = "Pages revision " + UUID.randomUUID();
		Article article = knowledgeBase.draft(new KnowledgeBase.ArticleText(title, "Old advice.", List.of(), "SERVICE"),
				null, "carol");
		knowledgeBase.publish(article.getId(), "dave");

		var carol = PageSession.logIn(port, "carol");
		var saved = carol.post("/knowledge/" + article.getId(),
				Map.of("title", title, "body", "New **advice**.", "category", "SERVICE"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(carol.get("/knowledge/" + article.getId() + "/edit").body())
			.as("the agent goes on from the waiting revision").contains("New **advice**.");

		var grace = PageSession.logIn(port, "grace");
		String asReader = grace.get("/knowledge/" + article.getId()).body();
		assertThat(asReader).contains("Old advice.").doesNotContain("New <strong>advice</strong>")
			.doesNotContain("id=\"pending-revision\"").doesNotContain("id=\"article-history\"");

		var dave = PageSession.logIn(port, "dave");
		String asManager = dave.get("/knowledge/" + article.getId()).body();
		assertThat(asManager).contains("Old advice.").contains("id=\"pending-revision\"")
			.contains("New <strong>advice</strong>").contains("id=\"publish\"").contains("name=\"revision\" value=\"2\"")
			.contains("id=\"article-history\"");
		assertThat(dave.get("/knowledge?q=" + title.split(" ")[2]).body()).contains("pending-revision");

		assertThat(dave.post("/knowledge/" + article.getId() + "/publish", Map.of("revision", "2")).statusCode())
			.isEqualTo(302);
		assertThat(grace.get("/knowledge/" + article.getId()).body()).contains("New <strong>advice</strong>")
			.doesNotContain("Old advice.");
		assertThat(knowledgeBase.history(article.getId())).extracting(r -> r.getPublishedBy()).containsExactly("dave",
				"dave");
	}

}
