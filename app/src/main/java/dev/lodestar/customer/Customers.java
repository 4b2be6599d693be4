package dev.lodestar.customer;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The customer master. Merged customers stay (their id may be cited elsewhere) but are skipped by matching. */
interface Customers extends JpaRepository<Customer, Long> {

	@Query("""
			select distinct c from Customer c left join c.contacts k
			where c.mergedIntoId is null and (c.emailKey = :email or k.emailKey = :email)
			order by c.id""")
	List<Customer> findActiveByEmailKey(@Param("email") String emailKey);

	@Query("""
			select distinct c from Customer c left join c.contacts k
			where c.mergedIntoId is null and (c.phoneKey = :phone or k.phoneKey = :phone)
			order by c.id""")
	List<Customer> findActiveByPhoneKey(@Param("phone") String phoneKey);

	/** Same normalised name, or one name is the other plus more words ("acme" / "acme industries"). */
	@Query("""
			select c from Customer c
			where c.mergedIntoId is null
			  and (c.nameKey = :key or c.nameKey like concat(:key, ' %') or :key like concat(c.nameKey, ' %'))
			order by c.id""")
	List<Customer> findActiveByNameKey(@Param("key") String nameKey);

	/** {@code phone} is a phone key, or a value no phone key has ("-") to match on text only. */
	@Query("""
			select distinct c from Customer c left join c.contacts k
			where c.mergedIntoId is null
			  and (c.nameKey like concat('%', :key, '%') or lower(k.name) like concat('%', :text, '%')
			       or c.emailKey like concat('%', :text, '%') or k.emailKey like concat('%', :text, '%')
			       or c.phoneKey = :phone or k.phoneKey = :phone)
			order by c.name""")
	List<Customer> search(@Param("key") String nameKey, @Param("text") String lowerText, @Param("phone") String phoneKey,
			Pageable page);

	List<Customer> findByMergedIntoIdIsNullOrderByName(Pageable page);

}
