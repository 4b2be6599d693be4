package dev.lodestar.complaint;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Complaints extends JpaRepository<Complaint, Long> {

	@Query("""
			select c from Complaint c
			where (:status is null or c.status = :status)
			  and (:email is null or lower(c.customerEmail) = :email)
			  and (:phone is null or c.customerPhone = :phone)
			  and (:customerId is null or c.customerId = :customerId)
			order by c.receivedAt desc""")
	List<Complaint> search(@Param("status") ComplaintStatus status, @Param("email") String email,
			@Param("phone") String phone, @Param("customerId") Long customerId, Pageable page);

	List<Complaint> findByCustomerIdOrderByReceivedAtDesc(Long customerId);

	/** Ids of complaints whose customer's name contains the (lower-case) text, for My work's Customer filter. */
	@Query("select c.id from Complaint c where lower(c.customerName) like concat('%', :text, '%') order by c.id desc")
	List<Long> idsByCustomerName(@Param("text") String lowerText, Pageable page);

	boolean existsByDescriptionStartingWith(String prefix);

	/** Re-points the complaints of a merged customer to the one that lives on. */
	@org.springframework.data.jpa.repository.Modifying
	@Query("update Complaint c set c.customerId = :survivor where c.customerId = :duplicate")
	int moveToCustomer(@Param("duplicate") Long duplicate, @Param("survivor") Long survivor);


	/** The complaint a process instance's business key names (its id), if the key is one. */
	default Optional<Complaint> findByBusinessKey(String businessKey) {
		return dev.lodestar.system.FormValues.idOrEmpty(businessKey).flatMap(this::findById);
	}

	@Query("select c.id from Complaint c where c.customerId = :customer order by c.id")
	List<Long> idsOfCustomer(@Param("customer") Long customerId);

	/** Moves these complaints (those still on {@code from}) to another customer: an undone merge. */
	@org.springframework.data.jpa.repository.Modifying
	@Query("update Complaint c set c.customerId = :to where c.customerId = :from and c.id in :ids")
	int moveBack(@Param("ids") java.util.Collection<Long> ids, @Param("from") Long from, @Param("to") Long to);

}
