package dev.lodestar.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The merges made, newest last. */
interface CustomerMerges extends JpaRepository<CustomerMerge, Long> {

	List<CustomerMerge> findBySurvivorIdOrderByIdDesc(Long survivorId);

	List<CustomerMerge> findBySurvivorIdAndUndoneAtIsNullOrderByIdDesc(Long survivorId);

}
