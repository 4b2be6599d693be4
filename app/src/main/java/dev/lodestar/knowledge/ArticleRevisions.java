package dev.lodestar.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleRevisions extends JpaRepository<ArticleRevision, Long> {

	Optional<ArticleRevision> findByArticleIdAndNumber(Long articleId, int number);

	List<ArticleRevision> findByArticleIdOrderByNumberDesc(Long articleId);

}
