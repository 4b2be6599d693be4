package dev.lodestar.knowledge;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Articles extends JpaRepository<Article, Long> {

	/** Ids of the articles with a word starting with {@code prefix}, among the given statuses. */
	@Query("select distinct a.id from Article a join a.terms t where t like :prefix and a.status in :statuses")
	List<Long> idsWithTermStartingWith(@Param("prefix") String prefix,
			@Param("statuses") Collection<ArticleStatus> statuses);

	List<Article> findByStatusInOrderByUpdatedAtDesc(Collection<ArticleStatus> statuses);

	Page<Article> findByStatus(ArticleStatus status, Pageable page);

	/** Published articles with a newer revision waiting for a service manager. */
	@Query("select a from Article a where a.status = dev.lodestar.knowledge.ArticleStatus.PUBLISHED and a.revision > a.publishedRevision")
	Page<Article> findInReview(Pageable page);

	boolean existsBySourceComplaintId(Long complaintId);

}
