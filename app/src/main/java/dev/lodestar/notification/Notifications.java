package dev.lodestar.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The outbox. */
interface Notifications extends JpaRepository<Notification, Long> {

	boolean existsByDedupeKey(String dedupeKey);

	List<Notification> findByStatusInOrderByCreatedAtDesc(Collection<NotificationStatus> statuses, Pageable page);

	List<Notification> findByRecipientUserIdOrderByCreatedAtDesc(String userId, Pageable page);

	List<Notification> findByRecipientEmailOrderByIdDesc(String email, Pageable page);

	List<Notification> findByMessageIdIn(Collection<String> messageIds);

	@Query("select n.id from Notification n where n.status in :statuses and n.nextAttemptAt <= :now order by n.nextAttemptAt")
	List<Long> findDue(@Param("statuses") Collection<NotificationStatus> statuses, @Param("now") Instant now,
			Pageable page);

	/**
	 * Takes a due message for one sender: exactly one caller gets 1. A lease, not a lock: a
	 * sender that dies mid-way leaves a SENDING row that is due again once the lease ends.
	 */
	@Modifying
	@Query("""
			update Notification n set n.status = :sending, n.nextAttemptAt = :leaseEnd
			where n.id = :id and n.status in :claimable and n.nextAttemptAt <= :now""")
	int claim(@Param("id") long id, @Param("now") Instant now, @Param("leaseEnd") Instant leaseEnd,
			@Param("sending") NotificationStatus sending,
			@Param("claimable") Collection<NotificationStatus> claimable);

}
