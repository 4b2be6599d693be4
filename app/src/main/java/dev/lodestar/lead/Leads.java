package dev.lodestar.lead;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

/** All leads. */
interface Leads extends JpaRepository<Lead, Long> {

	@Query("""
			select l from Lead l
			where l.stage in :stages
			  and (:text = '' or lower(l.company) like concat('%', :text, '%')
			       or lower(coalesce(l.contactName, '')) like concat('%', :text, '%')
			       or lower(coalesce(l.email, '')) like concat('%', :text, '%'))
			order by l.createdAt desc, l.id desc""")
	List<Lead> search(@Param("stages") java.util.Collection<LeadStage> stages, @Param("text") String lowerText, Pageable page);

	List<Lead> findByCustomerIdOrderByCreatedAtDesc(Long customerId);

	/** The lead, locked until the transaction ends: steps of one lead are completed one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from Lead l where l.id = :id")
	java.util.Optional<Lead> lockById(@Param("id") Long id);

	boolean existsByCompany(String company);

	/** Ids of leads whose company contains the (lower-case) text, for My work's Customer filter. */
	@Query("select l.id from Lead l where lower(l.company) like concat('%', :text, '%') order by l.id desc")
	List<Long> idsByCompany(@Param("text") String lowerText, Pageable page);

}
