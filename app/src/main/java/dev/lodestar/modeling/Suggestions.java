package dev.lodestar.modeling;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Suggestions extends JpaRepository<Suggestion, Long> {

	List<Suggestion> findByModelKeyOrderByCreatedAtDesc(String modelKey);

	List<Suggestion> findByModelKeyAndAuthorOrderByCreatedAtDesc(String modelKey, String author);

	/** Model key and number of suggestions in {@code status}, per model that has any. */
	@org.springframework.data.jpa.repository.Query("select s.modelKey, count(s) from Suggestion s"
			+ " where s.status = :status group by s.modelKey")
	List<Object[]> countPerModel(@org.springframework.data.repository.query.Param("status") Suggestion.Status status);

}
