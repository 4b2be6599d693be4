package dev.lodestar.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The customer master. Merged customers stay (their id may be cited elsewhere) but are skipped by matching. */
interface Customers extends JpaRepository<Customer, Long> {

	/**
	 * Customers with this e-mail key, their own or a contact's, by id. Two indexed lookups
	 * rather than one query with an OR across the join, which no index serves.
	 */
	default List<Customer> findActiveByEmailKey(String emailKey) {
		return byId(findActiveByOwnEmailKey(emailKey), findActiveByContactEmailKey(emailKey));
	}

	/** Customers with this phone key, their own or a contact's, by id (two indexed lookups). */
	default List<Customer> findActiveByPhoneKey(String phoneKey) {
		return byId(findActiveByOwnPhoneKey(phoneKey), findActiveByContactPhoneKey(phoneKey));
	}

	/**
	 * The id and name key of active customers that share a block with a name
	 * ({@link NameSimilarity#blocks}): the candidates that matching scores, at most
	 * {@code limit.getPageSize()} of them. An index lookup per block, and two columns per row.
	 */
	@Query("""
			select distinct c.id, c.nameKey from Customer c join c.nameBlocks b
			where c.mergedIntoId is null and b in :blocks""")
	List<Object[]> findActiveNameKeysByBlocks(@Param("blocks") Collection<String> blocks, Pageable limit);

	@Query("select c from Customer c where c.mergedIntoId is null and c.emailKey = :email")
	List<Customer> findActiveByOwnEmailKey(@Param("email") String emailKey);

	@Query("select distinct c from Contact k join k.customer c where c.mergedIntoId is null and k.emailKey = :email")
	List<Customer> findActiveByContactEmailKey(@Param("email") String emailKey);

	@Query("select c from Customer c where c.mergedIntoId is null and c.phoneKey = :phone")
	List<Customer> findActiveByOwnPhoneKey(@Param("phone") String phoneKey);

	@Query("select distinct c from Contact k join k.customer c where c.mergedIntoId is null and k.phoneKey = :phone")
	List<Customer> findActiveByContactPhoneKey(@Param("phone") String phoneKey);

	private static List<Customer> byId(List<Customer> first, List<Customer> second) {
		var byId = new TreeMap<Long, Customer>();
		first.forEach(c -> byId.put(c.getId(), c));
		second.forEach(c -> byId.putIfAbsent(c.getId(), c));
		return List.copyOf(byId.values());
	}

	/** One page of the active customers, in the page's order, and how many there are. */
	Page<Customer> findByMergedIntoIdIsNull(Pageable page);

	/**
	 * One page of the active customers whose search text contains one of the (lower-case, LIKE
	 * escaped) patterns, or whose number is {@code number}. One column and the primary key, so
	 * that on PostgreSQL a trigram index (V130) and the key can serve it as a bitmap OR of index
	 * scans (at a few thousand customers the planner rightly prefers a scan of some milliseconds).
	 */
	@Query("""
			select c from Customer c
			where c.mergedIntoId is null
			  and (c.searchText like :text escape '\\' or c.searchText like :key escape '\\'
			       or c.searchText like :phone escape '\\' or c.id = :number)""")
	Page<Customer> findActiveContaining(@Param("text") String textPattern, @Param("key") String nameKeyPattern,
			@Param("phone") String phonePattern, @Param("number") long number, Pageable page);

	/** The active customer with this number, as a page of zero or one. */
	Page<Customer> findByIdAndMergedIntoIdIsNull(long id, Pageable page);

	/** The customer, its row locked until the transaction ends: of two merges of one customer, one at a time. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Customer c where c.id = :id")
	Optional<Customer> lockById(@Param("id") Long id);

}
