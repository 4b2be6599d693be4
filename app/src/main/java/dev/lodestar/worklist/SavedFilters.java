package dev.lodestar.worklist;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SavedFilters extends JpaRepository<SavedFilter, Long> {

	List<SavedFilter> findByOwnerIdOrderByName(String ownerId);

	boolean existsByOwnerIdAndName(String ownerId, String name);

}
