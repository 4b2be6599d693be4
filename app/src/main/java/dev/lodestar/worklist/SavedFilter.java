package dev.lodestar.worklist;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's named view of My work: the query string of a {@link TaskFilter}. */
@Entity
@Table(name = "crm_saved_filter")
public class SavedFilter {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String ownerId;

	private String name;

	private String query;

	private Instant createdAt;

	protected SavedFilter() {
	}

	SavedFilter(String ownerId, String name, TaskFilter filter, Instant createdAt) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new IllegalArgumentException("a saved filter needs a name of 1 to 100 characters");
		}
		this.ownerId = ownerId;
		this.name = name.strip();
		this.query = filter.toQueryString();
		this.createdAt = createdAt;
	}

	public boolean isOwnedBy(String userId) {
		return ownerId.equals(userId);
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getQuery() {
		return query;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
