package dev.lodestar.modeling;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeComments extends JpaRepository<ChangeComment, Long> {

	List<ChangeComment> findByRequestIdOrderByCreatedAtAscIdAsc(long requestId);

}
