package dev.lodestar.activity;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The activities, queried by the person they are for and by case; one query per page, no row fetched twice. */
interface Activities extends JpaRepository<Activity, Long> {

	Page<Activity> findByAssigneeAndState(String assignee, ActivityState state, Pageable page);

	Page<Activity> findByAssigneeAndStateAndDueAtBefore(String assignee, ActivityState state, Instant before,
			Pageable page);

	Page<Activity> findByAssignee(String assignee, Pageable page);

	Page<Activity> findByCaseTypeAndCaseId(String caseType, long caseId, Pageable page);

	long countByAssigneeAndStateAndDueAtBefore(String assignee, ActivityState state, Instant before);

}
