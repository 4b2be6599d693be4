package dev.lodestar.complaint;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The times complaints waited for the customer. */
interface SlaPauses extends JpaRepository<SlaPause, Long> {

	List<SlaPause> findByComplaintIdOrderByPausedAtAscIdAsc(long complaintId);

	Optional<SlaPause> findFirstByComplaintIdAndResumedAtIsNullOrderByIdDesc(long complaintId);

}
