package dev.lodestar.modeling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ModelRevisions extends JpaRepository<ModelRevision, Long> {

	List<ModelRevision> findByModelKeyOrderByCreatedAtDescIdDesc(String modelKey);

	Optional<ModelRevision> findFirstByModelKeyOrderByIdDesc(String modelKey);

	List<ModelRevision> findByDeploymentId(String deploymentId);

	/** The newest revision of every model whose newest revision is a draft (new models among them). */
	@Query("select r from ModelRevision r where r.status = dev.lodestar.modeling.ModelRevision.Status.DRAFT"
			+ " and r.id in (select max(x.id) from ModelRevision x group by x.modelKey)")
	List<ModelRevision> findNewestDrafts();

	/** Model key, id, status and content hash of every model's newest revision (no content): one row per model. */
	@Query("select r.modelKey, r.id, r.status, r.contentHash from ModelRevision r"
			+ " where r.id in (select max(x.id) from ModelRevision x group by x.modelKey)")
	List<Object[]> newestOfEveryModel();

}
