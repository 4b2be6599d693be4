package dev.lodestar.modeling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelRevisions extends JpaRepository<ModelRevision, Long> {

	List<ModelRevision> findByModelKeyOrderByCreatedAtDescIdDesc(String modelKey);

	Optional<ModelRevision> findFirstByModelKeyOrderByIdDesc(String modelKey);

	List<ModelRevision> findByDeploymentId(String deploymentId);

}
