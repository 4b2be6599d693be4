package dev.lodestar.complaint;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The complaints' mail threads. */
interface ComplaintMails extends JpaRepository<ComplaintMail, Long> {

	List<ComplaintMail> findByComplaintIdOrderByOccurredAtAscIdAsc(long complaintId);

}
