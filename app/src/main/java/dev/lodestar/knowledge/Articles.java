package dev.lodestar.knowledge;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Articles extends JpaRepository<Article, Long> {

	/** Ids of the articles with a word starting with {@code prefix}, among the given statuses. */
	@Query("select distinct a.id from Article a join a.terms t where t like :prefix and a.status in :statuses")
	List<Long> idsWithTermStartingWith(@Param("prefix") String prefix,
			@Param("statuses") Collection<ArticleStatus> statuses);

	List<Article> findByStatusInOrderByUpdatedAtDesc(Collection<ArticleStatus> statuses);

	boolean existsBySourceComplaintId(Long complaintId);

}
