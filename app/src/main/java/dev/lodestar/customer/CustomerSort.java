package dev.lodestar.customer;

import org.springframework.data.domain.Sort;

/** The orders the customer list offers; equal values keep the customers' numbers in order. */
public enum CustomerSort {
	NAME("name"), NUMBER("id"), SINCE("customerSince"), REGION("region"), SEGMENT("segment");

	private final String property;

	CustomerSort(String property) {
		this.property = property;
	}

	Sort by(boolean descending) {
		var direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
		var sort = Sort.by(direction, property);
		return this == NUMBER ? sort : sort.and(Sort.by(Sort.Direction.ASC, "id"));
	}

}
