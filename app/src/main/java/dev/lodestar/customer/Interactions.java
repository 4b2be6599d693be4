package dev.lodestar.customer;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The interaction log of every customer. */
interface Interactions extends JpaRepository<Interaction, Long> {

	List<Interaction> findByCustomerIdOrderByOccurredAtDescIdDesc(Long customerId, Pageable page);

	List<Interaction> findBySubjectTypeAndSubjectIdOrderByOccurredAtDescIdDesc(String subjectType, String subjectId,
			Pageable page);

	@Modifying
	@Query("update Interaction i set i.customerId = :survivor where i.customerId = :duplicate")
	int moveAll(@Param("duplicate") Long duplicateId, @Param("survivor") Long survivorId);

	@Query("select i.id from Interaction i where i.customerId = :customer order by i.id")
	List<Long> idsOf(@Param("customer") Long customerId);

	/** Moves these interactions (those still on {@code from}) to another customer: an undone merge. */
	@Modifying
	@Query("update Interaction i set i.customerId = :to where i.customerId = :from and i.id in :ids")
	int move(@Param("ids") java.util.Collection<Long> ids, @Param("from") Long from, @Param("to") Long to);

	@Query("select min(i.occurredAt) from Interaction i where i.customerId = :customer")
	java.time.Instant firstOccurredAt(@Param("customer") Long customerId);

}
