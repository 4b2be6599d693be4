package dev.lodestar.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Possible duplicates awaiting a person's decision, and the decisions taken. */
interface DuplicateSuspicions extends JpaRepository<DuplicateSuspicion, Long> {

	@Query("""
			select d from DuplicateSuspicion d
			where d.status = dev.lodestar.customer.DuplicateSuspicion.Status.OPEN
			  and (d.customerId = :customer or d.candidateId = :customer)
			order by d.id""")
	List<DuplicateSuspicion> findOpenConcerning(@Param("customer") Long customerId);

	@Query("""
			select d from DuplicateSuspicion d
			where (d.customerId = :a and d.candidateId = :b) or (d.customerId = :b and d.candidateId = :a)""")
	List<DuplicateSuspicion> findBetween(@Param("a") Long a, @Param("b") Long b);

}
