package dev.lodestar.lead;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All opportunities (one per qualified lead). */
interface Opportunities extends JpaRepository<Opportunity, Long> {

	Optional<Opportunity> findByLeadId(Long leadId);

	List<Opportunity> findByCustomerIdOrderByCreatedAtDesc(Long customerId);

	@Modifying
	@Query("update Opportunity o set o.customerId = :survivor where o.customerId = :duplicate")
	int repointCustomer(@Param("duplicate") Long duplicateId, @Param("survivor") Long survivorId);

}
