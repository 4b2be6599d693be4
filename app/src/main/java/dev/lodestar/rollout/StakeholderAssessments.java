package dev.lodestar.rollout;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StakeholderAssessments extends JpaRepository<StakeholderAssessment, Long> {

	List<StakeholderAssessment> findByStakeholderIdOrderByAssessedAtAscIdAsc(Long stakeholderId);

}
