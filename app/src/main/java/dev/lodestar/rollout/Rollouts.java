package dev.lodestar.rollout;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Rollouts extends JpaRepository<Rollout, Long> {

	Optional<Rollout> findFirstByName(String name);

}
