package dev.lodestar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The knowledge list on PostgreSQL: ranked by full-text search (V131). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class KnowledgeListPostgresIntegrationTest extends KnowledgeListContract {

	@Autowired
	ArticleSearch search;

	@Test
	void ranksWithPostgresFullTextSearch() {
		assertThat(search.fullText()).isTrue();
	}

}
