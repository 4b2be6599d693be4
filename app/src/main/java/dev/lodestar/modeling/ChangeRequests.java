package dev.lodestar.modeling;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRequests extends JpaRepository<ChangeRequest, Long> {

	List<ChangeRequest> findByModelKeyOrderByIdDesc(String modelKey);

}
