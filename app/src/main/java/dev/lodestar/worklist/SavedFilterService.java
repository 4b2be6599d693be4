package dev.lodestar.worklist;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;

/** Each user's saved views of My work. */
@Service
class SavedFilterService {

	private final SavedFilters filters;
	private final Clock clock;

	SavedFilterService(SavedFilters filters, Optional<Clock> clock) {
		this.filters = filters;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	@Transactional(readOnly = true)
	List<SavedFilter> of(Caller caller) {
		return filters.findByOwnerIdOrderByName(caller.userId());
	}

	@Transactional
	SavedFilter save(Caller caller, String name, TaskFilter filter) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new InvalidInputException("name", "must be 1 to 100 characters");
		}
		if (filters.existsByOwnerIdAndName(caller.userId(), name.strip())) {
			throw new ConflictException("a filter named '" + name.strip() + "' exists already");
		}
		return filters.save(new SavedFilter(caller.userId(), name, filter, clock.instant()));
	}

	@Transactional
	void delete(Caller caller, long id) {
		SavedFilter filter = filters.findById(id)
			.filter(f -> f.isOwnedBy(caller.userId()))
			.orElseThrow(() -> new NotFoundException("Saved filter", id));
		filters.delete(filter);
	}

}
