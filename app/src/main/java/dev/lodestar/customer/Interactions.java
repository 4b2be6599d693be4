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

}
