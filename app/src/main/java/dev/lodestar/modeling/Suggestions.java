package dev.lodestar.modeling;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Suggestions extends JpaRepository<Suggestion, Long> {

	List<Suggestion> findByModelKeyOrderByCreatedAtDesc(String modelKey);

	List<Suggestion> findByModelKeyAndAuthorOrderByCreatedAtDesc(String modelKey, String author);

	long countByModelKeyAndStatus(String modelKey, Suggestion.Status status);

}
