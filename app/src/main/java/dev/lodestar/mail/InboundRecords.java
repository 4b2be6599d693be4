package dev.lodestar.mail;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The messages read so far. */
interface InboundRecords extends JpaRepository<InboundRecord, Long> {

	boolean existsByMailboxAndMessageKey(String mailbox, String messageKey);

	Optional<InboundRecord> findByMailboxAndMessageKey(String mailbox, String messageKey);

	List<InboundRecord> findAllByOrderByIdDesc(Pageable page);

}
