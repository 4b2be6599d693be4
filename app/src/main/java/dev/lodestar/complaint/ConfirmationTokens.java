package dev.lodestar.complaint;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConfirmationTokens extends JpaRepository<ConfirmationToken, Long> {

	Optional<ConfirmationToken> findByTokenHash(String tokenHash);

	/** The newest link issued for a complaint (one per resolution sent). */
	Optional<ConfirmationToken> findFirstByComplaintIdOrderByIdDesc(Long complaintId);

}
