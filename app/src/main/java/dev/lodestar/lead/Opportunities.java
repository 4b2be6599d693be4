package dev.lodestar.lead;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** All opportunities (one per qualified lead). */
interface Opportunities extends JpaRepository<Opportunity, Long> {

	Optional<Opportunity> findByLeadId(Long leadId);

	List<Opportunity> findByCustomerIdOrderByCreatedAtDesc(Long customerId);

	List<Opportunity> findByLeadIdIn(java.util.Collection<Long> leadIds);

	@org.springframework.data.jpa.repository.Query("select o.id from Opportunity o where o.customerId = :customer order by o.id")
	List<Long> idsOfCustomer(@org.springframework.data.repository.query.Param("customer") Long customerId);

}
